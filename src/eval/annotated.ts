/**
 * Scoring against an independent annotation (the format of `../shared/gold/README.md` and
 * `data/gold/dev|test/`): entities with ids, aliases, lenient aliases and optional items; metrics with
 * their raw text and sentence; relations by entity ids with acceptable alternative sources.
 *
 * Matching, as the annotation's README describes it:
 * - names are folded (`foldName`: script, width, quotes, 《》, white space); a predicted entity matches a
 *   gold one of its type when any of its names equals the gold name, an alias, a lenient alias or a
 *   variant; a second prediction for the same gold entity is a false positive;
 * - metrics match on their raw text in the same sentence, then on value and unit in the same sentence,
 *   then on raw text in the nearest sentence;
 * - a predicted relation is correct when both ends match and its source is `from` or in `alt_from`;
 * - optional gold items (and relations touching them) are neither required nor penalised.
 */
import { UsageError } from '../errors.js';
import type { SerializedGraph, SerializedNode, MetricAttributes, NodeType, RelationType } from '../graph/model.js';
import { foldName } from '../text/fold.js';
import { scoreOf, type Score } from './score.js';

export interface AnnotatedEntity {
  id: string;
  type: NodeType;
  name: string;
  aliases?: string[];
  lenient_aliases?: string[];
  variants?: string[];
  alt_types?: NodeType[];
  optional?: boolean;
  mentions?: number[];
  raw?: string;
  value?: number;
  unit?: string;
  label?: string;
  sentence_index?: number;
  sentence?: string;
}

export interface AnnotatedRelation {
  type: RelationType;
  from: string;
  to: string;
  alt_from?: string[];
  optional?: boolean;
  confidence?: string;
  implicit?: boolean;
  planned?: boolean;
  evidence?: string;
  evidence_sentence_index?: number;
}

export interface AnnotatedGold {
  document: string;
  entities: AnnotatedEntity[];
  relations: AnnotatedRelation[];
}

export const isAnnotatedGold = (value: unknown): value is AnnotatedGold =>
  typeof value === 'object' && value !== null && Array.isArray((value as AnnotatedGold).entities) && Array.isArray((value as AnnotatedGold).relations);

/** Check the shape of an annotation; the message names the file and the item. */
export function validateAnnotatedGold(gold: AnnotatedGold, file: string): AnnotatedGold {
  const ids = new Set<string>();
  const fail = (what: string) => {
    throw new UsageError(`eval: ${file}: ${what}; see data/gold/README.md for the format.`);
  };
  if (typeof gold.document !== 'string') fail('"document" must name the annotated text file');
  for (const e of gold.entities) {
    if (typeof e.id !== 'string' || ids.has(e.id)) fail(`entity id ${JSON.stringify(e.id)} is missing or used twice`);
    ids.add(e.id);
    if (!['Agency', 'Regulation', 'Program', 'Metric'].includes(e.type)) fail(`entity ${e.id} has type ${JSON.stringify(e.type)}, expected Agency, Regulation, Program or Metric`);
    if (typeof e.name !== 'string') fail(`entity ${e.id} has no name`);
    if (e.type === 'Metric' && (typeof e.raw !== 'string' || typeof e.sentence_index !== 'number')) fail(`metric ${e.id} needs "raw" and "sentence_index"`);
  }
  for (const r of gold.relations) {
    if (!['ISSUED', 'IMPLEMENTED', 'MEASURED'].includes(r.type)) fail(`a relation has type ${JSON.stringify(r.type)}`);
    for (const id of [r.from, r.to, ...(r.alt_from ?? [])]) if (!ids.has(id)) fail(`relation ${r.type} ${r.from} → ${r.to} names an unknown entity ${JSON.stringify(id)}`);
  }
  return gold;
}

/** The sentences of a raw text as the annotation counts them: split on 。；; and line breaks, blank ones dropped. */
export function annotationSentences(raw: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    const c = raw[i];
    if (i === raw.length || c === '。' || c === '；' || c === ';' || c === '\n') {
      if (raw.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** The index of the sentence holding offset `at` (binary search). */
function sentenceIndex(sentences: Array<{ start: number; end: number }>, at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isRequired = (e: AnnotatedEntity | undefined) => !!e && !e.optional;

/** A label counts as usable when a reader can tell what was measured without the sentence (see metricLabelUsable). */
export type LabelJudge = (label: string, goldLabel: string) => boolean;

export interface DocumentScoring {
  /** Matched pairs, true and false positives, false negatives, per type. */
  counts: Map<string, { tp: number; fp: number; fn: number }>;
  /** Predicted metrics matched to a required gold metric, with their labels. */
  labels: Array<{ predicted: string; gold: string; usable: boolean }>;
  /** What went wrong, for reading: `FN Program 告知承诺制`, `FP Agency 区委区政府`. */
  errors: string[];
}

/**
 * Score what the graph says about one document against its annotation. `raw` is the document's text as
 * it was extracted (for sentence indices of predicted metrics).
 */
export function scoreAnnotated(graph: SerializedGraph, doc: string, gold: AnnotatedGold, raw: string, judge: LabelJudge): DocumentScoring {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, k: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    counts.set(type, c);
  };
  const errors: string[] = [];
  const goldById = new Map(gold.entities.map((e) => [e.id, e]));
  const edges = graph.edges.filter((e) => e.attributes.evidence.some((ev) => ev.doc === doc));
  // What the graph says about the document: what it mentions, and the ends of its facts (the report's
  // author is an actor of the document even where it is never named).
  const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
  const inDoc = graph.nodes.filter((n) => ends.has(n.key) || n.attributes.mentions.some((m) => m.doc === doc));
  const matchOf = new Map<string, string>(); // node key → gold id
  const matchedGold = new Set<string>();

  // Names.
  const goldByName = new Map<string, AnnotatedEntity[]>();
  for (const e of gold.entities) {
    if (e.type === 'Metric') continue;
    for (const n of new Set([e.name, ...(e.aliases ?? []), ...(e.lenient_aliases ?? []), ...(e.variants ?? [])].map(foldName))) {
      goldByName.set(n, [...(goldByName.get(n) ?? []), e]);
    }
  }
  const namesOf = (n: SerializedNode) => [...new Set([n.attributes.name, n.attributes.nameSimplified, ...n.attributes.aliases].map(foldName))];
  // Nodes with more mentions choose first, so the main node of an entity is the one that matches.
  const entityNodes = inDoc.filter((n) => n.attributes.type !== 'Metric').sort((a, b) => b.attributes.mentions.length - a.attributes.mentions.length || (a.key < b.key ? -1 : 1));
  for (const node of entityNodes) {
    const type = node.attributes.type;
    const candidates = namesOf(node).flatMap((n) => goldByName.get(n) ?? []).filter((e) => e.type === type || e.alt_types?.includes(type));
    const free = candidates.find((e) => !matchedGold.has(e.id));
    if (free) {
      matchOf.set(node.key, free.id);
      matchedGold.add(free.id);
      if (isRequired(free)) bump(type, 'tp');
    } else if (candidates.length > 0 && candidates.every((e) => e.optional)) {
      // a second name for an optional entity: not penalised
    } else {
      bump(type, 'fp');
      errors.push(`FP ${type} ${node.attributes.name}${candidates.length ? ' (second node for one entity)' : ''}`);
    }
  }

  // Metrics.
  const sentences = annotationSentences(raw);
  const metricNodes = inDoc.filter((n) => n.attributes.type === 'Metric');
  const predicted = metricNodes.map((n) => {
    const a = n.attributes as MetricAttributes;
    const at = a.mentions.find((m) => m.doc === doc)?.start ?? 0;
    return { node: n, raw: foldName(a.raw), value: a.value, unit: a.unit, label: a.label, sentence: sentenceIndex(sentences, at) };
  });
  const goldMetrics = gold.entities.filter((e) => e.type === 'Metric');
  const passes: Array<(g: AnnotatedEntity, p: (typeof predicted)[number]) => number | false> = [
    (g, p) => p.sentence === g.sentence_index && p.raw === foldName(g.raw!) && 0,
    (g, p) => p.sentence === g.sentence_index && p.value === g.value && foldName(p.unit) === foldName(g.unit ?? '') && 0,
    (g, p) => p.raw === foldName(g.raw!) && Math.abs(p.sentence - g.sentence_index!) <= 2 && Math.abs(p.sentence - g.sentence_index!),
  ];
  const taken = new Set<string>();
  for (const pass of passes) {
    for (const g of goldMetrics) {
      if (matchedGold.has(g.id)) continue;
      let best: (typeof predicted)[number] | undefined;
      let bestDistance = Infinity;
      for (const p of predicted) {
        if (taken.has(p.node.key)) continue;
        const d = pass(g, p);
        if (d !== false && d < bestDistance) {
          best = p;
          bestDistance = d;
        }
      }
      if (best) {
        taken.add(best.node.key);
        matchedGold.add(g.id);
        matchOf.set(best.node.key, g.id);
      }
    }
  }
  const labels: DocumentScoring['labels'] = [];
  for (const p of predicted) {
    const id = matchOf.get(p.node.key);
    const g = id ? goldById.get(id) : undefined;
    if (!g) {
      bump('Metric', 'fp');
      errors.push(`FP Metric ${p.node.attributes.name} (sentence ${p.sentence})`);
    } else if (isRequired(g)) {
      bump('Metric', 'tp');
      const usable = judge(p.label, g.label ?? '');
      labels.push({ predicted: p.label, gold: g.label ?? '', usable });
      if (!usable) errors.push(`LABEL ${p.node.attributes.name} (sentence ${p.sentence}): annotated as ${g.label}`);
    }
  }
  for (const e of gold.entities) {
    if (isRequired(e) && !matchedGold.has(e.id)) {
      bump(e.type, 'fn');
      errors.push(`FN ${e.type} ${e.type === 'Metric' ? `${e.label} ${e.raw} (sentence ${e.sentence_index})` : e.name}`);
    }
  }

  // Relations.
  const required = (r: AnnotatedRelation) => !r.optional && r.confidence !== 'low' && isRequired(goldById.get(r.from)) && isRequired(goldById.get(r.to));
  const byTarget = new Map<string, AnnotatedRelation[]>();
  for (const r of gold.relations) byTarget.set(`${r.type}|${r.to}`, [...(byTarget.get(`${r.type}|${r.to}`) ?? []), r]);
  const usedRelations = new Set<AnnotatedRelation>();
  const nodeByKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const describe = (key: string) => nodeByKey.get(key)?.attributes.name ?? key;
  // One prediction per (type, source, target), whatever its status.
  const seen = new Set<string>();
  for (const e of edges) {
    const id = `${e.attributes.type}|${e.source}|${e.target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const from = matchOf.get(e.source);
    const to = matchOf.get(e.target);
    const candidates = to ? (byTarget.get(`${e.attributes.type}|${to}`) ?? []) : [];
    const hit = candidates.find((r) => !usedRelations.has(r) && from !== undefined && (r.from === from || r.alt_from?.includes(from)));
    if (hit) {
      usedRelations.add(hit);
      if (required(hit)) bump(e.attributes.type, 'tp');
      continue;
    }
    const touchesOptional = [from, to].some((x) => x !== undefined && goldById.get(x)?.optional);
    if (touchesOptional) continue;
    bump(e.attributes.type, 'fp');
    errors.push(`FP ${e.attributes.type} ${describe(e.source)} → ${describe(e.target)}`);
  }
  for (const r of gold.relations) {
    if (required(r) && !usedRelations.has(r)) {
      bump(r.type, 'fn');
      const end = (id: string) => {
        const g = goldById.get(id)!;
        return g.type === 'Metric' ? `${g.label} ${g.raw}` : g.name;
      };
      errors.push(`FN ${r.type} ${end(r.from)} → ${end(r.to)}`);
    }
  }
  return { counts, labels, errors };
}

/** Pool per-document counts into scores: per type, all entities, all relations. */
export function poolScores(scorings: DocumentScoring[]): Score[] {
  const total = new Map<string, { tp: number; fp: number; fn: number }>();
  for (const s of scorings) {
    for (const [type, c] of s.counts) {
      const t = total.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
      total.set(type, t);
    }
  }
  const get = (type: string) => total.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  const sum = (types: string[]) => types.map(get).reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }), { tp: 0, fp: 0, fn: 0 });
  const entityTypes = ['Agency', 'Regulation', 'Program', 'Metric'];
  const relationTypes = ['ISSUED', 'IMPLEMENTED', 'MEASURED'];
  return [
    ...entityTypes.map((t) => scoreOf('entity', t, get(t))),
    scoreOf('entity', 'all', sum(entityTypes)),
    ...relationTypes.map((t) => scoreOf('relation', t, get(t))),
    scoreOf('relation', 'all', sum(relationTypes)),
  ];
}
