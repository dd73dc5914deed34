/**
 * Corpus mode: many reports into one merged graph, documents processed in parallel in worker threads,
 * with a content-addressed cache so a re-run reprocesses only new or changed reports. Each document's
 * graph is built alone and the graphs are merged, so a corpus run equals the merge of single-document
 * runs, whatever the number of workers or the cache.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '../files.js';
import { deserializeError, InputError, InterruptedError, Report2GraphError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../extract/index.js';
import type { SerializedGraph } from '../graph/model.js';
import { dataPath } from '../paths.js';
import { GraphMerger } from '../resolve/resolve.js';
import type { LoadOptions } from '../text/load.js';
import { runJob, STAGES, type JobResult, type Timings } from './job.js';

export interface CorpusOptions {
  /** Worker threads (default: `defaultWorkers`; 1 runs in this thread). */
  workers?: number;
  /** Where per-document graphs are kept between runs (`defaultCacheDir` of the graph written); null for no cache. */
  cacheDir?: string | null;
  failFast?: boolean;
  /** Refuse reports larger than this many bytes (default: loadReport's, 64 MiB). */
  maxBytes?: number;
  /** Aborted (Ctrl-C): no new report is started, the ones under way finish (and are cached), the run stops with an InterruptedError. */
  signal?: AbortSignal;
  /** Keep each report's own graph as well (for a shard file), in `documentGraphs`. */
  keepDocumentGraphs?: boolean;
  onProgress?: (done: number, total: number, path: string) => void;
}

export interface Failure {
  path: string;
  reason: string;
}

export interface CorpusResult {
  graph: SerializedGraph;
  /** Each report's own graph, by document id, when `keepDocumentGraphs` was asked for. */
  documentGraphs?: SerializedGraph[];
  failures: Failure[];
  extracted: number;
  reused: number;
  chars: number;
  /** Seconds per stage, summed over documents (worker time), and the merge. */
  timings: Timings & { merge: number };
  seconds: number;
}

/**
 * A run stopped by what is not the report's fault — a bug, a broken lexicon — reported once, with the
 * report it met it on; `cause` is the error itself, of its own class and with its own stack (from the
 * worker thread it was thrown in).
 */
export class RunStoppedError extends Report2GraphError {
  constructor(
    readonly path: string,
    cause: Error,
  ) {
    super(`extract: stopped at ${path} by ${cause.name}: ${cause.message} — a bug in report2graph or in its rules under data/, not in the report; nothing was written (--verbose prints its stack).`, { cause });
  }
}

/** Worker threads unless told otherwise: one per core, at most one per report. */
export const defaultWorkers = (reports: number): number => Math.max(1, Math.min(availableParallelism(), reports));

/** The cache unless told otherwise: a folder next to the graph file written. */
export const defaultCacheDir = (graphFile: string): string => join(dirname(graphFile), '.report2graph-cache');

let fingerprintCache: string | undefined;
/** What the cache depends on besides the document: the extractor's version and its rules and lexicons. */
export function extractorFingerprint(): string {
  if (!fingerprintCache) {
    const hash = createHash('sha256').update(EXTRACTOR_VERSION);
    for (const folder of ['extract', 'lexicon']) {
      for (const f of readdirSync(dataPath(folder)).sort()) hash.update(f).update(readFileSync(dataPath(folder, f)));
    }
    fingerprintCache = hash.digest('hex').slice(0, 16);
  }
  return fingerprintCache;
}

/** The report's cache key: its path, its content and the extractor. Streamed: a huge file is not held in memory. */
async function cacheKey(path: string): Promise<string> {
  const hash = createHash('sha256').update(path).update('\0');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.update('\0').update(extractorFingerprint()).digest('hex');
}

/**
 * Worker threads, each working through the jobs posted to it in order. Jobs are posted ahead (two per
 * worker), so a worker never waits for the main thread, which is busy with jobs of its own.
 */
class Pool {
  private readonly workers: Array<{ worker: Worker; outstanding: number }> = [];
  private readonly pending = new Map<number, { resolve: (r: JobResult) => void; reject: (e: Error) => void; slot: { outstanding: number } }>();
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      // A larger young generation than the default: fewer scavenges of the short-lived text and token
      // objects, whose collection otherwise competes with the other thread for the cores.
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
      const slot = { worker, outstanding: 0 };
      worker.on('message', ({ id, result }: { id: number; result: JobResult }) => {
        const p = this.pending.get(id);
        if (!p) return;
        this.pending.delete(id);
        p.slot.outstanding--;
        p.resolve(result);
      });
      worker.on('error', (error) => {
        for (const [id, p] of this.pending) if (p.slot === slot) (this.pending.delete(id), p.reject(error));
      });
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run(path: string, options: LoadOptions): Promise<JobResult> {
    const slot = this.workers.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
    const id = this.next++;
    slot.outstanding++;
    return new Promise<JobResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, path, options });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

export async function runCorpus(paths: string[], options: CorpusOptions = {}): Promise<CorpusResult> {
  const started = performance.now();
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(paths.length), paths.length));
  // The main thread is one of the workers: it has everything loaded already, so N workers cost only
  // N - 1 thread start-ups (each loads the dictionaries again).
  const pool = workers > 1 ? new Pool(workers - 1) : undefined;
  const timings = { decode: 0, normalize: 0, segment: 0, extract: 0, resolve: 0, merge: 0 };
  const merger = new GraphMerger();
  const documentGraphs: SerializedGraph[] = [];
  let merged = 0;
  let mergeSeconds = 0;
  const merge = (graph: SerializedGraph) => {
    const t = performance.now();
    merger.add(graph);
    if (options.keepDocumentGraphs) documentGraphs.push(graph);
    mergeSeconds += (performance.now() - t) / 1000;
    merged++;
  };
  const failures: Failure[] = [];
  let extracted = 0;
  let reused = 0;
  let chars = 0;
  let done = 0;
  let stop: Error | undefined;
  if (options.cacheDir) await mkdir(options.cacheDir, { recursive: true });
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
  };
  if (options.signal?.aborted) interrupt();
  options.signal?.addEventListener('abort', interrupt, { once: true });

  const one = async (path: string, lane: number) => {
    if (stop || interrupted) return;
    const key = options.cacheDir ? await cacheKey(path).catch(() => undefined) : undefined;
    const cached = key ? await readFile(join(options.cacheDir!, `${key}.json`), 'utf8').catch(() => undefined) : undefined;
    if (cached) {
      const graph = JSON.parse(cached) as SerializedGraph;
      merge(graph);
      chars += graph.attributes.documents[0]?.chars ?? 0;
      reused++;
    } else {
      const load = { maxBytes: options.maxBytes };
      const result = pool && lane > 0 ? await pool.run(path, load) : await runJob(path, load);
      if (!result.ok && !result.input) {
        stop ??= new RunStoppedError(path, deserializeError(result.error));
      } else if (!result.ok) {
        failures.push({ path, reason: result.reason });
        if (options.failFast) stop ??= new InputError(result.reason, path);
      } else {
        merge(result.graph);
        chars += result.chars;
        extracted++;
        for (const s of STAGES) timings[s] += result.timings[s] / 1000;
        if (key) await writeFileAtomic(join(options.cacheDir!, `${key}.json`), JSON.stringify(result.graph)).catch(() => undefined);
      }
    }
    options.onProgress?.(++done, paths.length, path);
  };

  try {
    const queue = [...paths];
    // Lane 0 is the main thread; each worker thread gets two lanes, so its next job is always queued.
    const lanes = 1 + 2 * (pool?.size ?? 0);
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let path = queue.shift(); path !== undefined && !stop && !interrupted; path = queue.shift()) await one(path, lane);
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', interrupt);
    await pool?.close();
  }
  if (stop) throw stop;
  if (interrupted) {
    const kept = options.cacheDir ? `the ${done} done are in the cache (${options.cacheDir}): run the same command again to go on from there` : 'with --no-cache nothing was kept: run the command again to start over';
    throw new InterruptedError(`extract: interrupted after ${done} of ${paths.length} report(s); ${kept}. No graph was written.`);
  }
  if (merged === 0) {
    throw new InputError(`extract: no report could be read. ${failures.map((f) => f.reason).join(' ')}`, paths[0] ?? '');
  }
  const t = performance.now();
  const graph = merger.result(EXTRACTOR_VERSION);
  timings.merge = mergeSeconds + (performance.now() - t) / 1000;
  const byId = (g: SerializedGraph) => g.attributes.documents[0]?.id ?? '';
  documentGraphs.sort((a, b) => (byId(a) < byId(b) ? -1 : byId(a) > byId(b) ? 1 : 0));
  return { graph, ...(options.keepDocumentGraphs ? { documentGraphs } : {}), failures, extracted, reused, chars, timings, seconds: (performance.now() - started) / 1000 };
}
