/**
 * Exploring a graph the server keeps: the overview drawn as agencies grouped by jurisdiction (each group a
 * ring of its agencies, sized by their facts, the groups most active first on a spiral), and the parts the
 * user asks for merged in around the node they came from — and taken out again on collapse.
 */
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../src/graph/model.js';
import type { Overview } from '../../src/graph/view.js';
import type { ViewerGraph } from './visibility.js';

/** Where each group's centre lies: a spiral from the centre, the most active group first. */
function groupCentre(i: number): [number, number] {
  const angle = i * 2.4;
  const radius = 60 * Math.sqrt(i);
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/** The overview's agencies as nodes of a graph, laid out by group (no facts yet: those come on expansion). */
export function addOverview(graph: ViewerGraph, overview: Overview): Map<string, string> {
  const groupOfNode = new Map<string, string>();
  overview.groups.forEach((group, gi) => {
    const [cx, cy] = groupCentre(gi);
    group.agencies.forEach((agency, ai) => {
      const ring = ai === 0 ? 0 : 6 + 3 * Math.floor(Math.sqrt(ai));
      const angle = ai * 2.4;
      if (graph.hasNode(agency.key)) return;
      graph.addNode(agency.key, {
        type: 'Agency',
        name: agency.name,
        nameSimplified: agency.name,
        aliases: [],
        mentions: [],
        x: cx + ring * Math.cos(angle),
        y: cy + ring * Math.sin(angle),
        facts: agency.facts,
        leader: ai === 0,
      });
      groupOfNode.set(agency.key, group.id);
    });
  });
  return groupOfNode;
}

/**
 * Merge a part of the graph: new nodes on rings around `anchor` (or around the centre), known nodes keep
 * their place and take the full attributes; returns the nodes this merge added.
 */
export function mergeView(graph: ViewerGraph, part: SerializedGraph, anchor: string | null): string[] {
  const added: string[] = [];
  const [ax, ay] = anchor && graph.hasNode(anchor) ? [graph.getNodeAttribute(anchor, 'x') ?? 0, graph.getNodeAttribute(anchor, 'y') ?? 0] : [0, 0];
  let n = graph.hasNode(anchor ?? '') ? 0 : -1;
  for (const node of part.nodes) {
    if (graph.hasNode(node.key)) {
      const { x, y } = graph.getNodeAttributes(node.key);
      graph.replaceNodeAttributes(node.key, { ...node.attributes, x, y } as NodeAttributes);
      continue;
    }
    n++;
    const ring = n === 0 ? 0 : 4 + 2.2 * Math.sqrt(n);
    const angle = n * 2.4;
    graph.addNode(node.key, { ...node.attributes, x: ax + ring * Math.cos(angle), y: ay + ring * Math.sin(angle) } as NodeAttributes);
    added.push(node.key);
  }
  for (const edge of part.edges) if (!graph.hasEdge(edge.key)) graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes as EdgeAttributes);
  return added;
}

/** Take out what an expansion added, except what the overview or another expansion still holds. */
export function collapse(graph: ViewerGraph, added: string[], kept: Set<string>): void {
  for (const key of added) if (!kept.has(key) && graph.hasNode(key)) graph.dropNode(key);
}
