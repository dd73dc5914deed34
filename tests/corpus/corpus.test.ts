import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../../src/graph/io.js';
import { expandInputs, extractFiles } from '../../src/pipeline.js';
import { removeReadings } from '../../src/text/ruby.js';

const CORPUS = 'data/corpus/shenzhen';

describe('the Shenzhen corpus', () => {
  it('extracts every report without error, with exact spans, identically twice', async () => {
    const files = await expandInputs([CORPUS]);
    expect(files).toHaveLength(144);
    const first = await extractFiles(files, { failFast: true });
    expect(first.failures).toEqual([]);
    expect(first.graph.attributes.documents).toHaveLength(144);

    const text = new Map(first.graph.attributes.documents.map((d) => [d.id, readFileSync(d.path, 'utf8')]));
    let checked = 0;
    for (const n of first.graph.nodes) {
      const quoted = n.attributes.type === 'Metric' ? [(n.attributes as { raw: string }).raw] : n.attributes.aliases;
      for (const m of n.attributes.mentions) {
        const slice = removeReadings(text.get(m.doc)!.slice(m.start, m.end));
        if (!quoted.includes(slice)) throw new Error(`${n.key}: ${m.doc}[${m.start},${m.end}] is "${slice}", not one of ${quoted.join(', ')}`);
        checked++;
      }
    }
    for (const e of first.graph.edges) {
      for (const ev of e.attributes.evidence) {
        if (text.get(ev.doc)!.slice(ev.start, ev.end) !== ev.sentence) throw new Error(`${e.key}: evidence ${ev.doc}[${ev.start},${ev.end}] does not slice to its sentence`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50_000);

    const second = await extractFiles(files, { failFast: true });
    expect(serializeGraph(second.graph)).toBe(serializeGraph(first.graph));
  }, 240_000);
});
