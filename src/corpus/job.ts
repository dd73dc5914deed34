/**
 * One document's job, the same in a worker thread and in the main thread: read, normalize, segment,
 * extract, resolve into the document's own graph, timing each stage.
 */
import { InputError, serializeError, type SerializedError } from '../errors.js';
import { createContext } from '../extract/context.js';
import { EXTRACTOR_VERSION, extractWith } from '../extract/index.js';
import type { SerializedGraph } from '../graph/model.js';
import { buildDocumentGraph } from '../resolve/resolve.js';
import { assertReadable, prepareDocument } from '../text/document.js';
import { loadReport, type LoadOptions } from '../text/load.js';

export const STAGES = ['decode', 'normalize', 'segment', 'extract', 'resolve'] as const;
export type Stage = (typeof STAGES)[number];
export type Timings = Record<Stage, number>;

export type JobResult =
  | { ok: true; path: string; sha256: string; graph: SerializedGraph; chars: number; timings: Timings }
  /** A report that cannot be read: listed, and the run goes on. */
  | { ok: false; path: string; input: true; reason: string }
  /** Anything else (a bug, a broken lexicon): it stops the run, its class and stack kept across the thread. */
  | { ok: false; path: string; input: false; error: SerializedError };

export async function runJob(path: string, options: LoadOptions = {}): Promise<JobResult> {
  const timings: Timings = { decode: 0, normalize: 0, segment: 0, extract: 0, resolve: 0 };
  let t = performance.now();
  const lap = (stage: Stage) => {
    const now = performance.now();
    timings[stage] += now - t;
    t = now;
  };
  try {
    const loaded = await loadReport(path, options);
    lap('decode');
    const doc = assertReadable(prepareDocument(loaded));
    lap('normalize');
    const context = createContext(doc);
    lap('segment');
    const extraction = extractWith(context);
    lap('extract');
    const graph = buildDocumentGraph(extraction, EXTRACTOR_VERSION);
    lap('resolve');
    return { ok: true, path, sha256: loaded.sha256, graph, chars: loaded.text.length, timings };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, path, input: true, reason: error.message };
    return { ok: false, path, input: false, error: serializeError(error) };
  }
}
