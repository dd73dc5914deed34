/// <reference lib="webworker" />
/**
 * Layout in a worker: seeded initial positions, ForceAtlas2, then no-overlap. Deterministic: the same
 * graph and seed give the same picture every time.
 */
import { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';

export interface LayoutRequest {
  nodes: string[];
  edges: Array<[string, string]>;
  iterations: number;
  seed: number;
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

export function layout(request: LayoutRequest): LayoutResult {
  const g = new MultiDirectedGraph();
  const r = Math.sqrt(request.nodes.length) * 10;
  for (const key of request.nodes) {
    const angle = hash01(key, request.seed) * 2 * Math.PI;
    const radius = r * Math.sqrt(hash01(`${key}#`, request.seed));
    g.addNode(key, { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: 4 });
  }
  for (const [s, t] of request.edges) g.addEdge(s, t);
  if (request.iterations > 0 && g.order > 1) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, { iterations: request.iterations, settings: { ...settings, barnesHutOptimize: g.order > 500 } });
    noverlap.assign(g, { maxIterations: g.order > 5000 ? 5 : 100, settings: { ratio: 1.2, margin: 1 } });
  }
  const positions: Record<string, [number, number]> = {};
  g.forEachNode((key, a) => (positions[key] = [a.x as number, a.y as number]));
  return { positions };
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  self.postMessage(layout(event.data));
};
