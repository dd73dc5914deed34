import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { diffGraphs, formatDiff } from '../../src/graph/diff.js';
import type { MetricAttributes } from '../../src/graph/model.js';
import { buildDocumentGraph } from '../../src/resolve/resolve.js';
import { extractText } from '../helpers/extract.js';

const TEXT = '推行告知承诺制，新增市场主体1.2万户。深化繁简分流改革。';
const before = buildDocumentGraph(extractText(TEXT, '2021年光明区政府工作报告_2021'), EXTRACTOR_VERSION);

/** The same report under other rules: one program gone, a label changed. */
function after() {
  const g = structuredClone(before);
  const gone = g.nodes.find((n) => n.attributes.name === '繁简分流')!.key;
  g.nodes = g.nodes.filter((n) => n.key !== gone);
  g.edges = g.edges.filter((e) => e.target !== gone && e.source !== gone);
  const metric = g.nodes.find((n) => n.attributes.type === 'Metric')!.attributes as MetricAttributes;
  metric.label = '新增市场主体数';
  return g;
}

describe('diff of two graphs', () => {
  it('finds nothing between a graph and itself', () => {
    const d = diffGraphs(before, structuredClone(before));
    expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
    expect(d.counts.find((c) => c.type === 'Program')).toEqual({ type: 'Program', old: 2, new: 2, added: 0, removed: 0, changed: 0 });
  });

  it('lists what was removed and what changed, per type, with the change', () => {
    const d = diffGraphs(before, after());
    expect(d.removed).toEqual([
      { type: 'IMPLEMENTED', id: '深圳市光明区人民政府 → 繁简分流' },
      { type: 'Program', id: '繁简分流' },
    ]);
    expect(d.changed).toEqual([{ type: 'Metric', id: 'excerpt@14 新增市场主体数 1.2万户', changes: ['label: 新增市场主体 → 新增市场主体数'] }]);
    expect(diffGraphs(after(), before).added.map((i) => i.id)).toEqual(['深圳市光明区人民政府 → 繁简分流', '繁简分流']);
    const text = formatDiff(d, 20);
    expect(text).toMatch(/^type\s+old\s+new\s+added\s+removed\s+changed\n/);
    expect(text).toContain('removed Program (1):\n  繁简分流\n');
    expect(text).toContain('      label: 新增市场主体 → 新增市场主体数');
    expect(formatDiff(d, 0).split('\n')).toHaveLength(9);
  });

  it('matches entities by folded name, so a change of script or quotes is not a change of entity', () => {
    const g = structuredClone(before);
    const rekey = (k: string) => (k.startsWith('Program:') ? `Program:"${k.slice(8)}"` : k);
    for (const n of g.nodes) n.key = rekey(n.key);
    for (const e of g.edges) Object.assign(e, { source: rekey(e.source), target: rekey(e.target) });
    expect(diffGraphs(before, g).removed).toEqual([]);
  });
});
