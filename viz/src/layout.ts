/**
 * Layout in a worker: seeded initial positions, ForceAtlas2, then no-overlap. Deterministic: the same
 * graph and seed give the same picture every time. Satellites (a large graph's metrics) are left out
 * of the force layout and placed in a small disc around the node they belong to: the layout costs far
 * less, and each program's figures sit by it.
 */
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';

export interface LayoutRequest {
  nodes: string[];
  edges: Array<[string, string]>;
  iterations: number;
  seed: number;
  /** [node, anchor]: `node` is placed around `anchor` rather than laid out. */
  satellites?: Array<[string, string]>;
}
export interface LayoutResult {
  positions: Record<string, [number, number]>;
}

/** A number in [0, 1) from a string and a seed (FNV-1a): positions do not depend on node order. */
export function hash01(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Layout units between satellites (a laid-out node is 4 across). */
const SATELLITE_SPACING = 3;

export function layout(request: LayoutRequest): LayoutResult {
  const g = new MultiDirectedGraph();
  // A satellite needs an anchor that is laid out itself; any other is laid out as usual.
  const known = new Set(request.nodes);
  const candidates = new Set((request.satellites ?? []).map(([node]) => node));
  const anchors = new Map<string, string[]>();
  const satellite = new Set<string>();
  for (const [node, anchor] of request.satellites ?? []) {
    if (!known.has(node) || !known.has(anchor) || candidates.has(anchor) || satellite.has(node)) continue;
    satellite.add(node);
    const list = anchors.get(anchor);
    if (list) list.push(node);
    else anchors.set(anchor, [node]);
  }
  const laidOut = request.nodes.filter((key) => !satellite.has(key));
  const r = Math.sqrt(laidOut.length) * 10;
  for (const key of laidOut) {
    const angle = hash01(key, request.seed) * 2 * Math.PI;
    const radius = r * Math.sqrt(hash01(`${key}#`, request.seed));
    g.addNode(key, { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: 4 });
  }
  for (const [s, t] of request.edges) if (g.hasNode(s) && g.hasNode(t)) g.addEdge(s, t);
  if (request.iterations > 0 && g.order > 1) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, { iterations: request.iterations, settings: { ...settings, barnesHutOptimize: g.order > 500 } });
    noverlap.assign(g, { maxIterations: g.order > 5000 ? 5 : 100, settings: { ratio: 1.2, margin: 1 } });
  }
  const positions: Record<string, [number, number]> = {};
  g.forEachNode((key, a) => (positions[key] = [a.x as number, a.y as number]));
  // Satellites on a sunflower spiral around their anchor: evenly packed, whatever their number.
  for (const [anchor, nodes] of anchors) {
    const [x, y] = positions[anchor]!;
    const turn = hash01(anchor, request.seed) * 2 * Math.PI;
    nodes.forEach((key, i) => {
      const radius = SATELLITE_SPACING * Math.sqrt(i + 1);
      const angle = turn + i * GOLDEN_ANGLE;
      positions[key] = [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
    });
  }
  return { positions };
}
