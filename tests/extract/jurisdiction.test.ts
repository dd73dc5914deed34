import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { ancestors, gazetteer, qualifiedName } from '../../src/extract/gazetteer.js';
import { buildDocumentGraph } from '../../src/resolve/resolve.js';
import { entities, extractText, names, relations } from '../helpers/extract.js';

/** The opening of 龙华区2021年政府工作报告 (data/corpus/shenzhen), shortened. */
const LONGHUA = '各位代表：\n现在，我代表龙华区人民政府，向大会报告工作。按照市委市政府和区委工作部署，扎实做好“六稳”工作。龙华区人民政府全面落实。区政府常务会议审议通过。\n';

describe('the report’s jurisdiction (GB/T 2260 gazetteer)', () => {
  it('knows every division’s superiors from the standard, not from the text', () => {
    const [longhua] = gazetteer().byName.get('龙华区')!.filter((d) => d.code === '440309');
    expect(qualifiedName(longhua!)).toBe('深圳市龙华区');
    expect(ancestors(longhua!).map((d) => d.name)).toEqual(['深圳市', '广东省']);
    expect(gazetteer().byName.get('坪山新区')![0]!.zone).toBe(true);
  });

  it('makes one agency of 深圳市龙华区人民政府, 龙华区人民政府 and 区政府', () => {
    const x = extractText(`${LONGHUA}深圳市龙华区人民政府印发《龙华区优化营商环境实施方案》。`, '龙华区2021年政府工作报告_2021');
    const governments = entities(x, 'Agency').filter((m) => m.name.endsWith('人民政府') && m.name.includes('龙华'));
    expect(governments.map((m) => m.surface)).toEqual(['龙华区人民政府', '龙华区人民政府', '区政府', '深圳市龙华区人民政府']);
    expect(new Set(governments.map((m) => m.name))).toEqual(new Set(['深圳市龙华区人民政府']));
  });

  it('resolves 市委市政府 in a district report to its own city, and 区委 to the district', () => {
    const x = extractText(LONGHUA, '龙华区2021年政府工作报告_2021');
    expect(names(x, 'Agency')).toEqual(['深圳市龙华区人民政府', '中共深圳市委', '深圳市人民政府', '中共深圳市龙华区委', '深圳市龙华区人民政府', '深圳市龙华区人民政府']);
  });

  it('finds the author from the speaker’s line when the title names no place', () => {
    const x = extractText('各位代表：\n现在，我代表坪山新区管委会向大会作工作报告。新区管委会开展“织网工程”综合试点。\n', '2014年工作报告');
    expect(x.context.jurisdiction.author?.name).toBe('深圳市坪山新区');
    expect(x.context.jurisdiction.government?.name).toBe('深圳市坪山新区管理委员会');
    expect(names(x, 'Agency')).toEqual(['深圳市坪山新区管理委员会', '深圳市坪山新区管理委员会']);
  });

  it('says so when the jurisdiction cannot be found, and keeps the facts in the report', () => {
    const x = extractText('各位代表：现在，我代表区人民政府向大会报告工作。我们开展“放管服”改革，新增市场主体1.2万户。', '政府工作报告');
    expect(x.context.jurisdiction.author).toBeNull();
    expect(x.context.jurisdiction.warnings[0]).toMatch(/jurisdiction was not found.*name the jurisdiction in the file name/);
    const graph = buildDocumentGraph(x, EXTRACTOR_VERSION);
    const author = graph.nodes.find((n) => n.attributes.type === 'Agency')!;
    expect(author.attributes.name).toBe('区人民政府（辖区未识别：excerpt）');
    expect(author.attributes.aliases).toContain('区人民政府');
    expect(graph.edges.map((e) => `${e.attributes.type} ${e.source}`)).toEqual(['IMPLEMENTED Agency:区人民政府(辖区未识别:excerpt)', 'MEASURED Program:放管服改革']);
    expect(graph.attributes.documents[0]!.warnings).toHaveLength(1);
  });

  it('works outside Guangdong: a district of Hangzhou', () => {
    const x = extractText('各位代表：现在，我代表西湖区人民政府向大会报告工作。在市委、市政府和区委的坚强领导下，区政府全面完成目标任务。', '杭州市西湖区2023年政府工作报告');
    expect(x.context.jurisdiction.author?.name).toBe('杭州市西湖区');
    expect(names(x, 'Agency')).toEqual(['杭州市西湖区人民政府', '中共杭州市委', '杭州市人民政府', '中共杭州市西湖区委', '杭州市西湖区人民政府']);
  });

  it('works outside Guangdong: a county-level city answers to 市, its prefecture is named', () => {
    const x = extractText('各位代表：现在，我代表市人民政府向大会报告工作。在苏州市委的正确领导下，昆山市坚持创新发展。市委常委会研究部署。', '2023年昆山市政府工作报告');
    expect(x.context.jurisdiction.author?.name).toBe('昆山市');
    expect(names(x, 'Agency')).toEqual(['昆山市人民政府', '中共苏州市委', '昆山市', '中共昆山市委常委会']);
  });

  it('works outside Guangdong: a prefecture city resolves 省委 to its province', () => {
    const x = extractText('各位代表：现在，我代表市人民政府向大会报告工作。在省委、省政府的坚强领导下，我们开展“放管服”改革。', '绵阳市2022年政府工作报告');
    expect(names(x, 'Agency')).toEqual(['绵阳市人民政府', '中共四川省委', '四川省人民政府']);
    expect(relations(x)).toEqual(['IMPLEMENTED (author) → “放管服”改革']);
  });

  it('tells apart divisions that share a name by the superiors the text names', () => {
    const x = extractText('各位代表：现在，我代表区人民政府向大会报告工作。过去一年，海口市委、市政府高度重视。', '龙华区2021年政府工作报告');
    expect(x.context.jurisdiction.author?.name).toBe('海口市龙华区');
  });
});

describe('agencies nobody tuned the rules for', () => {
  it('names congresses, CPPCC, discipline commissions and the bodies named without a place in full', () => {
    const x = extractText('积极配合人大、政协等开展监督。接受区人大常委会对政府工作的监督。配合区纪委监委开展行政执法专项监督。省十三届人大一次会议确定的任务。', '2021年光明区政府工作报告_2021');
    expect(names(x, 'Agency')).toEqual([
      '深圳市光明区人民代表大会',
      '中国人民政治协商会议深圳市光明区委员会',
      '深圳市光明区人民代表大会常务委员会',
      '深圳市光明区纪委监委',
      '广东省人民代表大会',
    ]);
  });

  it('makes a joint actor (区委区政府, 市委、市政府) two actors', () => {
    const x = extractText('区委区政府制定《光明区法治政府建设实施方案》。市委、市政府印发《深圳市营商环境改革方案》。', '2022年光明区政府工作报告_2022');
    expect(relations(x)).toEqual([
      'ISSUED 中共深圳市光明区委 → 光明区法治政府建设实施方案',
      'ISSUED 深圳市光明区人民政府 → 光明区法治政府建设实施方案',
      'ISSUED 中共深圳市委 → 深圳市营商环境改革方案',
      'ISSUED 深圳市人民政府 → 深圳市营商环境改革方案',
    ]);
  });

  it('never takes facilities, places or a person for an agency', () => {
    const x = extractText('建设国家超算中心和区域医疗中心，光明区域中心城区加快建设。区长带头，区级公办学校新增学位。光明区首部深圳经济特区法规出台。', '2021年光明区政府工作报告_2021');
    // Only the district itself (光明区, the report's author), never 区域医疗中心, 光明区首部 or 区级公办.
    expect(names(x, 'Agency')).toEqual(['深圳市光明区']);
  });

  it('calls a functional zone’s 政府 its management committee', () => {
    const x = extractText('新区政府常务会议审议。大鹏新区管委会开展“美丽大鹏”建设。', '大鹏新区2021年管委会工作报告_2021');
    expect(new Set(names(x, 'Agency'))).toEqual(new Set(['深圳市大鹏新区管理委员会']));
  });

  it('makes 人大 and 政协 of the national report the national ones', () => {
    const x = extractText('自觉接受人大监督，主动接受政协民主监督。', '国务院政府工作报告_2017年');
    expect(names(x, 'Agency')).toEqual(['全国人民代表大会', '中国人民政治协商会议全国委员会']);
  });
});
