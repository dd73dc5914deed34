/**
 * The corrections file on disk: YAML (corrections.yaml, comments kept when a command adds to it) or JSON,
 * read and checked (src/resolve/corrections.ts), added to by `correct` and the viewer's server, and
 * found next to the inputs of `extract` by default. The graph file is never written here.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { CorrectionsError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import type { DocumentInfo } from '../graph/model.js';
import { loadReport } from '../text/load.js';
import { checkConflicts, correctionEntry, readCorrections, type Correction, type ReadText } from './corrections.js';

export const DEFAULT_CORRECTIONS = 'corrections.yaml';

const isJson = (path: string) => path.toLowerCase().endsWith('.json');

const HEADER = `# report2graph corrections: applied after resolution on every extract (README, "Corrections").
# Each entry is one of merge, split, rename, retype, reject, reject-fact, add; note: and by: say why and who.
`;

/** The corrections of a file; a missing file holds none. */
export async function readCorrectionsFile(path: string): Promise<Correction[]> {
  return readCorrections(parseText(await readText(path), path), path);
}

async function readText(path: string): Promise<string> {
  if (!existsSync(path)) return '';
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CorrectionsError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
}

function parseText(text: string, path: string): unknown {
  if (isJson(path)) {
    try {
      return text.trim() === '' ? null : JSON.parse(text);
    } catch (error) {
      throw new CorrectionsError(`${path}: not JSON (${(error as Error).message})`, path);
    }
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new CorrectionsError(`${path}: not YAML (${doc.errors[0]!.message.split('\n')[0]})`, path);
  return doc.toJS();
}

/**
 * Add a correction at the end of the file (made if missing), after checking that it conflicts with none
 * already there. YAML keeps its comments and layout.
 */
export async function appendCorrection(path: string, correction: Correction): Promise<Correction[]> {
  const text = await readText(path);
  const all = [...readCorrections(parseText(text, path), path), correction];
  checkConflicts(all, path);
  const entry = correctionEntry(correction);
  if (isJson(path)) {
    const value = (text.trim() === '' ? {} : JSON.parse(text)) as { corrections?: unknown[] };
    value.corrections = [...(value.corrections ?? []), entry];
    await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
    return all;
  }
  const doc = parseDocument(text.trim() === '' ? HEADER : text);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  let list = doc.get('corrections');
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set('corrections', list);
  }
  (list as YAMLSeq).add(doc.createNode(entry, { flow: false }));
  await writeFileAtomic(path, doc.toString({ lineWidth: 0 }));
  return all;
}

/** The corrections file `extract` picks up unless told: corrections.yaml in the folder of the first input (or the folder given). */
export function correctionsNextTo(inputs: string[]): string | null {
  const first = inputs[0];
  if (!first) return null;
  const folder = existsSync(first) && statSync(first).isDirectory() ? first : dirname(first);
  const path = join(folder, DEFAULT_CORRECTIONS);
  return existsSync(path) ? path : null;
}

/** Report texts as the corrections read them: each report's original decoded text, read once. */
export function reportTexts(documents: DocumentInfo[]): ReadText {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const cache = new Map<string, Promise<string | undefined>>();
  return (id) => {
    const d = byId.get(id);
    if (!d) return Promise.resolve(undefined);
    if (!cache.has(id)) cache.set(id, loadReport(d.path).then((r) => r.text).catch(() => undefined));
    return cache.get(id)!;
  };
}
