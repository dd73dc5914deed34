/** Counts per node and relation type: what `extract` prints and what tests compare with Neo4j. */
import { NODE_TYPES, RELATION_TYPES, type NodeType, type RelationType, type SerializedGraph } from './model.js';

export interface GraphCounts {
  nodes: Record<NodeType, number>;
  relations: Record<RelationType, number>;
}

export function countGraph(graph: SerializedGraph): GraphCounts {
  const nodes = Object.fromEntries(NODE_TYPES.map((t) => [t, 0])) as Record<NodeType, number>;
  const relations = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>;
  for (const n of graph.nodes) nodes[n.attributes.type]++;
  for (const e of graph.edges) relations[e.attributes.type]++;
  return { nodes, relations };
}

export function formatCounts(counts: GraphCounts): string {
  const line = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
  return `  nodes: ${line(counts.nodes)}\n  relations: ${line(counts.relations)}\n`;
}
