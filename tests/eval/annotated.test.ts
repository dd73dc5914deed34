import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { annotationSentences, poolScores, scoreAnnotated, validateAnnotatedGold, type AnnotatedGold } from '../../src/eval/annotated.js';
import { labelOnTopic, labelUsable } from '../../src/eval/labels.js';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { buildDocumentGraph } from '../../src/resolve/resolve.js';
import { extractText } from '../helpers/extract.js';

/** Three sentences of 2021年光明区政府工作报告 (data/corpus/shenzhen), shortened. */
const TEXT = '推行告知承诺制，新增市场主体1.2万户。\n区委区政府制定《光明区营商环境改革方案》。\n树立“深圳标准”，获评全国文明城区。';
const graph = buildDocumentGraph(extractText(TEXT, '2021年光明区政府工作报告_2021'), EXTRACTOR_VERSION);

const gold: AnnotatedGold = {
  document: 'excerpt.txt',
  entities: [
    { id: 'district', type: 'Agency', name: '深圳市光明区', aliases: ['光明区'] },
    { id: 'gov', type: 'Agency', name: '深圳市光明区人民政府', aliases: ['区政府'], lenient_aliases: ['光明区人民政府'] },
    { id: 'party', type: 'Agency', name: '中共深圳市光明区委员会', aliases: ['区委'], lenient_aliases: ['中共深圳市光明区委'] },
    { id: 'promise', type: 'Program', name: '告知承诺制' },
    { id: 'title', type: 'Program', name: '全国文明城区', optional: true },
    { id: 'plan', type: 'Regulation', name: '光明区营商环境改革方案' },
    { id: 'm1', type: 'Metric', name: '新增市场主体: 1.2万户', raw: '1.2万户', value: 12000, unit: '户', label: '新增市场主体数', sentence_index: 1 },
  ],
  relations: [
    { type: 'IMPLEMENTED', from: 'district', to: 'promise', alt_from: ['gov'] },
    { type: 'MEASURED', from: 'district', to: 'm1', alt_from: ['gov', 'promise'] },
    { type: 'ISSUED', from: 'party', to: 'plan' },
    { type: 'ISSUED', from: 'gov', to: 'plan' },
  ],
};

const byType = (scoring: ReturnType<typeof scoreAnnotated>) => Object.fromEntries(scoring.counts);

describe('scoring against an independent annotation', () => {
  it('counts the sentences as the annotation does (split on 。；; and line breaks, blanks dropped)', () => {
    expect(annotationSentences('甲。乙；\n\n丙;丁')).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
      { start: 6, end: 7 },
      { start: 8, end: 9 },
    ]);
  });

  it('matches names through aliases and lenient aliases, metrics by raw text in their sentence, sources through alt_from', () => {
    const s = scoreAnnotated(graph, 'excerpt', gold, TEXT, labelUsable);
    // 深圳市光明区 is never named here: the author 深圳市光明区人民政府 acts for it (alt_from).
    expect(byType(s)).toEqual({
      Agency: { tp: 2, fp: 0, fn: 1 },
      Program: { tp: 1, fp: 0, fn: 0 },
      Regulation: { tp: 1, fp: 0, fn: 0 },
      Metric: { tp: 1, fp: 0, fn: 0 },
      IMPLEMENTED: { tp: 1, fp: 0, fn: 0 },
      MEASURED: { tp: 1, fp: 0, fn: 0 },
      ISSUED: { tp: 2, fp: 0, fn: 0 },
    });
    expect(s.errors).toEqual(['FN Agency 深圳市光明区']);
    expect(s.labels).toEqual([{ predicted: '新增市场主体', gold: '新增市场主体数', usable: true }]);
  });

  it('penalises a second node for one entity and a fact the annotation does not have, and ignores optional items', () => {
    const doubled = structuredClone(graph);
    const promise = doubled.nodes.find((n) => n.attributes.name === '告知承诺制')!;
    doubled.nodes.push({ key: 'Program:告知承诺', attributes: { ...promise.attributes, name: '告知承诺', nameSimplified: '告知承诺', aliases: ['告知承诺制'] } });
    const s = scoreAnnotated(doubled, 'excerpt', { ...gold, relations: gold.relations.filter((r) => r.type !== 'ISSUED') }, TEXT, labelUsable);
    expect(byType(s).Program).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(byType(s).ISSUED).toEqual({ tp: 0, fp: 2, fn: 0 });
    expect(s.errors.filter((e) => e.endsWith('(second node for one entity)'))).toHaveLength(1);
  });

  it('pools documents into micro scores per type, for entities and for relations', () => {
    const s = scoreAnnotated(graph, 'excerpt', gold, TEXT, labelUsable);
    const scores = poolScores([s, s]);
    const all = scores.find((x) => x.kind === 'entity' && x.type === 'all')!;
    expect([all.gold, all.predicted, all.correct]).toEqual([12, 10, 10]);
    expect(all.f1).toBeCloseTo((2 * 1 * (10 / 12)) / (1 + 10 / 12), 10);
    expect(scores.find((x) => x.kind === 'relation' && x.type === 'all')!.f1).toBe(1);
  });

  it('refuses a malformed annotation with the file and the item named', () => {
    const broken = { ...gold, relations: [{ type: 'ISSUED' as const, from: 'party', to: 'nowhere' }] };
    expect(() => validateAnnotatedGold(broken, 'x.gold.json')).toThrow(UsageError);
    expect(() => validateAnnotatedGold(broken, 'x.gold.json')).toThrow(/x\.gold\.json: relation ISSUED party → nowhere names an unknown entity "nowhere"/);
  });
});

describe('metric-label quality', () => {
  it('calls a label usable when it is a noun phrase about what the annotator says was measured', () => {
    expect(labelUsable('地区生产总值增长', '地区生产总值增速')).toBe(true);
    expect(labelUsable('“一件事一次办”集成服务', '形成的“一件事一次办”集成服务数')).toBe(true);
  });

  it('refuses a bare verb, a preposition, a fragment, or a noun about something else', () => {
    expect(labelUsable('增长', '地区生产总值增速')).toBe(false);
    expect(labelUsable('对', '对外贸易额')).toBe(false);
    expect(labelUsable('风雨连廊和', '风雨连廊长度')).toBe(false);
    expect(labelUsable('（其中正职', '正职人数')).toBe(false);
    expect(labelOnTopic('社会消费品零售总额', '固定资产投资增速')).toBe(false);
  });
});
