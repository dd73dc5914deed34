/**
 * What changed between two graphs (two runs, two rule versions): entities and facts added, removed and
 * changed, per type. Entities are the same when their type and folded name are (so a change of key
 * scheme is not a change of entity); metrics when they stand at the same place of the same document;
 * facts when their type, their two ends and their status are.
 */
import { foldName } from '../text/fold.js';
import { NODE_TYPES, RELATION_TYPES, type MetricAttributes, type SerializedEdge, type SerializedGraph, type SerializedNode } from './model.js';

export interface DiffItem {
  type: string;
  /** A readable identity: the entity's name, `doc@offset label raw` for a metric, `source → target` for a fact. */
  id: string;
  /** For changed items: what changed, `field: old → new`. */
  changes?: string[];
}

export interface TypeCounts {
  type: string;
  old: number;
  new: number;
  added: number;
  removed: number;
  changed: number;
}

export interface GraphDiff {
  counts: TypeCounts[];
  added: DiffItem[];
  removed: DiffItem[];
  changed: DiffItem[];
}

const metricPlace = (a: MetricAttributes) => `${a.doc}@${a.mentions.find((m) => m.doc === a.doc)?.start ?? a.mentions[0]?.start}`;

function identity(node: SerializedNode): string {
  const a = node.attributes;
  return a.type === 'Metric' ? `Metric|${metricPlace(a as MetricAttributes)}` : `${a.type}|${foldName(a.nameSimplified)}`;
}

function describe(node: SerializedNode | undefined): string {
  if (!node) return '?';
  const a = node.attributes;
  return a.type === 'Metric' ? `${metricPlace(a as MetricAttributes)} ${(a as MetricAttributes).label} ${(a as MetricAttributes).raw}` : a.name;
}

/** The fields of a node that a reader cares about when they change. */
function nodeFields(node: SerializedNode): Record<string, string> {
  const a = node.attributes;
  const docs = [...new Set(a.mentions.map((m) => m.doc))].length;
  const fields: Record<string, string> = { name: a.name, aliases: [...a.aliases].sort().join('、'), mentions: `${a.mentions.length} in ${docs} document(s)` };
  if (a.type === 'Metric') {
    const m = a as MetricAttributes;
    Object.assign(fields, { label: m.label, raw: m.raw, value: String(m.value), unit: m.unit, qualifier: m.qualifier, year: String(m.year), status: m.status });
  }
  return fields;
}

function edgeFields(edge: SerializedEdge): Record<string, string> {
  const a = edge.attributes;
  return { implicit: String(a.implicit), rule: a.rule, evidence: `${a.evidence.length} sentence(s)` };
}

function changesBetween(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k] ?? ''} → ${after[k]}`);
}

export function diffGraphs(before: SerializedGraph, after: SerializedGraph): GraphDiff {
  const index = (g: SerializedGraph) => {
    const byKey = new Map(g.nodes.map((n) => [n.key, n]));
    const nodes = new Map<string, SerializedNode>();
    for (const n of g.nodes) {
      const id = identity(n);
      if (!nodes.has(id)) nodes.set(id, n);
    }
    const edges = new Map<string, SerializedEdge>();
    for (const e of g.edges) {
      const s = byKey.get(e.source);
      const t = byKey.get(e.target);
      edges.set(`${e.attributes.type}|${s ? identity(s) : e.source}|${t ? identity(t) : e.target}|${e.attributes.status}`, e);
    }
    return { byKey, nodes, edges };
  };
  const a = index(before);
  const b = index(after);
  const diff: GraphDiff = { counts: [], added: [], removed: [], changed: [] };
  const count = new Map<string, TypeCounts>();
  const tally = (type: string) => {
    if (!count.has(type)) count.set(type, { type, old: 0, new: 0, added: 0, removed: 0, changed: 0 });
    return count.get(type)!;
  };
  for (const t of [...NODE_TYPES, ...RELATION_TYPES]) tally(t);

  for (const [id, n] of a.nodes) {
    tally(n.attributes.type).old++;
    if (!b.nodes.has(id)) {
      tally(n.attributes.type).removed++;
      diff.removed.push({ type: n.attributes.type, id: describe(n) });
    }
  }
  for (const [id, n] of b.nodes) {
    tally(n.attributes.type).new++;
    const old = a.nodes.get(id);
    if (!old) {
      tally(n.attributes.type).added++;
      diff.added.push({ type: n.attributes.type, id: describe(n) });
      continue;
    }
    const changes = changesBetween(nodeFields(old), nodeFields(n));
    if (changes.length > 0) {
      tally(n.attributes.type).changed++;
      diff.changed.push({ type: n.attributes.type, id: describe(n), changes });
    }
  }
  const edgeId = (g: typeof a, e: SerializedEdge) => `${describe(g.byKey.get(e.source))} → ${describe(g.byKey.get(e.target))}${e.attributes.status === 'planned' ? ' (planned)' : ''}`;
  for (const [id, e] of a.edges) {
    tally(e.attributes.type).old++;
    if (!b.edges.has(id)) {
      tally(e.attributes.type).removed++;
      diff.removed.push({ type: e.attributes.type, id: edgeId(a, e) });
    }
  }
  for (const [id, e] of b.edges) {
    tally(e.attributes.type).new++;
    const old = a.edges.get(id);
    if (!old) {
      tally(e.attributes.type).added++;
      diff.added.push({ type: e.attributes.type, id: edgeId(b, e) });
      continue;
    }
    const changes = changesBetween(edgeFields(old), edgeFields(e));
    if (changes.length > 0) {
      tally(e.attributes.type).changed++;
      diff.changed.push({ type: e.attributes.type, id: edgeId(b, e), changes });
    }
  }
  diff.counts = [...count.values()];
  const order = (x: DiffItem, y: DiffItem) => (x.type < y.type ? -1 : x.type > y.type ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  diff.added.sort(order);
  diff.removed.sort(order);
  diff.changed.sort(order);
  return diff;
}

/** The diff as text: the counts table, then up to `limit` items of each kind and type (none with 0). */
export function formatDiff(diff: GraphDiff, limit: number): string {
  const rows = diff.counts.map((c) => `${c.type.padEnd(12)}${[c.old, c.new, c.added, c.removed, c.changed].map((n) => String(n).padStart(9)).join('')}`);
  let out = `${'type'.padEnd(12)}${['old', 'new', 'added', 'removed', 'changed'].map((h) => h.padStart(9)).join('')}\n${rows.join('\n')}\n`;
  if (limit === 0) return out;
  for (const [kind, items] of [['added', diff.added], ['removed', diff.removed], ['changed', diff.changed]] as const) {
    for (const c of diff.counts) {
      const of = items.filter((i) => i.type === c.type);
      if (of.length === 0) continue;
      out += `\n${kind} ${c.type} (${of.length}):\n`;
      for (const item of of.slice(0, limit)) out += `  ${item.id}${item.changes ? `\n      ${item.changes.join('\n      ')}` : ''}\n`;
      if (of.length > limit) out += `  … ${of.length - limit} more (--limit, or --json for all)\n`;
    }
  }
  return out;
}
