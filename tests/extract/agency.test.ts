import { describe, expect, it } from 'vitest';
import { extractText, names } from '../helpers/extract.js';

/** The opening of the seed names the city, so short forms resolve against it. */
const DONGGUAN = '2023年,東莞市堅持以習近平新時代中國特色社會主義思想為指導,法治廣東建設考評優秀等次。\n';

describe('agencies', () => {
  it('resolves short forms to full names in the report’s jurisdiction', () => {
    const x = extractText(`${DONGGUAN}市政府常務會議專題學習。市委主要負責同志帶頭。市發展改革局的“信用畫像全景式應用”。提請市人大常委會審議。`);
    expect(names(x, 'Agency')).toEqual(['東莞市', '東莞市人民政府', '中共東莞市委', '東莞市發展和改革局', '東莞市人民代表大會常務委員會']);
  });

  it('keeps the surface form as an alias and the name in the document’s script', () => {
    const x = extractText(`${DONGGUAN}組織市交通運輸局等4個單位主要負責同志述法。`);
    const agency = x.mentions.find((m) => m.type === 'Agency' && m.surface === '市交通運輸局');
    expect(agency).toMatchObject({ name: '東莞市交通運輸局', nameSimplified: '东莞市交通运输局' });
  });

  it('maps 我市 to the jurisdiction and party bodies to 中共…委', () => {
    const x = extractText(`${DONGGUAN}我市已獲省委依法治省辦推薦。召開市委全面依法治市委員會第七次會議。市委常委會會議專題學習。`);
    expect(names(x, 'Agency')).toEqual(['東莞市', '東莞市', '中共廣東省委依法治省辦', '中共東莞市委全面依法治市委員會', '中共東莞市委常委會']);
  });

  it('finds central bodies, courts and procuratorates', () => {
    const x = extractText(`${DONGGUAN}完成中央依法治國辦督察整改檢查組的實地檢查。配合國務院辦公廳開展調研。全年法院受理行政訴訟案件4337件。全市檢察機關辦理行政檢察監督案件341件。`);
    expect(names(x, 'Agency')).toEqual(['東莞市', '中央依法治國辦', '國務院辦公廳', '東莞市法院', '東莞市檢察機關']);
  });

  it('never takes generic groups for agencies', () => {
    const x = extractText(`${DONGGUAN}全市各單位積極參與,20個部門申報24個單項項目。28個單位編制公布減免責清單。實地督察成績排名落後的鎮街。推動被審計單位建立健全規章制度47項。研究部署法治政府建設工作議題,服務全局。`);
    expect(names(x, 'Agency')).toEqual(['東莞市']);
  });

  it('detects the jurisdiction from the document, not from a fixed list', () => {
    const x = extractText('2023年,深圳市坚持改革开放。市政府常务会议审议。市委常委会研究部署。', '深圳市政府工作报告_2023年');
    expect(names(x, 'Agency')).toEqual(['深圳市', '深圳市人民政府', '中共深圳市委常委会']);
  });

  it('takes a district report’s author from its title and resolves 区 and 市 forms', () => {
    const x = extractText('一年来,坪山在深圳市委市政府坚强领导下,区政府全面落实区委部署。全区实现地区生产总值800亿元。', '2022年坪山区政府工作报告_2022');
    expect(x.context.jurisdiction.author?.name).toBe('深圳市坪山区');
    expect(names(x, 'Agency')).toEqual(['中共深圳市委', '深圳市人民政府', '深圳市坪山区人民政府', '中共深圳市坪山区委']);
  });
});
