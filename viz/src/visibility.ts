/** Which nodes and edges the filters let through: the reducers hide the rest, and exports take what is visible. */
import type Graph from 'graphology-types';
import type { EdgeAttributes, MetricAttributes, NodeAttributes, SerializedGraph } from '../../src/graph/model.js';
import type { ViewerState } from './state.js';

export type ViewerGraph = Graph<NodeAttributes, EdgeAttributes>;

/**
 * A node the report filters keep: one a kept report mentions. An overview's agency (no mentions loaded
 * yet) was chosen under the filters by the server.
 */
const keptByReports = (mentions: NodeAttributes['mentions'], allowed: Set<string> | null) => !allowed || mentions.length === 0 || mentions.some((m) => allowed.has(m.doc));

export function nodeVisible(graph: ViewerGraph, key: string, state: ViewerState): boolean {
  const a = graph.getNodeAttributes(key);
  if (!state.types.has(a.type)) return false;
  if (!keptByReports(a.mentions, state.allowedDocs)) return false;
  if (a.type === 'Metric' && !state.statuses.has((a as MetricAttributes).status)) return false;
  return graph.degree(key) >= state.minDegree;
}

export function edgeVisible(graph: ViewerGraph, key: string, state: ViewerState): boolean {
  const a = graph.getEdgeAttributes(key);
  if (state.allowedDocs && !a.evidence.some((e) => state.allowedDocs!.has(e.doc))) return false;
  return state.relations.has(a.type) && state.statuses.has(a.status) && nodeVisible(graph, graph.source(key), state) && nodeVisible(graph, graph.target(key), state);
}

/** The visible subgraph in the graph contract, with all attributes (layout positions left out). */
export function visibleSubgraph(graph: ViewerGraph, state: ViewerState, attributes: SerializedGraph['attributes']): SerializedGraph {
  const nodes = graph
    .filterNodes((key) => nodeVisible(graph, key, state))
    .map((key) => {
      const { x: _x, y: _y, ...rest } = graph.getNodeAttributes(key);
      return { key, attributes: rest as NodeAttributes };
    });
  const edges = graph
    .filterEdges((key) => edgeVisible(graph, key, state))
    .map((key) => ({ key, source: graph.source(key), target: graph.target(key), attributes: graph.getEdgeAttributes(key) }));
  const docs = new Set<string>();
  for (const n of nodes) for (const m of n.attributes.mentions) docs.add(m.doc);
  for (const e of edges) for (const ev of e.attributes.evidence) docs.add(ev.doc);
  return {
    attributes: { ...attributes, documents: attributes.documents.filter((d) => docs.has(d.id)) },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}
