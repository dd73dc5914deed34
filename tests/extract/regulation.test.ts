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
});
