/**
 * The trace of an agency: what it ISSUED and IMPLEMENTED, and the metrics MEASURED for it and for those —
 * a program's metrics only from the reports that say this agency carried it out (a program two reports
 * share does not bring one report's figures to the other's agency).
 */
import type { ViewerGraph } from './visibility.js';

export function traceAgency(graph: ViewerGraph, agency: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([agency]);
  const edges = new Set<string>();
  const measured = (from: string, docs: Set<string> | null) =>
    graph.forEachOutEdge(from, (edge, attributes, _s, target) => {
      if (attributes.type !== 'MEASURED') return;
      if (docs && !attributes.evidence.some((e) => docs.has(e.doc))) return;
      edges.add(edge);
      nodes.add(target);
    });
  graph.forEachOutEdge(agency, (edge, attributes, _s, target) => {
    if (attributes.type === 'ISSUED' || attributes.type === 'IMPLEMENTED') {
      edges.add(edge);
      nodes.add(target);
      measured(target, new Set(attributes.evidence.map((e) => e.doc)));
    }
  });
  measured(agency, null);
  return { nodes, edges };
}

/** The neighbourhood of any other node: itself, its edges and their other ends. */
export function neighbourhood(graph: ViewerGraph, node: string): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set([node]);
  const edges = new Set<string>();
  graph.forEachEdge(node, (edge, _a, source, target) => {
    edges.add(edge);
    nodes.add(source);
    nodes.add(target);
  });
  return { nodes, edges };
}
