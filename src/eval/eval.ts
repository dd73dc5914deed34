/**
 * Evaluation against a hand-made gold annotation (data/gold/): precision, recall and F1 per entity
 * and relation type. Entities match by canonical name (script, quotes and 《》 do not matter), metrics
 * by their place in the document (and value and unit), relations by their two ends.
 */
import { UsageError } from '../errors.js';
import type { SerializedGraph } from '../graph/model.js';
import { foldName } from '../text/fold.js';
import { scoreOf, type Score } from './score.js';
import type { NormalizedText } from '../text/normalize.js';

export interface GoldMetric {
  /** The metric in its context, the metric itself in brackets: `輪訓黨員干部[3萬多人]`. */
  at: string;
  value: number;
  unit: string;
}
export interface GoldRelation {
  type: 'ISSUED' | 'IMPLEMENTED' | 'MEASURED';
  source: string;
  /** An entity name, or for MEASURED the `at` of a gold metric. */
  target: string;
}
export interface Gold {
  document: { id: string; path: string };
  entities: { Agency: string[]; Regulation: string[]; Program: string[] };
  metrics: GoldMetric[];
  relations: GoldRelation[];
}

const nameKey = foldName;

/** Original offset of the bracketed metric of `at` in the document. */
export function locateMetric(text: NormalizedText, at: string): number {
  const m = /^(.*)\[(.+)\](.*)$/su.exec(at);
  if (!m) throw new UsageError(`eval: gold metric "${at}" needs its metric in brackets, e.g. 輪訓黨員干部[3萬多人].`);
  const context = m[1]! + m[2]! + m[3]!;
  const first = text.clean.indexOf(context);
  if (first < 0) throw new UsageError(`eval: gold metric context "${context}" is not in the document.`);
  if (text.clean.indexOf(context, first + 1) >= 0) throw new UsageError(`eval: gold metric context "${context}" occurs more than once; make it longer.`);
  return text.toOriginal[first + m[1]!.length]!;
}

function score(kind: Score['kind'], type: string, gold: Set<string>, predicted: Set<string>): Score {
  let tp = 0;
  for (const p of predicted) if (gold.has(p)) tp++;
  return scoreOf(kind, type, { tp, fp: predicted.size - tp, fn: gold.size - tp });
}

export function evaluate(graph: SerializedGraph, gold: Gold, text: NormalizedText): Score[] {
  const doc = gold.document.id;
  if (!graph.attributes.documents.some((d) => d.id === doc)) {
    throw new UsageError(`eval: the graph has no document "${doc}"; extract ${gold.document.path} first.`);
  }
  const scores: Score[] = [];
  const inDoc = graph.nodes.filter((n) => n.attributes.mentions.some((m) => m.doc === doc));
  for (const type of ['Agency', 'Regulation', 'Program'] as const) {
    scores.push(
      score(
        'entity',
        type,
        new Set(gold.entities[type].map(nameKey)),
        new Set(inDoc.filter((n) => n.attributes.type === type).map((n) => foldName(n.attributes.nameSimplified))),
      ),
    );
  }
  const goldMetrics = new Map<string, string>();
  for (const g of gold.metrics) goldMetrics.set(g.at, `@${locateMetric(text, g.at)}|${g.value}|${g.unit}`);
  const metricNodes = inDoc.filter((n) => n.attributes.type === 'Metric');
  const metricKeyOf = (n: (typeof metricNodes)[number]) => {
    const a = n.attributes as { value: number; unit: string };
    return `@${n.attributes.mentions[0]!.start}|${a.value}|${a.unit}`;
  };
  scores.push(score('entity', 'Metric', new Set(goldMetrics.values()), new Set(metricNodes.map(metricKeyOf))));

  const endKey = new Map<string, string>();
  for (const n of graph.nodes) endKey.set(n.key, n.attributes.type === 'Metric' ? `@${n.attributes.mentions[0]?.start}` : nameKey(n.attributes.name));
  const goldEnd = (name: string) => (goldMetrics.has(name) ? goldMetrics.get(name)!.split('|')[0]! : nameKey(name));
  for (const type of ['ISSUED', 'IMPLEMENTED', 'MEASURED'] as const) {
    const g = new Set(gold.relations.filter((r) => r.type === type).map((r) => `${goldEnd(r.source)}→${goldEnd(r.target)}`));
    const p = new Set(
      graph.edges
        .filter((e) => e.attributes.type === type && e.attributes.evidence.some((ev) => ev.doc === doc))
        .map((e) => `${endKey.get(e.source)}→${endKey.get(e.target)}`),
    );
    scores.push(score('relation', type, g, p));
  }
  return scores;
}

