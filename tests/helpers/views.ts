/** Two districts' reports, of different years, that name one program: short real excerpts of the corpus. */
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { documentFromText } from '../../src/text/document.js';

export const NANSHAN_2015 = documentFromText(
  '各位代表：现在，我代表深圳市南山区人民政府向大会报告工作。\n一、2014年工作回顾\n加快推进社会建设“织网工程”，建成社会建设服务大厅。100个社区工作站全部实现“一窗通”，“96881”民生服务热线升级为综合智能服务平台。',
  '2015年南山区政府工作报告_2015',
);
export const FUTIAN_2021 = documentFromText(
  '各位代表：现在，我代表深圳市福田区人民政府向大会报告工作。\n一、2020年工作回顾\n企业开办实现“一窗通”，率先实现新注册企业刻制印章“零收费”。',
  '2021年政府工作报告（在福田区第七届人民代表大会第七次会议上）_2021',
);

export const viewFixture = (): SerializedGraph => buildGraph([extractDocument(NANSHAN_2015), extractDocument(FUTIAN_2021)], EXTRACTOR_VERSION);
