/** The viewer's layout (a pure function; the page runs it in a Web Worker). */
import { describe, expect, it } from 'vitest';
import { layout, type LayoutRequest } from '../../viz/src/layout.js';

/** Three programs, each measured by some metrics; one agency implementing the programs. */
function request(): LayoutRequest {
  const nodes = ['Agency:a', 'Program:p1', 'Program:p2', 'Program:p3'];
  const edges: Array<[string, string]> = [
    ['Agency:a', 'Program:p1'],
    ['Agency:a', 'Program:p2'],
    ['Agency:a', 'Program:p3'],
  ];
  const satellites: Array<[string, string]> = [];
  [5, 1, 40].forEach((count, p) => {
    for (let i = 0; i < count; i++) {
      const metric = `Metric:p${p + 1}-${i}`;
      nodes.push(metric);
      edges.push([`Program:p${p + 1}`, metric]);
      satellites.push([metric, `Program:p${p + 1}`]);
    }
  });
  return { nodes, edges, iterations: 50, seed: 1, satellites };
}

const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('the layout', () => {
  it('places every satellite in a small disc around its anchor, no two on one spot', () => {
    const req = request();
    const { positions } = layout(req);
    expect(Object.keys(positions).sort()).toEqual([...req.nodes].sort());
    const byAnchor = new Map<string, string[]>();
    for (const [node, anchor] of req.satellites!) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), node]);
    for (const [anchor, nodes] of byAnchor) {
      const radius = 3 * Math.sqrt(nodes.length) + 1e-9;
      for (const n of nodes) expect(distance(positions[n]!, positions[anchor]!)).toBeLessThanOrEqual(radius);
    }
    const spots = new Set(Object.values(positions).map(([x, y]) => `${x.toFixed(6)},${y.toFixed(6)}`));
    expect(spots.size).toBe(req.nodes.length);
  });

  it('gives the same picture for the same graph and seed', () => {
    expect(layout(request())).toEqual(layout(request()));
  });

  it('lays out as usual a satellite whose anchor is missing or a satellite itself', () => {
    const req: LayoutRequest = {
      nodes: ['Program:p', 'Metric:m1', 'Metric:m2', 'Metric:m3'],
      edges: [['Program:p', 'Metric:m1']],
      iterations: 20,
      seed: 1,
      satellites: [
        ['Metric:m1', 'Program:p'],
        ['Metric:m2', 'Metric:m1'],
        ['Metric:m3', 'Program:gone'],
      ],
    };
    const { positions } = layout(req);
    expect(Object.keys(positions).sort()).toEqual([...req.nodes].sort());
    for (const p of Object.values(positions)) expect(p.every(Number.isFinite)).toBe(true);
    // m1 is a satellite of p; m2 and m3 are laid out, so they are not tied to an anchor's disc.
    expect(distance(positions['Metric:m1']!, positions['Program:p']!)).toBeLessThanOrEqual(3 + 1e-9);
  });
});
