/**
 * The Cypher script (run through the driver, as cypher-shell would) and the CSV files (through LOAD CSV)
 * loaded into the real Neo4j reproduce the subgraph they were written from.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { writeCsv } from '../../src/export/csv.js';
import { writeCypherScript } from '../../src/export/cypher-script.js';
import { selectSubgraph } from '../../src/export/select.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { splitStatements } from '../../src/neo4j/cypher.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { readWholeGraph } from '../../src/neo4j/reader.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { readDocument } from '../../src/text/document.js';
import { nastyGraph } from '../helpers/nasty.js';
import { testSettings, wipe } from '../helpers/neo4j.js';
import { SEED_PATH } from '../helpers/seed.js';

const settings = testSettings();
let driver: Driver;
let subgraph: SerializedGraph;
let files: Record<string, string> = {};
let server: Server;
let base = '';

beforeAll(async () => {
  driver = await openDriver(settings);
  const seed = buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION);
  subgraph = selectSubgraph(seed, { focus: '東莞市', depth: 1 });
  server = createServer((req, res) => {
    const body = files[decodeURIComponent((req.url ?? '/').slice(1))];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/csv; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(async () => wipe(driver, settings));
afterAll(async () => {
  await driver?.close();
  server?.close();
});

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
const nodesAndEdges = (g: SerializedGraph) => ({ nodes: [...g.nodes].sort(byKey), edges: [...g.edges].sort(byKey) });

describe('exports loaded into Neo4j', () => {
  it('the Cypher script recreates the subgraph, every string intact', async () => {
    for (const graph of [subgraph, nastyGraph()]) {
      await wipe(driver, settings);
      const session = driver.session({ database: settings.database });
      try {
        for (const statement of splitStatements(writeCypherScript(graph))) await session.run(statement);
      } finally {
        await session.close();
      }
      expect(nodesAndEdges(await readWholeGraph(driver, settings))).toEqual(nodesAndEdges(graph));
    }
  });

  it('the CSV files, through LOAD CSV, recreate the subgraph', async () => {
    for (const graph of [subgraph, nastyGraph()]) {
      await wipe(driver, settings);
      files = { ...writeCsv(graph) };
      const session = driver.session({ database: settings.database });
      try {
        for (const label of ['Agency', 'Regulation', 'Program', 'Metric']) {
          await session.run(
            `LOAD CSV WITH HEADERS FROM $url AS row
             WITH row WHERE row.\`:LABEL\` = $label
             CREATE (n:${label} {key: row.\`key:ID\`, type: row.\`:LABEL\`, name: row.name, nameSimplified: row.nameSimplified})
             SET n.aliases = split(row.\`aliases:string[]\`, $d),
                 n.mentions = CASE row.\`mentions:string[]\` WHEN '' THEN [] ELSE split(row.\`mentions:string[]\`, $d) END
             FOREACH (_ IN CASE WHEN $label = 'Metric' THEN [1] ELSE [] END |
               SET n.doc = row.doc, n.raw = row.raw, n.value = toFloat(row.\`value:double\`), n.unit = row.unit,
                   n.qualifier = coalesce(row.qualifier, ''), n.label = coalesce(row.label, ''), n.year = toInteger(row.\`year:int\`), n.status = row.status)`,
            { url: `${base}/nodes.csv`, label, d: '\u001f' },
          );
        }
        await session.run(
          `LOAD CSV WITH HEADERS FROM $url AS row
           MATCH (s {key: row.\`:START_ID\`}), (t {key: row.\`:END_ID\`})
           CALL (s, t, row) {
             WITH s, t, row WHERE row.\`:TYPE\` = 'ISSUED' CREATE (s)-[r:ISSUED]->(t) SET r = {key: row.key}
             UNION
             WITH s, t, row WHERE row.\`:TYPE\` = 'IMPLEMENTED' CREATE (s)-[r:IMPLEMENTED]->(t) SET r = {key: row.key}
             UNION
             WITH s, t, row WHERE row.\`:TYPE\` = 'MEASURED' CREATE (s)-[r:MEASURED]->(t) SET r = {key: row.key}
           }
           WITH row MATCH ()-[r {key: row.key}]->()
           SET r.rule = row.rule, r.status = row.status, r.implicit = toBoolean(row.\`implicit:boolean\`), r.evidence = split(row.\`evidence:string[]\`, $d)`,
          { url: `${base}/relationships.csv`, d: '\u001f' },
        );
      } finally {
        await session.close();
      }
      expect(nodesAndEdges(await readWholeGraph(driver, settings))).toEqual(nodesAndEdges(graph));
    }
  });
});
