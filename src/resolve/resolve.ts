/**
 * Resolution: mentions become nodes, one per real-world entity — across traditional and simplified
 * forms, with or without 《》 or quotes, short and full names (already canonical from extraction), and
 * across documents when several reports are extracted together. Relations become edges carrying their
 * evidence. The output is deterministic: the same inputs give a byte-identical graph.
 */
import type { Extraction } from '../extract/index.js';
import { metricAttributes } from '../extract/metric.js';
import { AUTHOR } from '../extract/relations.js';
import type { EntityMention, MetricMention } from '../extract/context.js';
import {
  edgeKey,
  entityKey,
  GRAPH_OPTIONS,
  metricKey,
  type DocumentInfo,
  type EdgeAttributes,
  type Evidence,
  type Mention,
  type MetricAttributes,
  type NodeAttributes,
  type SerializedGraph,
} from '../graph/model.js';
import { seriesOf, type Level } from '../extract/jurisdiction.js';
import { linkVariants } from './variants.js';
import { foldName } from '../text/fold.js';
import { traditionalize } from '../text/script.js';
import { toOriginalSpan } from '../text/normalize.js';
import { sentenceAt } from '../text/sentences.js';

/** The graph of several documents: the merge of each document's graph, so a corpus run equals the merge of single-document runs. */
export function buildGraph(extractions: Extraction[], extractorVersion: string): SerializedGraph {
  return mergeGraphs(extractions.map((x) => buildDocumentGraph(x, extractorVersion)), extractorVersion);
}

const byMention = (a: Mention, b: Mention) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end);

/**
 * Merges graphs of different documents as they arrive, in any order, into the same result as merging
 * them in document-id order: one node per key (named as the first document by id names it, aliases and
 * mentions united), one edge per key (its rule from the first document; evidence united; implicit only
 * if every document infers the actor). Only the merged graph is kept in memory.
 */
export class GraphMerger {
  private readonly nodes = new Map<string, { doc: string; attributes: NodeAttributes | MetricAttributes }>();
  private readonly edges = new Map<string, { doc: string; source: string; target: string; attributes: EdgeAttributes }>();
  private readonly documents: DocumentInfo[] = [];

  add(graph: SerializedGraph): void {
    const doc = firstDoc(graph);
    this.documents.push(...graph.attributes.documents);
    for (const { key, attributes } of graph.nodes) {
      const node = this.nodes.get(key);
      if (!node) {
        this.nodes.set(key, { doc, attributes: { ...attributes, aliases: [...attributes.aliases], mentions: [...attributes.mentions] } });
        continue;
      }
      const aliases = [...node.attributes.aliases, ...attributes.aliases.filter((a) => !node.attributes.aliases.includes(a))];
      const mentions = [...node.attributes.mentions, ...attributes.mentions];
      if (doc < node.doc) node.attributes = { ...attributes, aliases, mentions };
      else Object.assign(node.attributes, { aliases, mentions });
      node.doc = doc < node.doc ? doc : node.doc;
    }
    for (const { key, source, target, attributes } of graph.edges) {
      const edge = this.edges.get(key);
      if (!edge) {
        this.edges.set(key, { doc, source, target, attributes: { ...attributes, evidence: [...attributes.evidence] } });
        continue;
      }
      const evidence = [...edge.attributes.evidence, ...attributes.evidence.filter((ev) => !edge.attributes.evidence.some((e) => sameEvidence(e, ev)))];
      const implicit = edge.attributes.implicit && attributes.implicit;
      if (doc < edge.doc) {
        edge.attributes = { ...attributes, evidence, implicit };
        edge.doc = doc;
      } else Object.assign(edge.attributes, { evidence, implicit });
    }
  }

  result(extractorVersion: string): SerializedGraph {
    const nodes = new Map([...this.nodes].map(([k, v]) => [k, v.attributes]));
    linkVariants(nodes);
    const documents = [...this.documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return sortedGraph(documents, nodes, this.edges, extractorVersion);
  }
}

/** Evidence items are the same when they cite the same sentence of the same document by the same rule. */
const sameEvidence = (a: Evidence, b: Evidence) => a.doc === b.doc && a.start === b.start && a.rule === b.rule;

/** A graph in its deterministic form: nodes and edges by key, aliases, mentions and evidence sorted. */
function sortedGraph(
  documents: DocumentInfo[],
  nodes: Map<string, NodeAttributes | MetricAttributes>,
  edges: Map<string, { source: string; target: string; attributes: EdgeAttributes }>,
  extractorVersion: string,
): SerializedGraph {
  const sortedNodes = [...nodes.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [, n] of sortedNodes) {
    n.aliases.sort();
    n.mentions.sort(byMention);
    n.mentions = n.mentions.filter((m, i) => i === 0 || byMention(m, n.mentions[i - 1]!) !== 0);
  }
  return {
    attributes: { documents, extractorVersion },
    options: { ...GRAPH_OPTIONS },
    nodes: sortedNodes.map(([key, attributes]) => ({ key, attributes })),
    edges: [...edges.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, e]) => {
        e.attributes.evidence.sort(byMention);
        return { key, source: e.source, target: e.target, attributes: e.attributes };
      }),
  };
}

/** Merge graphs of different documents (see GraphMerger). */
export function mergeGraphs(graphs: SerializedGraph[], extractorVersion: string): SerializedGraph {
  const merger = new GraphMerger();
  for (const g of graphs) merger.add(g);
  return merger.result(extractorVersion);
}

const firstDoc = (g: SerializedGraph) => g.attributes.documents[0]?.id ?? '';

/**
 * One program, one node within a report: where the report names a program by its quoted name alone
 * (“光速办”), every longer form around the same quote (光明区政务服务“光速办”, “光速办”品牌) is the same
 * program, named by its most frequent form (the longest on a tie).
 */
function sameQuotePrograms(mentions: Array<EntityMention | MetricMention>): Map<EntityMention, { name: string; nameSimplified: string }> {
  const groups = new Map<string, EntityMention[]>();
  for (const m of mentions) {
    if (m.type !== 'Program') continue;
    const quotes = m.nameSimplified.match(/“[^“”]+”/g);
    if (quotes?.length !== 1) continue;
    const group = groups.get(quotes[0]!);
    if (group) group.push(m);
    else groups.set(quotes[0]!, [m]);
  }
  const out = new Map<EntityMention, { name: string; nameSimplified: string }>();
  for (const [quote, group] of groups) {
    const forms = new Map<string, EntityMention[]>();
    for (const m of group) {
      const form = foldName(m.nameSimplified);
      const same = forms.get(form);
      if (same) same.push(m);
      else forms.set(form, [m]);
    }
    if (forms.size < 2 || !forms.has(foldName(quote))) continue;
    const [, best] = [...forms].sort(([a, x], [b, y]) => y.length - x.length || b.length - a.length || (a < b ? -1 : 1))[0]!;
    for (const m of group) out.set(m, { name: best[0]!.name, nameSimplified: best[0]!.nameSimplified });
  }
  return out;
}

/** A body of a report whose jurisdiction is unknown, kept to that report: 区人民政府（辖区未识别：<document>）. */
function unresolvedName(m: { nameSimplified: string }, doc: string, script: 'traditional' | 'simplified'): { name: string; nameSimplified: string } {
  const simplified = `${m.nameSimplified}（辖区未识别：${doc}）`;
  return { name: script === 'traditional' ? traditionalize(simplified) : simplified, nameSimplified: simplified };
}

/** The author of a report whose jurisdiction is unknown: the same node as its 区人民政府 (区政府) in the text. */
function unknownAuthor(level: Level, doc: string, script: 'traditional' | 'simplified'): { name: string; nameSimplified: string } {
  const word = ({ province: '省', city: '市', district: '区', county: '县' } as Partial<Record<Level, string>>)[level] ?? '';
  return unresolvedName({ nameSimplified: `${word}人民政府` }, doc, script);
}

/** The graph of one document's extraction. */
export function buildDocumentGraph(extraction: Extraction, extractorVersion: string): SerializedGraph {
  const nodes = new Map<string, NodeAttributes | MetricAttributes>();
  const edges = new Map<string, { source: string; target: string; attributes: EdgeAttributes }>();
  const { context, mentions, relations } = extraction;
  const { doc, jurisdiction } = context;
  const documents: DocumentInfo[] = [
    {
      id: doc.id,
      title: doc.title,
      path: doc.path,
      sha256: doc.loaded.sha256,
      chars: doc.text.original.length,
      year: doc.period.reviews,
      plans: doc.period.plans,
      ...(doc.period.multiYear ? { multiYear: true } : {}),
      periodBasis: doc.period.basis,
      ...seriesOf(jurisdiction.author),
      encoding: doc.loaded.encoding,
      jurisdiction: jurisdiction.author?.name ?? null,
      level: jurisdiction.level,
      warnings: [...jurisdiction.warnings],
      script: doc.text.script,
      damage: doc.text.damage.map((d) => ({ ...d })),
    },
  ];
  const span = (m: { start: number; end: number }): Mention => ({ doc: doc.id, ...toOriginalSpan(doc.text, m.start, m.end) });

  const entityNode = (type: EntityMention['type'], name: string, nameSimplified: string): string => {
    const key = entityKey(type, foldName(nameSimplified));
    if (!nodes.has(key)) nodes.set(key, { type, name, nameSimplified, aliases: [], mentions: [] });
    const node = nodes.get(key)!;
    if (!node.aliases.includes(name)) node.aliases.push(name);
    return key;
  };
  const keyOf = new Map<EntityMention | MetricMention, string>();
  const programNames = sameQuotePrograms(mentions);
  for (const m of mentions) {
    if (m.type === 'Metric') {
      const at = span(m);
      const key = metricKey(doc.id, at.start);
      nodes.set(key, metricAttributes(m, doc.id, at, sentenceAt(doc.sentences, m.start), doc.period, jurisdiction.level));
      keyOf.set(m, key);
      continue;
    }
    const named = programNames.get(m) ?? (m.unresolved ? unresolvedName(m, doc.id, doc.text.script) : m);
    const key = entityNode(m.type, named.name, named.nameSimplified);
    const node = nodes.get(key)!;
    if (!node.aliases.includes(m.surface)) node.aliases.push(m.surface);
    node.mentions.push(span(m));
    keyOf.set(m, key);
  }
  // The actor of sentences that state none: the government that writes the report. When it cannot be
  // found, an author of this document alone (never merged with another report's), so no fact is lost.
  const government = jurisdiction.government ?? unknownAuthor(jurisdiction.level, doc.id, doc.text.script);
  const authorKey = entityNode('Agency', government.name, government.nameSimplified);

  for (const r of relations) {
    const source = r.source === AUTHOR ? authorKey : keyOf.get(r.source);
    const target = keyOf.get(r.target);
    if (!source || !target) continue;
    // A figure's status is its own (a target set for a later year is planned wherever it is written).
    const status = r.type === 'MEASURED' ? (nodes.get(target) as MetricAttributes).status : r.status;
    const key = edgeKey(r.type, source, target, status);
    const evidence = { doc: doc.id, start: r.sentence.start, end: r.sentence.end, sentence: r.sentence.text, section: r.sentence.section, rule: r.rule };
    const edge = edges.get(key);
    if (!edge) {
      edges.set(key, { source, target, attributes: { type: r.type, evidence: [evidence], implicit: r.implicit, rule: r.rule, status } });
      continue;
    }
    edge.attributes.implicit &&= r.implicit;
    if (!edge.attributes.evidence.some((e) => sameEvidence(e, evidence))) edge.attributes.evidence.push(evidence);
  }

  return sortedGraph(documents, nodes, edges, extractorVersion);
}
