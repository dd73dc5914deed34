/**
 * Corrections applied to a graph of real reports (盐田区 2022 and 2023): each kind, what no longer
 * applies reported by name, conflicts refused, the same file twice changing nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import { CorrectionsError } from '../../src/errors.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { serializeGraph } from '../../src/graph/serialize.js';
import { applyCorrections, readCorrections, type Correction } from '../../src/resolve/corrections.js';
import { reportTexts } from '../../src/resolve/corrections-file.js';
import { CORPUS } from '../helpers/time.js';

const Y2023 = '盐田区2023年政府工作报告_2023';
/** The sentence of the 2023 report that says the tow-truck centre's first phase was built (read in the text). */
const DONE = '李克强总理亲临盐田港视察，用海审批等重大事项得以解决，东港区一期主体工程开工建设，平盐铁路电气化改造正式启动，盐港东立交建成通车，拖车服务中心一期完成主体建设，盐田港加快迈向全球领先的现代化港口。';
let graph: SerializedGraph;
let start: number;

beforeAll(async () => {
  graph = (await runCorpus(['盐田区2022年政府工作报告_2022', Y2023].map((id) => join(CORPUS, `${id}.txt`)), { cacheDir: null })).graph;
  start = readFileSync(join(CORPUS, `${Y2023}.txt`), 'utf8').indexOf(DONE);
  expect(start).toBeGreaterThan(0);
}, 120_000);

const FILE: Correction[] = [
  { op: 'merge', targets: ['智慧菜篮子工程', '全市首个智慧菜篮子系统'], note: 'one system', by: 'test' },
  { op: 'rename', target: '盐港东立交', to: '盐港东立交工程' },
  { op: 'reject', target: '“元宇宙”' },
  { op: 'reject-fact', fact: { type: 'IMPLEMENTED', source: '深圳市盐田区人民政府', target: '区属国企改革' } },
  { op: 'retype', target: 'Program:重大决策社会稳定风险评估制度', to: 'Regulation' },
];
const add = (): Correction => ({ op: 'add', fact: { type: 'IMPLEMENTED', source: '深圳市盐田区人民政府', target: '拖车服务中心一期', targetType: 'Program', status: 'done' }, evidence: { doc: Y2023, start, end: start + DONE.length, quote: DONE } });
const apply = (g: SerializedGraph, corrections: Correction[]) => applyCorrections(g, corrections, reportTexts(g.attributes.documents), 'corrections.yaml');
const node = (g: SerializedGraph, key: string) => g.nodes.find((n) => n.key === key);

describe('corrections on a graph', () => {
  it('merges, renames, rejects, retypes and adds, each marked with the correction that did it', async () => {
    expect(node(graph, 'Program:全市首个智慧菜篮子系统')).toBeDefined();
    const { graph: g, outcomes } = await apply(graph, [...FILE, add()]);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
    const merged = node(g, 'Program:智慧菜篮子工程')!;
    expect(merged.attributes.aliases).toEqual(['全市首个智慧菜篮子系统', '智慧菜篮子工程']);
    expect(merged.attributes.corrections).toEqual(['#1 merge: one system (test)']);
    expect(node(g, 'Program:全市首个智慧菜篮子系统')).toBeUndefined();
    expect(g.edges.filter((e) => e.target === 'Program:智慧菜篮子工程').map((e) => e.attributes.status).sort()).toEqual(['done', 'planned']);
    expect(node(g, 'Program:盐港东立交')!.attributes).toMatchObject({ name: '盐港东立交工程', aliases: ['盐港东立交', '盐港东立交工程'] });
    expect(node(g, 'Program:元宇宙')).toBeUndefined();
    expect(g.edges.some((e) => e.source === 'Program:元宇宙' || e.target === 'Program:元宇宙')).toBe(false);
    expect(g.edges.some((e) => e.key.startsWith('IMPLEMENTED|Agency:深圳市盐田区人民政府|Program:区属国企改革|'))).toBe(false);
    // A program retyped as a regulation: what the government implemented, it now issued.
    expect(node(g, 'Program:重大决策社会稳定风险评估制度')).toBeUndefined();
    expect(node(g, 'Regulation:重大决策社会稳定风险评估制度')!.attributes.corrections).toEqual(['#5 retype']);
    expect(g.edges.filter((e) => e.target === 'Regulation:重大决策社会稳定风险评估制度').map((e) => e.key)).toEqual(['ISSUED|Agency:深圳市盐田区人民政府|Regulation:重大决策社会稳定风险评估制度|planned']);
    const added = g.edges.find((e) => e.key === 'IMPLEMENTED|Agency:深圳市盐田区人民政府|Program:拖车服务中心一期|done')!;
    expect(added.attributes).toMatchObject({ rule: 'correction', implicit: false, corrections: ['#6 add'] });
    expect(added.attributes.evidence).toEqual([{ doc: Y2023, start, end: start + DONE.length, sentence: DONE, section: [], rule: 'correction' }]);
    expect(node(g, 'Program:拖车服务中心一期')!.attributes.mentions).toEqual([{ doc: Y2023, start: start + DONE.indexOf('拖车服务中心一期'), end: start + DONE.indexOf('拖车服务中心一期') + 8 }]);
  });

  it('changes nothing when the same file is applied again', async () => {
    const once = (await apply(graph, [...FILE, add()])).graph;
    const twice = await apply(once, [...FILE, add()]);
    expect(serializeGraph(twice.graph)).toBe(serializeGraph(once));
    expect(twice.outcomes.every((o) => o.status === 'applied')).toBe(true);
  });

  it('reports by name a correction whose target vanished, and evidence the report no longer has', async () => {
    const { graph: g, outcomes } = await apply(graph, [
      { op: 'rename', target: '深圳国际海洋开发银行', to: 'x' },
      { op: 'retype', target: '安全生产专项整治三年行动', to: 'Regulation' },
      { ...add(), evidence: { ...(add() as Extract<Correction, { op: 'add' }>).evidence, quote: '另一句话。' } },
    ] as Correction[]);
    expect(outcomes.map((o) => [o.label, o.status, o.reason])).toEqual([
      ['#1 rename 深圳国际海洋开发银行 → x', 'not-applied', 'no entity named “深圳国际海洋开发银行” in the graph (its target vanished, or the rules no longer find it)'],
      ['#2 retype 安全生产专项整治三年行动 → Regulation', 'not-applied', 'Program:安全生产专项整治三年行动 has a fact a Regulation cannot have (MEASURED from it); reject it first'],
      [expect.stringMatching(/^#3 add /), 'not-applied', expect.stringMatching(new RegExp(`^${Y2023} \\[${start}–${start + DONE.length}\\] now reads “李克强总理`))],
    ]);
    expect(serializeGraph({ ...g, attributes: { ...g.attributes, corrections: undefined, correctionsFile: undefined } })).toBe(serializeGraph(graph));
  });

  it('refuses two corrections that conflict, naming both, before applying any', async () => {
    const conflicting: Correction[] = [
      { op: 'rename', target: '盐港东立交', to: '甲' },
      { op: 'rename', target: '盐港东立交', to: '乙' },
    ];
    await expect(apply(graph, conflicting)).rejects.toThrow(CorrectionsError);
    await expect(apply(graph, conflicting)).rejects.toThrow('corrections.yaml: #1 rename 盐港东立交 → 甲 and #2 rename 盐港东立交 → 乙 conflict: they rename 盐港东立交 to 甲 and to 乙; keep one of them.');
    await expect(apply(graph, [{ op: 'merge', targets: ['盐港东立交', '平盐铁路复线改造'] }, { op: 'reject', target: '平盐铁路复线改造' }])).rejects.toThrow('the second rejects 平盐铁路复线改造, which the first works on');
  });

  it('splits out the mentions written as an alias', async () => {
    const merged = (await apply(graph, [FILE[0]!])).graph;
    const { graph: g, outcomes } = await apply(merged, [{ op: 'split', target: '智慧菜篮子工程', aliases: ['全市首个智慧菜篮子系统'], as: '智慧菜篮子系统' }]);
    expect(outcomes[0]!.status).toBe('applied');
    expect(node(g, 'Program:智慧菜篮子工程')!.attributes.aliases).toEqual(['智慧菜篮子工程']);
    expect(node(g, 'Program:智慧菜篮子系统')!.attributes.aliases).toEqual(['全市首个智慧菜篮子系统', '智慧菜篮子系统']);
    // It joins the 智慧菜篮子系统 the 2023 plan names: its sentences are those two.
    expect(g.edges.filter((e) => e.target === 'Program:智慧菜篮子系统').flatMap((e) => e.attributes.evidence.map((ev) => ev.sentence)).sort()).toEqual([expect.stringContaining('建成全市首个智慧菜篮子系统'), expect.stringContaining('优化完善智慧菜篮子系统')]);
  });

  it('reads a file’s entries and says what is wrong with one, naming the entry', () => {
    expect(readCorrections({ corrections: [{ merge: ['甲', '乙'], note: 'n' }, { reject: '丙' }] }, 'c.yaml')).toEqual([{ op: 'merge', targets: ['甲', '乙'], note: 'n' }, { op: 'reject', target: '丙' }]);
    expect(() => readCorrections({ corrections: [{ merge: ['甲'] }] }, 'c.yaml')).toThrow('c.yaml: corrections[0].merge: expected a list of at least 2 names or keys');
    expect(() => readCorrections({ corrections: [{ rename: '甲', too: '乙' }] }, 'c.yaml')).toThrow('c.yaml: corrections[0].too: unknown key for rename (known: rename, to, note, by)');
    expect(() => readCorrections({ corrections: [{ retype: '甲', to: 'Metric' }] }, 'c.yaml')).toThrow('c.yaml: corrections[0].to: expected one of Agency, Regulation, Program, got "Metric"');
    expect(() => readCorrections({ corrections: [{ rename: '甲', reject: '乙', to: 'x' }] }, 'c.yaml')).toThrow('c.yaml: corrections[0]: one correction per entry, not rename and reject');
  });
});
