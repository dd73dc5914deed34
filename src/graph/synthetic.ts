/**
 * Synthetic graphs that follow the contract, for benchmarks and load tests: deterministic for a seed,
 * any size, with realistic names, mentions and evidence.
 */
import { foldName } from '../text/fold.js';
import { edgeKey, entityKey, GRAPH_OPTIONS, metricKey, type SerializedEdge, type SerializedGraph, type SerializedNode } from './model.js';

export interface SyntheticOptions {
  nodes: number;
  edges: number;
  seed?: number;
  documents?: number;
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const AGENCY = ['人民政府', '发展和改革局', '交通运输局', '司法局', '市场监督管理局', '教育局', '人大常委会', '政务服务数据管理局'];
const PROGRAM = ['改革', '专项行动', '平台', '机制', '示范创建', '工程'];
const PLACES = ['东莞市', '深圳市', '南山区', '福田区', '广州市', '佛山市', '珠海市', '惠州市'];

export function syntheticGraph(options: SyntheticOptions): SerializedGraph {
  const rand = random(options.seed ?? 42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const docs = Array.from({ length: options.documents ?? 10 }, (_, i) => `doc-${i}`);
  const nodes: SerializedNode[] = [];
  const byType: Record<string, string[]> = { Agency: [], Regulation: [], Program: [], Metric: [] };
  const shares: Array<[string, number]> = [['Agency', 0.05], ['Regulation', 0.15], ['Program', 0.3], ['Metric', 0.5]];
  for (const [type, share] of shares) {
    const count = Math.max(1, Math.round(options.nodes * share));
    for (let i = 0; i < count; i++) {
      const doc = pick(docs);
      const start = Math.floor(rand() * 100_000);
      const mention = { doc, start, end: start + 8 };
      if (type === 'Metric') {
        const key = metricKey(doc, i);
        const value = Math.floor(rand() * 10_000);
        nodes.push({ key, attributes: { type: 'Metric', name: `检查企业 ${value}家`, nameSimplified: `检查企业 ${value}家`, aliases: [`${value}家`], mentions: [mention], doc, raw: `${value}家`, value, unit: '家', qualifier: '', label: '检查企业', year: 2023, status: 'done' } });
        byType.Metric!.push(key);
        continue;
      }
      const name =
        type === 'Agency' ? `${pick(PLACES)}${pick(AGENCY)}${i}` : type === 'Regulation' ? `${pick(PLACES)}第${i}号管理办法` : `“第${i}号”${pick(PROGRAM)}`;
      const key = entityKey(type as 'Agency', foldName(name));
      nodes.push({ key, attributes: { type: type as 'Agency', name, nameSimplified: name, aliases: [name], mentions: [mention] } });
      byType[type]!.push(key);
    }
  }
  const edges: SerializedEdge[] = [];
  const seen = new Set<string>();
  for (let i = 0; edges.length < options.edges && i < options.edges * 3; i++) {
    const r = rand();
    const type = r < 0.15 ? 'ISSUED' : r < 0.5 ? 'IMPLEMENTED' : 'MEASURED';
    const source = type === 'MEASURED' && rand() < 0.6 ? pick(byType.Program!) : pick(byType.Agency!);
    const target = pick(type === 'ISSUED' ? byType.Regulation! : type === 'IMPLEMENTED' ? byType.Program! : byType.Metric!);
    const status = rand() < 0.8 ? 'done' : 'planned';
    const key = edgeKey(type, source, target, status);
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = pick(docs);
    const start = Math.floor(rand() * 100_000);
    edges.push({
      key,
      source,
      target,
      attributes: { type, evidence: [{ doc, start, end: start + 30, sentence: `第${i}句：开展专项行动，检查企业${i}家。`, section: ['一、工作回顾'], rule: 'synthetic' }], implicit: rand() < 0.5, rule: 'synthetic', status },
    });
  }
  return {
    attributes: {
      extractorVersion: 'synthetic',
      documents: docs.map((id, i) => ({ id, title: id, path: `${id}.txt`, sha256: id, chars: 100_000, year: 2014 + i, encoding: 'utf-8', jurisdiction: null, script: 'simplified', damage: [] })),
    },
    options: { ...GRAPH_OPTIONS },
    nodes: nodes.sort((a, b) => (a.key < b.key ? -1 : 1)),
    edges: edges.sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}
