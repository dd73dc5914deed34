import { describe, expect, it } from 'vitest';
import { entities, extractText, names } from '../helpers/extract.js';

describe('regulations', () => {
  it('takes titles in 《》 without the marks, keeping what is inside them', () => {
    const x = extractText('全面落實《法治政府建設實施綱要(2021-2025)》,提請審議《東莞市出租屋治安與消防安全管理條例(修訂)》等3部法規草案。');
    expect(names(x, 'Regulation')).toEqual(['法治政府建設實施綱要(2021-2025)', '東莞市出租屋治安與消防安全管理條例(修訂)']);
    expect(entities(x, 'Regulation')[0]!.rule).toBe('regulation-title');
  });

  it('takes a document named without marks when the verb shows it is issued', () => {
    const x = extractText('印發習近平法治思想學習方案,建立“習近平法治思想學習宣傳陣地”。出臺“制造業當家”16條措施,目前全市實有市場主體突破170萬戶。');
    expect(names(x, 'Regulation')).toEqual(['習近平法治思想學習方案', '“制造業當家”16條措施']);
  });

  it('does not take counts of documents or unissued mentions for names', () => {
    const x = extractText('出臺120份市政府、部門規範性文件,完成140份園區規範性文件備案審查。督促推進行政執法包容審慎監管方案的實施。');
    expect(names(x, 'Regulation')).toEqual([]);
  });

  it('resolves a title in traditional and simplified script to one key', () => {
    const t = extractText('制定《東莞市優化營商環境條例》。');
    const s = extractText('制定《东莞市优化营商环境条例》。');
    expect(entities(t, 'Regulation')[0]!.nameSimplified).toBe(entities(s, 'Regulation')[0]!.nameSimplified);
  });

  it('never takes songs, books or courses in 《》 for documents', () => {
    const x = extractText('创作歌曲《城市节奏》，开展《习近平法治思想》专题课，出版《习近平谈治国理政》。贯彻《中华人民共和国行政复议法》和《数字经济伙伴关系协定》。');
    expect(names(x, 'Regulation')).toEqual(['中华人民共和国行政复议法', '数字经济伙伴关系协定']);
  });

  it('makes coordinated documents two, and quoted policies after an issuing verb each one', () => {
    const x = extractText('专题研究制定光明区法治政府建设重点工作方案和法治政府考核评分细则。出台“实体经济十条（修订版）”“民营经济十条”“促进就业九条”等系列政策措施。');
    expect(names(x, 'Regulation')).toEqual(['光明区法治政府建设重点工作方案', '法治政府考核评分细则', '“实体经济十条（修订版）”', '“民营经济十条”', '“促进就业九条”']);
  });

  it('does not take a description or a count of documents for a name', () => {
    const x = extractText('出台一系列政策措施。2021年，光明区共印发区政府规范性文件11份。完成15个专项规划编制。', '2021年光明区政府工作报告_2021');
    expect(names(x, 'Regulation')).toEqual([]);
  });
  it('keeps a quoted name with what follows it as one document, and leaves a counted part and what follows 等 out of a name', () => {
    const x = extractText('出台“福田英才荟”计划16条措施。编制“十三五”规划纲要及51个专项规划。出台绿色建筑发展激励办法等政策。广东自贸试验区深改方案获国家批准。');
    expect(names(x, 'Regulation')).toEqual(['“福田英才荟”计划16条措施', '“十三五”规划纲要', '绿色建筑发展激励办法', '广东自贸试验区深改方案']);
    expect(x.mentions.filter((m) => m.type === 'Metric').map((m) => (m as { raw: string }).raw)).toContain('51个');
  });
});
