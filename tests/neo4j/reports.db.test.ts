/**
 * Facts stay in their report: against the real Neo4j of the test run.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { openDriver } from '../../src/neo4j/connection.js';
import { parseParams, resolveQuery } from '../../src/neo4j/queries.js';
import { runReadQuery } from '../../src/neo4j/reader.js';
import { toPlain } from '../../src/neo4j/values.js';
import { loadGraph } from '../../src/neo4j/writer.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { documentFromText } from '../../src/text/document.js';
import { testSettings, wipe } from '../helpers/neo4j.js';

const settings = testSettings();
let driver: Driver;

/** Two districts' reports that name one program (a shared node) with figures of their own. */
const NANSHAN = documentFromText('深圳市南山区。区政府推进“智慧城市”建设，建成5G基站1200个。', 'nanshan-2020', '2020年南山区政府工作报告_2020');
const LUOHU = documentFromText('深圳市罗湖区。区政府推进“智慧城市”建设，建成5G基站800个。', 'luohu-2020', '2020年政府工作报告（在深圳市罗湖区第七届人民代表大会第五次会议上）_2020');

beforeAll(async () => {
  driver = await openDriver(settings);
  await wipe(driver, settings);
  await loadGraph(driver, settings, buildGraph([extractDocument(NANSHAN), extractDocument(LUOHU)], EXTRACTOR_VERSION));
});
afterAll(async () => driver?.close());

describe('facts stay in their report', () => {
  it('shares the program between the reports and records each fact’s reports', async () => {
    const r = await driver.executeQuery('MATCH (a:Agency)-[i:IMPLEMENTED]->(p:Program) RETURN a.name AS agency, p.name AS program, i.docs AS docs ORDER BY agency', {}, { database: settings.database });
    expect(r.records.map((x) => x.toObject())).toEqual([
      { agency: '深圳市南山区人民政府', program: '“智慧城市”', docs: ['nanshan-2020'] },
      { agency: '深圳市罗湖区人民政府', program: '“智慧城市”', docs: ['luohu-2020'] },
    ]);
  });

  it('agency-metrics-by-year gives an agency the figures of its own report only', async () => {
    const q = resolveQuery('agency-metrics-by-year');
    const r = await runReadQuery(driver, settings, q.text, parseParams(q, ['name=深圳市南山区人民政府']));
    const rows = r.rows.map((row) => Object.fromEntries(r.keys.map((k, i) => [k, toPlain(row[i])])));
    expect(rows.map((x) => [x.document, x.raw])).toEqual([['nanshan-2020', '1200个']]);
  });
});
