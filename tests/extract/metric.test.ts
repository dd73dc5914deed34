import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../src/extract/metric.js';
import { labelWellFormed } from '../../src/extract/metric-label.js';
import { extractText, metrics } from '../helpers/extract.js';

const first = (text: string) => metrics(extractText(text))[0];

describe('metrics', () => {
  it('applies 萬/億 multipliers, decimals and qualifiers', () => {
    expect(first('完成食品抽檢5.34萬批次。')).toMatchObject({ raw: '5.34萬批次', value: 53400, unit: '批次', qualifier: '' });
    expect(first('舉辦線上線下培訓班,輪訓黨員干部3萬多人,切實推動。')).toMatchObject({ raw: '3萬多人', value: 30000, unit: '人', qualifier: '多', label: '輪訓黨員干部' });
    expect(first('目前全市實有市場主體突破170萬戶。')).toMatchObject({ value: 1_700_000, unit: '户', qualifier: '突破' });
    expect(first('出具合法性審查意見850余份。')).toMatchObject({ value: 850, unit: '份', qualifier: '余' });
    expect(first('承接管理事權超過4000項。')).toMatchObject({ raw: '4000項', value: 4000, qualifier: '超過' });
  });

  it('reads percentages with their qualifiers', () => {
    expect(first('審查時間壓減70%,申請材料壓減58%。')).toMatchObject({ raw: '70%', value: 70, unit: '%', label: '審查時間壓減' });
    expect(first('比省定審批時限壓縮50%以上。')).toMatchObject({ value: 50, unit: '%', qualifier: '以上' });
    expect(first('基層政府收文和參會同比壓減22%和減少14%。')).toMatchObject({ value: 22, qualifier: '同比' });
  });

  it('reads Chinese numerals where they count', () => {
    expect(first('“數字政務”等三個項目入圍候選名單。')).toMatchObject({ raw: '三個', value: 3, unit: '个', label: '項目' });
    expect(first('推動臺資高質量發展兩項工作經驗獲得肯定。')).toMatchObject({ raw: '兩項', value: 2, unit: '项' });
    expect([parseChineseNumeral('十五'), parseChineseNumeral('二十'), parseChineseNumeral('一百二十'), parseChineseNumeral('兩')]).toEqual([15, 20, 120, 2]);
  });

  it('keeps a label shared by counts of the same thing', () => {
    const m = metrics(extractText('召開市委常委會會議審議法治相關事項18次共23項。'));
    expect(m.map((x) => [x.raw, x.label, x.qualifier])).toEqual([
      ['18次', '審議法治相關事項', ''],
      ['23項', '審議法治相關事項', '共'],
    ]);
  });

  it('counts a duration but never a date, a period, an ordinal or a number inside a name', () => {
    expect(first('連續6年開展評議活動。')).toMatchObject({ value: 6, unit: '年', qualifier: '連續' });
    const none = metrics(
      extractText(
        '2023年,全面落實《法治政府建設實施綱要(2021-2025)》,圍繞省委“1310”具體部署,獲評全國12345政務熱線服務質量評估A+等級,貫徹黨的二十大精神。召開第七次會議。選樹一批典型,市、鎮兩級規範性文件,五大程序履行情況。一年來成效明顯。',
      ),
    );
    expect(none).toEqual([]);
  });

  it('labels a count with the noun after its classifier', () => {
    const m = metrics(extractText('出臺120份市政府、部門規範性文件。形成250個“一件事一次辦”集成服務。“數字政務”等三個項目入圍候選名單。完成140份園區規範性文件備案審查。'));
    expect(m.map((x) => x.label)).toEqual(['部門規範性文件', '“一件事一次辦”集成服務', '項目', '園區規範性文件備案審查']);
  });

  it('gives a change the subject it changes', () => {
    const m = metrics(extractText('全年实现地区生产总值800亿元，增长5.4%。两税收入50.2亿元，增长10.5%。地区生产总值（下同）增长13%。'));
    expect(m.map((x) => [x.raw, x.label])).toEqual([
      ['800亿元', '地区生产总值'],
      ['5.4%', '地区生产总值增长'],
      ['50.2亿元', '两税收入'],
      ['10.5%', '两税收入增长'],
      ['13%', '地区生产总值增长'],
    ]);
  });

  it('keeps money in 元, with 万 and 亿 applied together (2万亿元 is 2e12 元)', () => {
    expect(first('全年地区生产总值2万亿元。')).toMatchObject({ raw: '2万亿元', value: 2e12, unit: '元', label: '地区生产总值' });
    expect(first('投入资金3.5亿元。')).toMatchObject({ value: 350_000_000, unit: '元' });
    expect(first('新增绿地12万平方米。')).toMatchObject({ value: 120_000, unit: '平方米' });
  });

  it('never gives a bare verb, a preposition or a fragment as a label', () => {
    const m = metrics(extractText('依法依规做好政府信息公开申请受理180余宗，同比增长300%，已办结170宗。全区99.8%的群众诉求得到有效解决。', '2021年光明区政府工作报告_2021'));
    for (const x of m) expect(labelWellFormed(x.labelSimplified), `${x.raw}: ${x.label}`).toBe(true);
    expect(m.map((x) => x.label)).toEqual(['做好政府信息公开申请受理', '做好政府信息公开申请受理增长', '做好政府信息公开申请受理办结', '群众诉求']);
  });
});
