/** The embedded store: a graphology directed multigraph built from, and exported to, the graph contract. */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SerializedGraph } from './model.js';
import { GRAPH_OPTIONS } from './model.js';
import { validateGraph } from './validate.js';

export type ReportGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function toGraphology(serialized: SerializedGraph): ReportGraph {
  validateGraph(serialized, 'toGraphology');
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: GRAPH_OPTIONS.allowSelfLoops });
  graph.import(serialized as never);
  return graph;
}

export function fromGraphology(graph: ReportGraph): SerializedGraph {
  return validateGraph(graph.export(), 'fromGraphology');
}
