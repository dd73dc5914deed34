import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { settingsFromEnv, type Neo4jSettings } from '../../src/neo4j/connection.js';

/** Settings for the Neo4j of the test run (started by tests/setup/neo4j.ts or given by NEO4J_URI). */
export function testSettings(overrides: Partial<Neo4jSettings> = {}): Neo4jSettings {
  return settingsFromEnv({ ...process.env, NEO4J_URI: inject('neo4jUri') }, overrides);
}

/** Test-only: empty the database (the product itself never deletes). */
export async function wipe(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const session = driver.session({ database: settings.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export async function countByLabel(driver: Driver, settings: Neo4jSettings): Promise<Record<string, number>> {
  const r = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label', {}, { database: settings.database });
  return Object.fromEntries(r.records.map((x) => [x.get('label'), x.get('count')]));
}

export async function countByType(driver: Driver, settings: Neo4jSettings): Promise<Record<string, number>> {
  const r = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type', {}, { database: settings.database });
  return Object.fromEntries(r.records.map((x) => [x.get('type'), x.get('count')]));
}

/** Every node and relationship with all its properties, in a stable order. */
export async function dump(driver: Driver, settings: Neo4jSettings): Promise<unknown> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS p ORDER BY coalesce(n.key, n.id)', {}, { database: settings.database });
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.key, a.id) AS a, coalesce(b.key, b.id) AS b, properties(r) AS p ORDER BY type, a, b, r.key',
    {},
    { database: settings.database },
  );
  return { nodes: nodes.records.map((r) => r.toObject()), rels: rels.records.map((r) => r.toObject()) };
}

