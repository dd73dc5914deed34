/** The Neo4j commands: load, query, neo4j (start a local server). */
import { mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import { readGraphFile } from '../graph/io.js';
import type { SerializedGraph } from '../graph/model.js';
import { DEFAULT_RETRY_SECONDS, openDriver, settingsFromEnv } from '../neo4j/connection.js';
import { startNeo4j } from '../neo4j/launcher.js';
import { listQueries, parseParams, parseQuery, resolveQuery } from '../neo4j/queries.js';
import { queryGraph, READ_DEFAULTS, runReadQuery } from '../neo4j/reader.js';
import { DEFAULT_WHOLE_GRAPH_LIMIT, SERVE_DEFAULTS, startServer } from '../server/server.js';
import { correctedFileSource, CYPHER_BOX_LIMITS, fileSource, neo4jSource, type GraphSource } from '../server/source.js';
import { toPlain } from '../neo4j/values.js';
import { loadGraph } from '../neo4j/writer.js';
import { DEFAULT_BATCH_SIZE } from '../neo4j/statements.js';
import { UsageError } from '../errors.js';
import { collect, nonNegative, positive } from './options.js';
import { formatRows, parseRowFormat, writeStdout } from './output.js';
import { createProgress } from './progress.js';
import { onInterrupt } from './interrupt.js';


/** Load a graph into the Neo4j of the environment, with progress on stderr. */
export async function loadIntoNeo4j(graph: SerializedGraph, opts: { batchSize?: number; retrySeconds?: number; fromBatch?: number }): Promise<string> {
  const settings = settingsFromEnv(process.env, { retrySeconds: opts.retrySeconds });
  const driver = await openDriver(settings);
  const progress = createProgress(process.stderr, 'batches');
  const interrupt = onInterrupt('load: stopping once the batch under way is committed');
  try {
    const r = await loadGraph(driver, settings, graph, { batchSize: opts.batchSize, fromBatch: opts.fromBatch, signal: interrupt.signal, onBatch: (d, t) => progress.tick(d, t, 'loading') });
    progress.stop();
    const unchanged = r.unchanged > 0 ? `; ${r.unchanged} of them already there as they are, not sent again` : '';
    return `loaded ${r.nodes} nodes and ${r.relationships} relationships in ${r.batches} batches (${r.seconds.toFixed(1)} s) into ${settings.uri}${unchanged}\n`;
  } finally {
    interrupt.dispose();
    progress.stop();
    await driver.close();
  }
}

/** A subgraph from Neo4j through a read-only query (text or a .cypher file). */
export async function readFromNeo4j(queryOrFile: string, pairs: string[]): Promise<SerializedGraph> {
  const query = queryOrFile.endsWith('.cypher') ? resolveQuery(queryOrFile) : parseQuery('cypher', queryOrFile);
  const params = parseParams(query, pairs);
  const settings = settingsFromEnv();
  const driver = await openDriver(settings);
  try {
    return await queryGraph(driver, settings, query.text, params);
  } finally {
    await driver.close();
  }
}

export function addNeo4jCommands(program: Command, defaultGraph: string): void {
  program
    .command('serve')
    .description('serve the viewer for a graph file, or for Neo4j with --neo4j (with a read-only Cypher box)')
    .argument('[graph]', 'a graph file written by extract', defaultGraph)
    .option('--neo4j', 'read the graph from Neo4j (NEO4J_URI …) instead of a file')
    .option('--port <port>', 'port (0 picks a free one)', nonNegative('--port'), 8520)
    .option('--host <host>', 'address to bind; keep 127.0.0.1 unless you mean to share it', '127.0.0.1')
    .option('--max-rows <n>', 'row limit of the Cypher box', positive('--max-rows'), CYPHER_BOX_LIMITS.maxRows)
    .option('--timeout <seconds>', 'time limit of the Cypher box', positive('--timeout'), CYPHER_BOX_LIMITS.timeoutMs / 1000)
    .option('--whole-below <nodes>', 'send a graph of at most this many nodes whole; a larger one opens on its overview and the browser asks for what it shows', positive('--whole-below'), DEFAULT_WHOLE_GRAPH_LIMIT)
    .option('--allow-host <name>', 'a host name the viewer may be reached by besides its address and localhost (repeatable)', collect, [])
    .option('--max-body <bytes>', 'the largest request body read (a Cypher query); a larger one gets 413', positive('--max-body'), SERVE_DEFAULTS.maxBodyBytes)
    .option('--max-queries <n>', 'Cypher queries run at once; one more gets 429', positive('--max-queries'), SERVE_DEFAULTS.maxQueries)
    .option('--max-requests <n>', 'API requests answered at once; one more gets 503', positive('--max-requests'), SERVE_DEFAULTS.maxRequests)
    .option('--corrections <file>', 'let the viewer correct the graph: merges, rejects, renames and retypes go to this corrections file (made if missing), never to the graph file')
    .action(async (file: string, opts: { neo4j?: boolean; port: number; host: string; maxRows: number; timeout: number; wholeBelow: number; allowHost: string[]; maxBody: number; maxQueries: number; maxRequests: number; corrections?: string }) => {
      if (opts.neo4j && opts.corrections) throw new UsageError('serve: --corrections edits the corrections of a graph file; correct, extract and `load` again to put them in Neo4j.');
      let source: GraphSource;
      let close = async () => {};
      if (opts.neo4j) {
        const settings = settingsFromEnv();
        const driver = await openDriver(settings);
        close = () => driver.close();
        source = neo4jSource(driver, settings, { maxRows: opts.maxRows, timeoutMs: opts.timeout * 1000 });
      } else {
        source = opts.corrections ? await correctedFileSource(file, await readGraphFile(file), opts.corrections) : fileSource(file, await readGraphFile(file));
      }
      const server = await startServer(source, {
        port: opts.port,
        host: opts.host,
        wholeGraphLimit: opts.wholeBelow,
        allowedHosts: opts.allowHost,
        maxBodyBytes: opts.maxBody,
        maxQueries: opts.maxQueries,
        maxRequests: opts.maxRequests,
      });
      await writeStdout(`report2graph viewer on ${server.url} (${source.kind}: ${source.label}). Ctrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await close();
    });

  program
    .command('load')
    .description('write a graph file into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE), idempotently')
    .argument('[graph]', 'a graph file written by extract', defaultGraph)
    .option('--batch-size <n>', 'rows per transaction', positive('--batch-size'), DEFAULT_BATCH_SIZE)
    .option('--retry-seconds <n>', 'how long to retry a batch when Neo4j is unavailable', positive('--retry-seconds'), DEFAULT_RETRY_SECONDS)
    .option('--from-batch <n>', 'start at this batch: the ones before were committed by an interrupted load of the same graph', positive('--from-batch'))
    .action(async (file: string, opts: { batchSize: number; retrySeconds: number; fromBatch?: number }) => {
      const graph = await readGraphFile(file);
      await writeStdout(await loadIntoNeo4j(graph, opts));
    });

  program
    .command('query')
    .description('run a curated question from cypher/queries/ (or a .cypher file) against Neo4j, read-only')
    .argument('[query]', 'a curated query name or a .cypher file')
    .option('--param <k=v>', 'a query parameter (repeatable)', collect, [])
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--list', 'list the curated queries and their parameters')
    .option('--max-rows <n>', 'stop after this many rows', positive('--max-rows'), READ_DEFAULTS.maxRows)
    .option('--timeout <seconds>', 'give up after this many seconds', positive('--timeout'), READ_DEFAULTS.timeoutMs / 1000)
    .action(async (name: string | undefined, opts: { param: string[]; format: string; list?: boolean; maxRows: number; timeout: number }) => {
      if (opts.list || !name) {
        const lines = listQueries().map((q) => `${q.name}\n    ${q.description}\n${q.params.map((p) => `    --param ${p.name}=…  ${p.description}`).join('\n')}`);
        await writeStdout(`${lines.join('\n')}\n`);
        if (!opts.list) throw new UsageError('query: name a curated query or a .cypher file (listed above).');
        return;
      }
      const format = parseRowFormat('query', opts.format);
      const query = resolveQuery(name);
      const params = parseParams(query, opts.param);
      const settings = settingsFromEnv();
      const driver = await openDriver(settings);
      try {
        const result = await runReadQuery(driver, settings, query.text, params, { maxRows: opts.maxRows, timeoutMs: opts.timeout * 1000 });
        const rows = result.rows.map((r) => r.map(toPlain));
        await writeStdout(formatRows(result.keys, rows, format));
        if (result.truncated) process.stderr.write(`report2graph: ${rowLimitNote(opts.maxRows)}\n`);
      } finally {
        await driver.close();
      }
    });

  program
    .command('neo4j')
    .description('start a local Neo4j Community 5.26 from Maven Central (Java 17 and Maven needed), on 127.0.0.1; Ctrl-C stops it')
    .option('--port <port>', 'Bolt port', positive('--port'), 7687)
    .option('--home <dir>', 'where the database lives (kept across restarts)', 'out/neo4j')
    .option('--heap <size>', 'Java heap', '2g')
    .action(async (opts: { port: number; home: string; heap: string }) => {
      mkdirSync(opts.home, { recursive: true });
      process.stderr.write('report2graph: preparing Neo4j (the first start downloads it with Maven)…\n');
      const server = await startNeo4j({ home: opts.home, port: opts.port, heap: opts.heap });
      await writeStdout(`Neo4j ready at ${server.uri} (data in ${opts.home}; auth disabled, loopback only). Ctrl-C to stop.\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.stop().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await writeStdout('Neo4j stopped.\n');
    });
}

/** What a user reads when an answer was cut at the row limit: which limit, and how to narrow the question. */
export const rowLimitNote = (maxRows: number) =>
  `stopped at the row limit of ${maxRows} rows (--max-rows); the answer has more. Ask a narrower question — a smaller depth, a more specific name, a LIMIT — or raise --max-rows.`;

