import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphContractError, InputError } from '../../src/errors.js';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { readGraphFile, writeGraphFile } from '../../src/graph/io.js';
import { graphChunks, serializeGraph } from '../../src/graph/serialize.js';
import { fromGraphology, toGraphology } from '../../src/graph/store.js';
import { syntheticGraph } from '../../src/graph/synthetic.js';
import { validateGraph } from '../../src/graph/validate.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { removeReadings } from '../../src/text/ruby.js';
import { readDocument } from '../../src/text/document.js';
import { SEED_PATH, seedText } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-graph-'));
const seedGraph = async () => buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);

describe('the graph contract', () => {
  it('round-trips through graphology and the JSON file unchanged', async () => {
    const graph = await seedGraph();
    expect(fromGraphology(toGraphology(graph))).toEqual(graph);
    const path = join(dir, 'seed.json');
    await writeGraphFile(path, graph);
    expect(await readGraphFile(path)).toEqual(graph);
  });

  it('writes a large graph in pieces that make exactly the one-string text', async () => {
    const graph = syntheticGraph({ nodes: 8_000, edges: 16_000, seed: 3 });
    const pieces = [...graphChunks(graph)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(serializeGraph(graph));
    const path = join(dir, 'large.json');
    await writeGraphFile(path, graph);
    expect(readFileSync(path, 'utf8')).toBe(serializeGraph(graph));
  });

  it('records the document with its hash, year, encoding, jurisdiction and damage', async () => {
    const { attributes } = await seedGraph();
    expect(attributes.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(attributes.documents[0]).toMatchObject({ id: 'dongguan-2023', year: 2023, encoding: 'utf-8', jurisdiction: '東莞市', script: 'traditional', chars: seedText().length });
    expect(attributes.documents[0]!.damage.filter((d) => d.kind === 'mojibake')).toHaveLength(2);
  });

  it('keeps every mention and evidence span exact on the original file', async () => {
    const graph = await seedGraph();
    const original = seedText();
    for (const n of graph.nodes) {
      for (const m of n.attributes.mentions) {
        const quoted = removeReadings(original.slice(m.start, m.end));
        const expected = n.attributes.type === 'Metric' ? [(n.attributes as { raw: string }).raw] : n.attributes.aliases;
        expect(expected, `${n.key} at ${m.start}`).toContain(quoted);
      }
    }
    for (const e of graph.edges) for (const ev of e.attributes.evidence) expect(original.slice(ev.start, ev.end)).toBe(ev.sentence);
  });

  it('refuses a graph that breaks the contract, naming the call and what was expected', () => {
    const base = { attributes: { documents: [] }, options: {}, nodes: [{ key: 'a', attributes: { type: 'Agency', name: 'A', aliases: [], mentions: [] } }], edges: [] };
    expect(() => validateGraph({ ...base, nodes: [{ key: 'x', attributes: { type: 'Person', name: 'x', aliases: [], mentions: [] } }] }, 'test')).toThrow(
      /test: node "x" has invalid type "Person"; expected one of Agency, Regulation, Program, Metric/,
    );
    expect(() => validateGraph({ ...base, edges: [{ key: 'e', source: 'a', target: 'a', attributes: { type: 'ISSUED', evidence: [] } }] }, 'test')).toThrow(
      /joins Agency→Agency; expected Agency→Regulation/,
    );
    expect(() => validateGraph({ ...base, edges: [{ key: 'e', source: 'a', target: 'b', attributes: { type: 'OWNS', evidence: [] } }] }, 'test')).toThrow(GraphContractError);
  });

  it('refuses a missing or malformed graph file with an input or contract error', async () => {
    await expect(readGraphFile(join(dir, 'missing.json'))).rejects.toThrow(InputError);
    writeFileSync(join(dir, 'bad.json'), '{"nodes": [');
    await expect(readGraphFile(join(dir, 'bad.json'))).rejects.toThrow(GraphContractError);
  });
});
