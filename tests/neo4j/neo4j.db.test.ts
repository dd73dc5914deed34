/**
 * Against the real Neo4j of the test run. One file, run in order: the database is shared.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTimeoutError, UsageError } from '../../src/errors.js';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { writeGraphFile } from '../../src/graph/io.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { countGraph } from '../../src/graph/summary.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { resolveQuery, parseParams } from '../../src/neo4j/queries.js';
import { readWholeGraph, runReadQuery } from '../../src/neo4j/reader.js';
import { toPlain } from '../../src/neo4j/values.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { documentFromText, readDocument } from '../../src/text/document.js';
import { countByLabel, countByType, dump, testSettings, wipe } from '../helpers/neo4j.js';
import { runCli } from '../helpers/cli.js';
import { SEED_PATH } from '../helpers/seed.js';

const settings = testSettings();
let driver: Driver;
let seed: SerializedGraph;

async function ask(name: string, params: Record<string, string | number> = {}): Promise<Array<Record<string, unknown>>> {
  const q = resolveQuery(name);
  const r = await runReadQuery(driver, settings, q.text, parseParams(q, Object.entries(params).map(([k, v]) => `${k}=${v}`)));
  return r.rows.map((row) => Object.fromEntries(r.keys.map((k, i) => [k, toPlain(row[i])])));
}

beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  seed = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
});
afterAll(async () => driver?.close());

describe('loading into Neo4j', () => {
  it('writes as many nodes and relationships per label and type as the graph file has', async () => {
    await loadGraph(driver, settings, seed, { batchSize: 40 });
    const expected = countGraph(seed);
    const labels = await countByLabel(driver, settings);
    const types = await countByType(driver, settings);
    for (const [label, n] of Object.entries(expected.nodes)) expect(labels[label] ?? 0, label).toBe(n);
    for (const [type, n] of Object.entries(expected.relations)) expect(types[type] ?? 0, type).toBe(n);
    expect(labels.Document).toBe(1);
    expect(types.MENTIONED_IN).toBe(seed.nodes.filter((n) => n.attributes.mentions.length > 0).length);
  });

  it('changes nothing when the same graph is loaded again, and sends none of its rows again', async () => {
    const before = await dump(driver, settings);
    const again = await loadGraph(driver, settings, seed, { batchSize: 1000 });
    expect(await dump(driver, settings)).toEqual(before);
    expect(again.unchanged).toBe(seed.nodes.length + seed.edges.length);
  });


  it('gives back, through the reader, a graph equal to the source', async () => {
    expect(await readWholeGraph(driver, settings)).toEqual(seed);
  });

  it('merges the entities a second report shares with the first', async () => {
    const second = buildGraph([extractDocument(documentFromText('2024年,东莞市坚持改革。东莞市人民政府印发《东莞市优化营商环境条例》。', 'second', 'second'))], EXTRACTOR_VERSION);
    const before = await countByLabel(driver, settings);
    await loadGraph(driver, settings, second);
    const after = await countByLabel(driver, settings);
    expect(after.Document).toBe(2);
    expect(after.Agency).toBe(before.Agency);
    expect(after.Regulation).toBe(before.Regulation);
    const gov = await driver.executeQuery("MATCH (a:Agency {key: 'Agency:东莞市人民政府'}) RETURN a.aliases AS aliases, a.name AS name, size(a.mentions) AS mentions");
    expect(gov.records[0]!.get('name')).toBe('東莞市人民政府');
    expect(gov.records[0]!.get('aliases')).toEqual(expect.arrayContaining(['市政府', '東莞市人民政府', '东莞市人民政府']));
    const docs = await driver.executeQuery("MATCH (:Regulation {key: 'Regulation:东莞市优化营商环境条例'})-[:MENTIONED_IN]->(d:Document) RETURN d.id AS id ORDER BY id");
    expect(docs.records.map((r) => r.get('id'))).toEqual(['dongguan-2023', 'second']);
  });
});

describe('the curated questions, on the seed', () => {
  it('agency-activity: what 市政府 (東莞市人民政府) issued and implemented, with evidence', async () => {
    const rows = await ask('agency-activity', { name: '市政府' });
    expect(rows.filter((r) => r.relation === 'ISSUED').map((r) => r.object)).toContain('東莞市物業管理條例');
    expect(rows.filter((r) => r.relation === 'IMPLEMENTED' && r.status === 'planned').map((r) => r.object)).toEqual(
      ['全國法治政府建設示范創建', '廣東省法治政府建設示范創建', '行政執法質量提升行動'].sort(),
    );
    const evidence = rows.find((r) => r.object === '“全民反詐”專項行動')!.evidence as Array<{ sentence: string }>;
    expect(evidence[0]!.sentence).toContain('開展全市“全民反詐”專項行動');
  });

  it('regulation-issuers: who issued a regulation', async () => {
    expect(await ask('regulation-issuers', { name: '《東莞市物業管理條例》'.slice(1, -1) })).toEqual([
      { regulation: '東莞市物業管理條例', agency: '東莞市人民政府', status: 'done', implicit: true, rule: 'issued-submitted-for-review', evidence: 1 },
    ]);
  });

  it('program-metrics: the numbers of a program', async () => {
    const rows = await ask('program-metrics', { name: '“莞薪無憂”專項行動' });
    expect(rows.map((r) => [r.raw, r.value, r.unit])).toEqual([['16455家', 16455, '家'], ['1128宗', 1128, '宗']]);
  });

  it('agencies-by-activity: the government that writes the report first', async () => {
    const rows = await ask('agencies-by-activity', { limit: 3 });
    expect(rows[0]).toMatchObject({ agency: '東莞市人民政府' });
    expect(rows).toHaveLength(3);
    expect(rows[0]!.total as number).toBeGreaterThan(rows[1]!.total as number);
  });

  it('programs-without-metric: programs with no number', async () => {
    const rows = await ask('programs-without-metric', { limit: 100 });
    const names = rows.map((r) => r.program);
    expect(names).toContain('“放管服”改革');
    expect(names).not.toContain('“莞薪無憂”專項行動');
  });

  it('planned-vs-done: counts per relation and status', async () => {
    const rows = await ask('planned-vs-done');
    expect(rows).toContainEqual({ relation: 'IMPLEMENTED', status: 'planned', count: 3 });
    expect(rows.find((r) => r.relation === 'ISSUED' && r.status === 'done')!.count).toBeGreaterThanOrEqual(15);
  });

  it('shortest-path: from an agency to a program through what it did', async () => {
    const [row] = await ask('shortest-path', { from: '市發展改革局', to: '“數字政務”' });
    expect(row!.chain).toEqual(['東莞市發展和改革局', '“信用畫像全景式應用”', '三個', '“數字政務”'].map((n) => (n === '三個' ? expect.stringContaining('三個') : n)));
    expect(row!.hops).toBe(3);
  });

  it('documents-mentioning: the reports that name an entity', async () => {
    const rows = await ask('documents-mentioning', { name: '市政府' });
    expect(rows).toContainEqual(expect.objectContaining({ entity: '東莞市人民政府', document: 'dongguan-2023', mentions: 6 }));
  });

  it('fulltext-search: the same entity in either script', async () => {
    const traditional = await ask('fulltext-search', { q: '營商環境條例' });
    const simplified = await ask('fulltext-search', { q: '营商环境条例' });
    expect(traditional[0]!.name).toBe('東莞市優化營商環境條例');
    expect(simplified[0]!.name).toBe('東莞市優化營商環境條例');
  });

  it('neighbourhood: everything within N steps, each once, at its distance, with a shortest chain to it', async () => {
    const one = await ask('neighbourhood', { name: '“莞薪無憂”專項行動', depth: 1 });
    expect(one.map((r) => r.type).sort()).toEqual(['Agency', 'Metric', 'Metric']);
    expect(one.every((r) => r.distance === 1 && JSON.stringify(r.chain) === JSON.stringify(['“莞薪無憂”專項行動', r.name]))).toBe(true);
    // Breadth first over the graph file, by hand: what is within 3 steps, each at its least distance.
    const start = seed.nodes.find((n) => n.attributes.name === '“莞薪無憂”專項行動')!.key;
    const distance = new Map([[start, 0]]);
    for (let frontier = [start], d = 1; d <= 3; d++) {
      const next: string[] = [];
      for (const e of seed.edges) {
        for (const [from, to] of [[e.source, e.target], [e.target, e.source]] as const) {
          if (frontier.includes(from) && !distance.has(to)) {
            distance.set(to, d);
            next.push(to);
          }
        }
      }
      frontier = next;
    }
    const nameOf = new Map(seed.nodes.map((n) => [n.key, n.attributes.name]));
    const expected = [...distance].filter(([k]) => k !== start).map(([k, d]) => `${nameOf.get(k)}@${d}`).sort();
    const three = await ask('neighbourhood', { name: '“莞薪無憂”專項行動', depth: 3 });
    expect(three.map((r) => `${r.name}@${r.distance}`).sort()).toEqual(expected);
    expect(expected.some((x) => x.endsWith('@3'))).toBe(true);
    for (const r of three) {
      const chain = r.chain as string[];
      expect(chain).toHaveLength((r.distance as number) + 1);
      expect([chain[0], chain.at(-1)]).toEqual(['“莞薪無憂”專項行動', r.name]);
    }
  });

  it('a query that runs into its time limit says which limit and how to narrow the question', async () => {
    const slow = 'UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 123 RETURN count(*) AS n';
    const error = await runReadQuery(driver, settings, slow, {}, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryTimeoutError);
    expect((error as Error).message).toMatch(/time limit of 0\.3 s \(--timeout\).*narrower question/);
  });

  it('agency-metrics-by-year: what an agency reported each year', async () => {
    const rows = await ask('agency-metrics-by-year', { name: '全市檢察機關' });
    expect(rows.map((r) => [r.year, r.raw])).toEqual([[2023, '341件'], [2023, '103件'], [2023, '492件']]);
  });
});

describe('connections and read-only queries', () => {
  it('works through a neo4j:// routing address too', async () => {
    const routed = testSettings({ uri: settings.uri.replace('bolt://', 'neo4j://') });
    const d = await openDriver(routed);
    try {
      const r = await runReadQuery(d, routed, 'MATCH (d:Document) RETURN count(d) AS n', {});
      expect(r.rows[0]![0]).toBe(2);
    } finally {
      await d.close();
    }
  });

  it('refuses CREATE, MERGE, DELETE, SET and CALL dbms… and leaves the database as it was', async () => {
    const before = await dump(driver, settings);
    for (const q of ['CREATE (n:Agency {key: "x"})', 'MERGE (n:Agency {key: "x"})', 'MATCH (n) DETACH DELETE n', 'MATCH (n:Agency) SET n.name = "x"', 'CALL dbms.setConfigValue("db.logs.query.enabled", "OFF")']) {
      await expect(runReadQuery(driver, settings, q, {}), q).rejects.toThrow(UsageError);
    }
    await expect(runReadQuery(driver, settings, "CALL db . createLabel('Sneaky')", {})).rejects.toThrow(/plans this query as a write/);
    expect(await dump(driver, settings)).toEqual(before);
  });

  it('stops at the row limit', async () => {
    const r = await runReadQuery(driver, settings, 'UNWIND range(1, 100) AS i RETURN i', {}, { maxRows: 10 });
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });

  it('the query command prints a table, JSON or CSV', () => {
    const env = { NEO4J_URI: settings.uri };
    const table = runCli(['query', 'program-metrics', '--param', 'name=“莞薪無憂”專項行動'], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/16455家\s+16455\s+家/);
    const csv = runCli(['query', 'planned-vs-done', '--format', 'csv'], { env });
    expect(csv.stdout.split('\n')[0]).toBe('relation,status,count');
    const cut = runCli(['query', 'planned-vs-done', '--max-rows', '2'], { env });
    expect(cut.code).toBe(0);
    expect(cut.stdout).toContain('(2 rows)');
    expect(cut.stderr).toContain('stopped at the row limit of 2 rows (--max-rows); the answer has more. Ask a narrower question');
    const missing = runCli(['query', 'program-metrics'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing --param name=');
  });

  it('says what to do when Neo4j is not there', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'r2g-down-')), 'seed.json');
    await writeGraphFile(file, seed);
    const r = runCli(['load', file], { env: { NEO4J_URI: 'bolt://127.0.0.1:1' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 .*start one with `npm run neo4j` or `docker compose up -d`, or set NEO4J_URI/);
  });
});

