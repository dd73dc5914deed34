/**
 * The main job: report files → documents → extractions → one merged graph. Pure of the CLI; the
 * caller supplies how to report progress.
 */
import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { InputError, Report2GraphError, UsageError } from './errors.js';
import { extractDocument, EXTRACTOR_VERSION, type Extraction } from './extract/index.js';
import type { SerializedGraph } from './graph/model.js';
import { buildGraph } from './resolve/resolve.js';
import { readDocument } from './text/document.js';

export interface Failure {
  path: string;
  reason: string;
}

export interface ExtractResult {
  graph: SerializedGraph;
  failures: Failure[];
  extractions: Extraction[];
}

export interface ExtractOptions {
  failFast?: boolean;
  onProgress?: (done: number, total: number, path: string) => void;
}

/** Expand files, folders (every .txt inside) and globs to a sorted list of files. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isFile()) files.add(input);
    else if (info?.isDirectory()) for (const f of await glob('**/*.txt', { cwd: input, absolute: false })) files.add(`${input.replace(/\/$/, '')}/${f}`);
    else {
      const matched = await glob(input, { onlyFiles: true });
      if (matched.length === 0) throw new UsageError(`extract: ${input} is not a file, a folder or a glob that matches files; check the path.`);
      for (const f of matched) files.add(f);
    }
  }
  if (files.size === 0) throw new UsageError(`extract: no .txt report found in ${inputs.join(', ')}.`);
  return [...files].sort();
}

export async function extractFiles(paths: string[], options: ExtractOptions = {}): Promise<ExtractResult> {
  const extractions: Extraction[] = [];
  const failures: Failure[] = [];
  let done = 0;
  for (const path of paths) {
    try {
      extractions.push(extractDocument(await readDocument(path)));
    } catch (error) {
      if (options.failFast || !(error instanceof Report2GraphError)) throw error;
      failures.push({ path, reason: error.message });
    }
    options.onProgress?.(++done, paths.length, path);
  }
  if (extractions.length === 0) {
    const why = failures.map((f) => f.reason).join(' ');
    throw new InputError(`extract: no report could be read. ${why}`, paths[0] ?? '');
  }
  return { graph: buildGraph(extractions, EXTRACTOR_VERSION), failures, extractions };
}
