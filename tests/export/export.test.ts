import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { ARRAY_DELIMITER, writeCsv } from '../../src/export/csv.js';
import { cypherString } from '../../src/export/cypher-script.js';
import { decodeAttributes } from '../../src/export/encode.js';
import { writeGexf } from '../../src/export/gexf.js';
import { writeGraphml } from '../../src/export/graphml.js';
import { selectSubgraph } from '../../src/export/select.js';
import { writeGraphFile } from '../../src/graph/io.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { readDocument } from '../../src/text/document.js';
import { runCli } from '../helpers/cli.js';
import { NASTY, nastyGraph } from '../helpers/nasty.js';
import { SEED_PATH } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-export-'));
const seed = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
const seedFile = join(dir, 'seed.json');
await writeGraphFile(seedFile, seed);

/** Nodes and edges of a graphology graph read back from a file, decoded, for comparison. */
function contents(graph: MultiDirectedGraph): Pick<SerializedGraph, 'nodes' | 'edges'> {
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes: decodeAttributes(strip(attributes)) }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({ key, source, target, attributes: decodeAttributes(strip(attributes)) }));
  return { nodes: nodes.sort(byKey), edges: edges.sort(byKey) } as never;
}
/** GEXF readers add the element's label as an attribute; ours is the name (nodes) or type (edges). */
const strip = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).filter(([k, v]) => !(k === 'label' && (v === a.name || v === a.type) && a.type !== 'Metric')));
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
const expected = (g: SerializedGraph) => ({ nodes: [...g.nodes].sort(byKey), edges: [...g.edges].sort(byKey) });

describe('selecting a subgraph', () => {
  it('--focus 東莞市人民政府 --depth 1 gives exactly that agency and its direct neighbours', () => {
    const key = 'Agency:东莞市人民政府';
    const neighbours = new Set([key, ...seed.edges.flatMap((e) => (e.source === key ? [e.target] : e.target === key ? [e.source] : []))]);
    const sub = selectSubgraph(seed, { focus: '東莞市人民政府', depth: 1 });
    expect(new Set(sub.nodes.map((n) => n.key))).toEqual(neighbours);
    expect(sub.edges.every((e) => e.source === key || e.target === key)).toBe(true);
    expect(sub.edges).toHaveLength(seed.edges.filter((e) => e.source === key || e.target === key).length);
  });

  it('combines types, relations, status and document', () => {
    const sub = selectSubgraph(seed, { types: ['Agency', 'Program'], relations: ['IMPLEMENTED'], status: 'planned', doc: 'dongguan-2023' });
    expect(new Set(sub.nodes.map((n) => n.attributes.type))).toEqual(new Set(['Agency', 'Program']));
    expect(sub.edges.map((e) => [e.attributes.type, e.attributes.status])).toEqual([['IMPLEMENTED', 'planned'], ['IMPLEMENTED', 'planned'], ['IMPLEMENTED', 'planned']]);
    const deeper = selectSubgraph(seed, { focus: '市發展改革局', depth: 3, relations: ['IMPLEMENTED', 'MEASURED'] });
    expect(deeper.nodes.map((n) => n.attributes.name)).toContain('“數字政務”');
  });

  it('refuses an unknown name, an unknown document and an empty selection', () => {
    expect(() => selectSubgraph(seed, { focus: '不存在的機關' })).toThrow(UsageError);
    expect(() => selectSubgraph(seed, { doc: 'nope' })).toThrow(/no document "nope"/);
    expect(() => selectSubgraph(seed, { types: ['Metric'], status: 'planned' })).toThrow(/selection is empty/);
  });
});

describe('formats read back equal to the selected subgraph', () => {
  const nasty = nastyGraph();
  const sub = selectSubgraph(seed, { focus: '東莞市', depth: 1 });

  it('GraphML, through graphology-graphml', () => {
    for (const g of [nasty, sub]) {
      const back = graphml.parse(MultiDirectedGraph, writeGraphml(g)) as unknown as MultiDirectedGraph;
      expect(contents(back)).toEqual(expected(g));
      expect(decodeAttributes(back.getAttributes() as never)).toMatchObject({ documents: g.attributes.documents, extractorVersion: g.attributes.extractorVersion });
    }
  });

  it('GEXF, through graphology-gexf', () => {
    for (const g of [nasty, sub]) {
      const back = gexf.parse(MultiDirectedGraph, writeGexf(g)) as unknown as MultiDirectedGraph;
      expect(contents(back)).toEqual(expected(g));
    }
  });

  it('CSV in neo4j-admin’s header format with RFC 4180 quoting', () => {
    const files = writeCsv(nasty);
    const nodes = parseCsv(files['nodes.csv'], { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(nodes[0]!)).toEqual(['key:ID', ':LABEL', 'name', 'nameSimplified', 'aliases:string[]', 'mentions:string[]', 'doc', 'raw', 'value:double', 'unit', 'qualifier', 'label', 'year:int', 'status']);
    expect(nodes[0]!.name).toBe(NASTY);
    expect(nodes[0]!['aliases:string[]']!.split(ARRAY_DELIMITER)).toEqual([NASTY, 'b,c']);
    const rels = parseCsv(files['relationships.csv'], { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rels[0]!)).toEqual([':START_ID', ':END_ID', ':TYPE', 'key', 'rule', 'status', 'implicit:boolean', 'evidence:string[]']);
    expect(JSON.parse(rels[0]!['evidence:string[]']!).sentence).toBe(NASTY);
    expect(files['README.txt']).toContain('--array-delimiter=U+001F');
  });

  it('Cypher string literals escape what Cypher needs', () => {
    expect(cypherString("a'b\\c\nd")).toBe("'a\\'b\\\\c\\nd'");
    expect(cypherString('😀𠀋')).toBe("'😀𠀋'");
  });
});

describe('report2graph export', () => {
  it.each(['graphml', 'gexf', 'json', 'cypher'])('writes %s', (format) => {
    const out = join(dir, `seed.${format}`);
    const r = runCli(['export', seedFile, '--format', format, '--out', out, '--focus', '東莞市人民政府', '--depth', '1']);
    expect(r.code).toBe(0);
    const expected = selectSubgraph(seed, { focus: '東莞市人民政府', depth: 1 });
    expect(r.stdout).toContain(`wrote ${expected.nodes.length} nodes and ${expected.edges.length} relationships as ${format}`);
    expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
  });

  it('writes csv to a folder', () => {
    const out = join(dir, 'csv');
    expect(runCli(['export', seedFile, '--format', 'csv', '--out', out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'nodes.csv', 'relationships.csv']);
  });

  it('fails clearly, never leaving a half-written file', () => {
    const unknown = runCli(['export', seedFile, '--format', 'json', '--out', join(dir, 'u.json'), '--focus', '不存在的機關']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no entity named "不存在的機關"/);
    const empty = runCli(['export', seedFile, '--format', 'json', '--out', join(dir, 'e.json'), '--types', 'Metric', '--status', 'planned']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/selection is empty/);
    const unwritable = runCli(['export', seedFile, '--format', 'json', '--out', join(seedFile, 'inside-a-file.json')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write .*choose a writable path/);
    expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
    expect(existsSync(join(dir, 'u.json')) || existsSync(join(dir, 'e.json'))).toBe(false);
    expect(runCli(['export', seedFile, '--format', 'pdf', '--out', 'x']).code).toBe(2);
  });
});
