/**
 * The writer: the only place that sends writes to Neo4j. Schema first (idempotent), then documents,
 * nodes and relationships in batches — one transaction per batch, retried by the driver on transient
 * errors and lost connections, so a failure never leaves half a batch, and a re-run is safe.
 */
import type { Driver, Session } from 'neo4j-driver';
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
  /**
   * Into a database that holds no node yet, batches are created without being looked for first, this many
   * at once (default 3; 1 merges one batch at a time, as every later load does).
   */
  firstLoadSessions?: number;
}

const FIRST_LOAD_SESSIONS = 3;

export interface LoadReport {
  batches: number;
  nodes: number;
  relationships: number;
  /** Rows (nodes and relationships) the database held already as they are, so not sent again. */
  unchanged: number;
  seconds: number;
}

export type SchemaPart = 'all' | 'constraints' | 'indexes';

/**
 * The schema, all of it or one part: `constraints` (every load needs them to find a node by its key)
 * or `indexes` (the full-text index, which a first load creates after its data: populated once, in
 * bulk, instead of merging Lucene segments at every commit).
 */
export function schemaStatements(part: SchemaPart = 'all'): string[] {
  return splitStatements(readCypher('schema.cypher')).filter((s) => part === 'all' || /^CREATE CONSTRAINT\b/.test(s) === (part === 'constraints'));
}

export async function applySchema(driver: Driver, settings: Neo4jSettings, part: SchemaPart = 'all'): Promise<void> {
  const session = driver.session({ database: settings.database });
  try {
    for (const statement of schemaStatements(part)) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

export interface BatchOptions {
  onBatch?: (done: number) => void;
  signal?: AbortSignal;
  /** Ask first which rows the database holds already as they are (a statement's `applied`), and send only the others. */
  skipApplied?: boolean;
  /** Rows skipped so far, counted here. */
  onSkipped?: (rows: number) => void;
  /** Called before a statement with rows to write is sent. */
  onWrite?: () => void;
}

/** Reads run at once while a re-load asks which rows the database holds already (they only read). */
const CHECKS_AT_ONCE = 3;

/**
 * `work(session, i)` for every i below `count`, in `sessions` sessions at once, each taking the next i;
 * no new i is taken once `stop()` says so or a session has failed. Waits for every session and throws
 * the first failure.
 */
async function inSessions(driver: Driver, settings: Neo4jSettings, mode: 'READ' | 'WRITE', sessions: number, count: number, work: (session: Session, i: number) => Promise<void>, stop = () => false): Promise<void> {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(sessions, count) }, async () => {
      const session = driver.session({ database: settings.database, defaultAccessMode: mode });
      try {
        for (let i = next++; i < count && !failed && !stop(); i = next++) await work(session, i);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        await session.close();
      }
    }),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** For each statement, the keys of its rows the database holds already as they are (none for a statement without `applied`). */
async function appliedKeys(driver: Driver, settings: Neo4jSettings, statements: Statement[]): Promise<Array<Set<string>>> {
  const found = statements.map(() => new Set<string>());
  await inSessions(driver, settings, 'READ', CHECKS_AT_ONCE, statements.length, async (session, i) => {
    const check = statements[i]!.applied;
    if (!check) return;
    const result = await session.executeRead((tx) => tx.run(check.query, check.params));
    for (const r of result.records) found[i]!.add(r.get('key') as string);
  });
  return found;
}

/** Run statements one transaction each, in order, until done or aborted; how many ran. */
export async function runBatches(driver: Driver, settings: Neo4jSettings, statements: Statement[], options: BatchOptions = {}): Promise<number> {
  const applied = options.skipApplied ? await appliedKeys(driver, settings, statements) : undefined;
  const session = driver.session({ database: settings.database, defaultAccessMode: 'WRITE' });
  let done = 0;
  try {
    for (const [i, s] of statements.entries()) {
      if (options.signal?.aborted) break;
      let params = s.params;
      const there = applied?.[i];
      if (there && there.size > 0) {
        params = { ...s.params, rows: (s.params.rows as Array<{ key: string }>).filter((r) => !there.has(r.key)) };
        options.onSkipped?.(there.size);
      }
      if ((params.rows as unknown[] | undefined)?.length !== 0) {
        options.onWrite?.();
        await session.executeWrite((tx) => tx.run(s.query, params));
      }
      options.onBatch?.(++done);
    }
  } finally {
    await session.close();
  }
  return done;
}

/**
 * The first load: each phase (documents, then nodes, then relationships, which need their ends) runs its
 * batches `sessions` at a time with their `firstLoad` query. Returns how many batches, from the first,
 * are all committed (batches finish out of order; an interrupted load goes on from the first missing).
 */
async function runFirstLoad(driver: Driver, settings: Neo4jSettings, phases: Statement[][], sessions: number, options: { onBatch?: (done: number) => void; signal?: AbortSignal }): Promise<number> {
  const committed: boolean[] = [];
  let contiguous = 0;
  let offset = 0;
  for (const phase of phases) {
    const base = offset;
    const write = async (session: Session, i: number) => {
      const s = phase[i]!;
      await session.executeWrite((tx) => tx.run(s.firstLoad ?? s.query, s.params));
      committed[base + i] = true;
      while (committed[contiguous]) contiguous++;
      options.onBatch?.(contiguous);
    };
    await inSessions(driver, settings, 'WRITE', sessions, phase.length, write, () => !!options.signal?.aborted);
    offset += phase.length;
    if (options.signal?.aborted) break;
  }
  return contiguous;
}

/** Seconds a load waits for the indexes to be sampled again once it has written. */
const REPLAN_SECONDS = 60;

/**
 * After a load that wrote: the indexes sampled again and the query caches cleared, so that what is
 * planned next (a re-load's checks, the curated queries) sees the data as it is (replan.cypher). A user
 * without the admin right gets the sampling scheduled instead.
 */
async function refreshStatistics(driver: Driver, settings: Neo4jSettings): Promise<void> {
  const session = driver.session({ database: settings.database });
  try {
    await session.run(readCypher('write/replan.cypher'), { seconds: REPLAN_SECONDS });
  } catch (error) {
    if ((error as { code?: string }).code !== 'Neo.ClientError.Security.Forbidden') throw error;
    await session.run(readCypher('write/resample-indexes.cypher'));
  } finally {
    await session.close();
  }
}

/** Whether the database holds any node (count store, no scan). */
async function holdsNodes(driver: Driver, settings: Neo4jSettings): Promise<boolean> {
  const session = driver.session({ database: settings.database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(readCypher('write/node-count.cypher')));
    return Number(result.records[0]?.get('nodes') ?? 0) > 0;
  } finally {
    await session.close();
  }
}

export async function loadGraph(driver: Driver, settings: Neo4jSettings, graph: SerializedGraph, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const phases = [documentStatements(graph), nodeStatements(graph, batchSize), relationshipStatements(graph, batchSize)];
  const statements = phases.flat();
  const sessions = options.firstLoadSessions ?? FIRST_LOAD_SESSIONS;
  if (!(Number.isInteger(sessions) && sessions >= 1)) throw new UsageError(`loadGraph: firstLoadSessions must be a whole number from 1, not ${sessions}.`);
  const from = options.fromBatch ?? 1;
  if (!(Number.isInteger(from) && from >= 1 && from <= statements.length)) {
    throw new UsageError(`load: --from-batch must be from 1 to ${statements.length} (this graph loads in ${statements.length} batches of up to ${batchSize} rows), not ${from}.`);
  }
  let done = from - 1;
  let unchanged = 0;
  let wrote = false;
  try {
    await applySchema(driver, settings, 'constraints');
    const holds = await holdsNodes(driver, settings);
    if (!holds && from === 1 && sessions > 1) {
      wrote = true;
      done = await runFirstLoad(driver, settings, phases, sessions, { signal: options.signal, onBatch: (n) => ((done = n), options.onBatch?.(n, statements.length)) });
      // After the data, when every batch is in (an interrupted load creates it when it is run again).
      if (done === statements.length) await applySchema(driver, settings, 'indexes');
    } else {
      await applySchema(driver, settings, 'indexes');
      await runBatches(driver, settings, statements.slice(from - 1), {
        onBatch: (n) => {
          done = from - 1 + n;
          options.onBatch?.(done, statements.length);
        },
        signal: options.signal,
        // Into an empty database there is nothing to look for.
        skipApplied: holds,
        onSkipped: (rows) => (unchanged += rows),
        onWrite: () => (wrote = true),
      });
    }
    if (wrote && !options.signal?.aborted) await refreshStatistics(driver, settings);
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
      `load: interrupted after batch ${done} of ${statements.length}, every one up to it committed. Go on from there with the same command and --from-batch ${done + 1}${batchSize === DEFAULT_BATCH_SIZE ? '' : ` (and --batch-size ${batchSize})`}, or run it again without: loading is idempotent.`,
    );
  }
  return { batches: statements.length, nodes: graph.nodes.length, relationships: graph.edges.length, unchanged, seconds: (performance.now() - started) / 1000 };
}
