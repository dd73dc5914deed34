/**
 * The writer: the only place that sends writes to Neo4j. Schema first (idempotent), then documents,
 * nodes and relationships in batches — one transaction per batch, retried by the driver on transient
 * errors and lost connections, so a failure never leaves half a batch, and a re-run is safe.
 */
import type { Driver } from 'neo4j-driver';
import { InterruptedError, Neo4jError, UsageError } from '../errors.js';
import type { SerializedGraph } from '../graph/model.js';
import { readCypher, splitStatements } from './cypher.js';
import { unreachable, type Neo4jSettings } from './connection.js';
import { DEFAULT_BATCH_SIZE, documentStatements, nodeStatements, relationshipStatements, type Statement } from './statements.js';

export interface LoadOptions {
  batchSize?: number;
  onBatch?: (done: number, total: number) => void;
  /** Aborted (Ctrl-C): the batch under way commits, no other starts, and the load stops with an InterruptedError. */
  signal?: AbortSignal;
  /** Start at this batch (1-based), the ones before committed by an earlier, interrupted load of the same graph. */
  fromBatch?: number;
}

export interface LoadReport {
  batches: number;
  nodes: number;
  relationships: number;
  seconds: number;
}

export function schemaStatements(): string[] {
  return splitStatements(readCypher('schema.cypher'));
}

export async function applySchema(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const session = driver.session({ database: settings.database });
  try {
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

/** Run statements one transaction each, in order, until done or aborted; how many ran. */
export async function runBatches(driver: Driver, settings: Neo4jSettings, statements: Statement[], onBatch?: (done: number) => void, signal?: AbortSignal): Promise<number> {
  const session = driver.session({ database: settings.database, defaultAccessMode: 'WRITE' });
  let done = 0;
  try {
    for (const s of statements) {
      if (signal?.aborted) break;
      await session.executeWrite((tx) => tx.run(s.query, s.params));
      onBatch?.(++done);
    }
  } finally {
    await session.close();
  }
  return done;
}

export async function loadGraph(driver: Driver, settings: Neo4jSettings, graph: SerializedGraph, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const statements = [...documentStatements(graph), ...nodeStatements(graph, batchSize), ...relationshipStatements(graph, batchSize)];
  const from = options.fromBatch ?? 1;
  if (!(Number.isInteger(from) && from >= 1 && from <= statements.length)) {
    throw new UsageError(`load: --from-batch must be from 1 to ${statements.length} (this graph loads in ${statements.length} batches of up to ${batchSize} rows), not ${from}.`);
  }
  let done = from - 1;
  try {
    await applySchema(driver, settings);
    await runBatches(
      driver,
      settings,
      statements.slice(from - 1),
      (n) => {
        done = from - 1 + n;
        options.onBatch?.(done, statements.length);
      },
      options.signal,
    );
  } catch (error) {
    if (error instanceof Neo4jError) throw error;
    const lost = (error as { code?: string }).code === 'ServiceUnavailable' || (error as { code?: string }).code === 'SessionExpired';
    if (lost || done === 0) {
      const base = unreachable(settings, error).message.replace(/\.$/, '');
      throw new Neo4jError(
        `load: stopped after ${done} of ${statements.length} batches: ${base}. Nothing of the failed batch was kept; start Neo4j again and re-run the same command — loading is idempotent.`,
        { cause: error },
      );
    }
    throw new Neo4jError(`load: Neo4j refused batch ${done + 1} of ${statements.length}: ${(error as Error).message}`, { cause: error });
  }
  if (done < statements.length) {
    throw new InterruptedError(
      `load: interrupted after batch ${done} of ${statements.length}, every one of them committed. Go on from there with the same command and --from-batch ${done + 1}${batchSize === DEFAULT_BATCH_SIZE ? '' : ` (and --batch-size ${batchSize})`}, or run it again without: loading is idempotent.`,
    );
  }
  return { batches: statements.length, nodes: graph.nodes.length, relationships: graph.edges.length, seconds: (performance.now() - started) / 1000 };
}
