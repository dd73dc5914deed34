import { describe, expect, it } from 'vitest';
import { extractText, relations } from '../helpers/extract.js';

const DONGGUAN = '2023年,東莞市堅持以習近平法治思想為指導,法治廣東建設考評優秀。\n';
const rel = (text: string) => relations(extractText(DONGGUAN + text)).filter((r) => !r.includes('2023年'));

describe('relations', () => {
  it('ISSUED for issuing verbs, by the author when no actor is stated', () => {
    const x = extractText(`${DONGGUAN}印發《關于加快打造營商環境行動方案》、《東莞市促進個體工商戶轉型升級工作方案》等,加速優化。`);
    expect(relations(x)).toEqual(['ISSUED (author) → 關于加快打造營商環境行動方案', 'ISSUED (author) → 東莞市促進個體工商戶轉型升級工作方案']);
    expect(x.relations.every((r) => r.implicit && r.rule === 'issued-verb')).toBe(true);
  });

  it('ISSUED for 提請…審議, with the reviewing body not taken for the actor', () => {
    const x = extractText(`${DONGGUAN}提請市人大常委會審議《東莞市物業管理條例》等3部法規草案。`);
    expect(relations(x)).toContain('ISSUED (author) → 東莞市物業管理條例');
    expect(x.relations.find((r) => r.type === 'ISSUED')!.rule).toBe('issued-submitted-for-review');
  });

  it('never ISSUED for 落實/對照/結合/實施 a document someone else issued', () => {
    expect(rel('嚴格落實《重大行政決策程序暫行條例》。對照《法治政府建設實施綱要(2021-2025)》,結合《東莞市法治政府建設實施意見》。實施《東莞市“工改工”融合審批改革實施方案》,11個項目實行融合審批。')).toEqual([
      'MEASURED (author) → 11個',
    ]);
  });

  it('IMPLEMENTED for verbs of carrying out, an agency’s own program and 配合 X 開展 Y', () => {
    expect(rel('開展全市“全民反詐”專項行動。')).toEqual(['IMPLEMENTED (author) → “全民反詐”專項行動']);
    expect(rel('市發展改革局的“信用畫像全景式應用”等三個項目入圍。')).toEqual([
      'IMPLEMENTED 東莞市發展和改革局 → “信用畫像全景式應用”',
      'MEASURED “信用畫像全景式應用” → 三個',
    ]);
    expect(rel('配合國務院辦公廳開展“推動經濟持續回升向好”專題督查調研。')).toEqual(['IMPLEMENTED 國務院辦公廳 → “推動經濟持續回升向好”專題督查調研']);
  });

  it('no IMPLEMENTED when another verb governs the program', () => {
    expect(rel('推動反詐工作納入“十件民生實事”和“平安建設”考評。推動信用評價結果與“雙隨機”監管系統對接。')).toEqual([]);
  });

  it('MEASURED to the program of the clause or of the clause a run of figures follows', () => {
    expect(rel('開展“莞薪無憂”等專項行動,檢查用人單位16455家,查處違法案件1128宗。強化生態環境領域執法,查處違法案件757宗。')).toEqual([
      'IMPLEMENTED (author) → “莞薪無憂”專項行動',
      'MEASURED “莞薪無憂”專項行動 → 16455家',
      'MEASURED “莞薪無憂”專項行動 → 1128宗',
      'MEASURED (author) → 757宗',
    ]);
  });

  it('MEASURED to the agency that is the subject, stated actors not implicit', () => {
    const x = extractText(`${DONGGUAN}全市檢察機關辦理行政檢察監督案件341件,推動相關整改103件。`);
    expect(relations(x)).toEqual(['MEASURED 東莞市檢察機關 → 341件', 'MEASURED 東莞市檢察機關 → 103件']);
    expect(x.relations.every((r) => !r.implicit)).toBe(true);
  });

  it('marks facts in the part that plans the next year as planned', () => {
    const x = extractText(`${DONGGUAN}2024年,東莞市將持續推進法治政府建設。\n(二)開展示范創建。積極開展第三批全國法治政府建設示范創建工作。`);
    const implemented = x.relations.filter((r) => r.type === 'IMPLEMENTED');
    expect(implemented.map((r) => [r.target.type === 'Metric' ? '' : r.target.name, r.status])).toEqual([['全國法治政府建設示范創建', 'planned']]);
  });
});
