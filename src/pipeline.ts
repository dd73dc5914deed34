/**
 * The main job: report files → documents → extractions → one merged graph. Pure of the CLI; the
 * caller supplies how to report progress.
 */
import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { runCorpus, type CorpusOptions, type CorpusResult } from './corpus/run.js';
import { UsageError } from './errors.js';

export type { CorpusResult, Failure } from './corpus/run.js';

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

export interface ExtractOptions extends CorpusOptions {}

/** The main job on files: a corpus run (one file is a corpus of one). */
export async function extractFiles(paths: string[], options: ExtractOptions = {}): Promise<CorpusResult> {
  return runCorpus(paths, options);
}
