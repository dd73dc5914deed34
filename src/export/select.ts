/**
 * Selecting a subgraph: by type, relation, document and status, and around a focus entity to a depth.
 * Options combine: filters first, then the neighbourhood of the focus in what remains.
 */
import { UsageError } from '../errors.js';
import { findNode } from '../graph/explain.js';
import { NODE_TYPES, RELATION_TYPES, type NodeType, type RelationType, type SerializedGraph, type Status } from '../graph/model.js';

export interface Selection {
  focus?: string;
  depth?: number;
  types?: NodeType[];
  relations?: RelationType[];
  doc?: string;
  status?: Status;
}

export function parseList<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const i of items) if (!allowed.includes(i as T)) throw new UsageError(`${what}: "${i}" is not one of ${allowed.join(', ')}.`);
  return items as T[];
}
export const parseTypes = (v: string) => parseList(v, NODE_TYPES, '--types');
export const parseRelations = (v: string) => parseList(v, RELATION_TYPES, '--relations');

export function selectSubgraph(graph: SerializedGraph, selection: Selection): SerializedGraph {
  const { types, relations, doc, status } = selection;
  if (doc && !graph.attributes.documents.some((d) => d.id === doc)) {
    throw new UsageError(`select: no document "${doc}" in the graph; it has ${graph.attributes.documents.map((d) => d.id).slice(0, 5).join(', ')}${graph.attributes.documents.length > 5 ? '…' : ''}.`);
  }
  const keepNode = new Set(
    graph.nodes
      .filter((n) => !types || types.includes(n.attributes.type))
      .filter((n) => !doc || n.attributes.mentions.some((m) => m.doc === doc))
      .filter((n) => !status || n.attributes.type !== 'Metric' || (n.attributes as { status?: Status }).status === status)
      .map((n) => n.key),
  );
  let edges = graph.edges.filter(
    (e) =>
      keepNode.has(e.source) &&
      keepNode.has(e.target) &&
      (!relations || relations.includes(e.attributes.type)) &&
      (!status || e.attributes.status === status) &&
      (!doc || e.attributes.evidence.some((ev) => ev.doc === doc)),
  );
  if (selection.focus !== undefined) {
    const focus = findNode(graph, selection.focus, 'select --focus');
    if (!keepNode.has(focus.key)) throw new UsageError(`select: "${selection.focus}" is filtered out by the other options.`);
    const depth = selection.depth ?? 1;
    const adjacent = new Map<string, string[]>();
    for (const e of edges) {
      adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
      adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
    }
    const reached = new Set([focus.key]);
    let frontier = [focus.key];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const k of frontier) for (const m of adjacent.get(k) ?? []) if (!reached.has(m)) (reached.add(m), next.push(m));
      frontier = next;
    }
    for (const k of [...keepNode]) if (!reached.has(k)) keepNode.delete(k);
    edges = edges.filter((e) => keepNode.has(e.source) && keepNode.has(e.target));
  }
  const nodes = graph.nodes.filter((n) => keepNode.has(n.key));
  if (nodes.length === 0) throw new UsageError('select: the selection is empty; loosen --types, --relations, --doc or --status.');
  const docs = new Set<string>();
  for (const n of nodes) for (const m of n.attributes.mentions) docs.add(m.doc);
  for (const e of edges) for (const ev of e.attributes.evidence) docs.add(ev.doc);
  return {
    attributes: { ...graph.attributes, documents: graph.attributes.documents.filter((d) => docs.has(d.id)) },
    options: graph.options,
    nodes,
    edges,
  };
}

