/** The corrected graph in the real Neo4j: what the user corrected is what the database holds. */
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../src/corpus/run.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { countGraph } from '../../src/graph/summary.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { applyCorrections, type Correction } from '../../src/resolve/corrections.js';
import { reportTexts } from '../../src/resolve/corrections-file.js';
import { countByLabel, countByType, testSettings, wipe } from '../helpers/neo4j.js';
import { CORPUS } from '../helpers/time.js';

const settings = testSettings();
let driver: Driver;
let graph: SerializedGraph;

const CORRECTIONS: Correction[] = [
  { op: 'merge', targets: ['深圳市盐田区人民政府', 'Agency:深圳市盐田区'], note: 'the district taken for a body is its government' },
  { op: 'reject', target: '“元宇宙”' },
  { op: 'retype', target: 'Program:重大决策社会稳定风险评估制度', to: 'Regulation' },
];

beforeAll(async () => {
  const extracted = (await runCorpus(['盐田区2022年政府工作报告_2022', '盐田区2021年政府工作报告_2021'].map((id) => join(CORPUS, `${id}.txt`)), { cacheDir: null })).graph;
  graph = (await applyCorrections(extracted, CORRECTIONS, reportTexts(extracted.attributes.documents))).graph;
  driver = await openDriver(settings);
  await wipe(driver, settings);
}, 120_000);
afterAll(async () => driver?.close());

describe('a corrected graph loaded into Neo4j', () => {
  it('holds the same counts as the corrected graph, and what each correction did', async () => {
    await loadGraph(driver, settings, graph);
    const counts = countGraph(graph);
    expect(await countByLabel(driver, settings)).toEqual({ ...counts.nodes, Document: 2 });
    expect(await countByType(driver, settings)).toEqual({ ...counts.relations, MENTIONED_IN: graph.nodes.reduce((n, x) => n + new Set(x.attributes.mentions.map((m) => m.doc)).size, 0) });
    const merged = await driver.executeQuery('MATCH (a:Agency {key: $key}) RETURN a.aliases AS aliases, a.corrections AS corrections', { key: 'Agency:深圳市盐田区人民政府' }, { database: settings.database });
    expect(merged.records[0]!.get('aliases')).toEqual(expect.arrayContaining(['深圳市盐田区人民政府', '深圳市盐田区']));
    expect(merged.records[0]!.get('corrections')).toEqual(['#1 merge: the district taken for a body is its government']);
    const gone = await driver.executeQuery("MATCH (n) WHERE n.key IN ['Agency:深圳市盐田区', 'Program:元宇宙', 'Program:重大决策社会稳定风险评估制度'] RETURN count(n) AS n", {}, { database: settings.database });
    expect(Number(gone.records[0]!.get('n'))).toBe(0);
    const issued = await driver.executeQuery('MATCH (:Agency)-[r:ISSUED]->(:Regulation {key: $key}) RETURN count(r) AS n', { key: 'Regulation:重大决策社会稳定风险评估制度' }, { database: settings.database });
    expect(Number(issued.records[0]!.get('n'))).toBe(1);
    // Loading it again changes nothing.
    const again = await loadGraph(driver, settings, graph);
    expect(again.unchanged).toBe(graph.nodes.length + graph.edges.length);
  });
});
