/** A loaded and normalized report: the unit every later stage works on. */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { loadReport, type LoadedReport, type LoadOptions } from './load.js';
import { normalize, type NormalizedText } from './normalize.js';
import { detectReportYear, splitSentences, type Sentence } from './sentences.js';

export interface ReportDocument {
  id: string;
  path: string;
  title: string;
  loaded: LoadedReport;
  text: NormalizedText;
  year: number | undefined;
  sentences: Sentence[];
}

/** A stable document id from the file name: `dongguan-2023.txt` → `dongguan-2023`. */
export function documentId(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

export function prepareDocument(loaded: LoadedReport, id = documentId(loaded.path)): ReportDocument {
  const text = normalize(loaded.text);
  const year = detectReportYear(text.clean);
  return {
    id,
    path: loaded.path,
    title: basename(loaded.path).replace(/\.[^.]+$/, ''),
    loaded,
    text,
    year,
    sentences: splitSentences(text, { reportYear: year }),
  };
}

/** A document from text already in memory (tests, the server); `title` may name the jurisdiction. */
export function documentFromText(text: string, id: string, title = id): ReportDocument {
  const bytes = Buffer.byteLength(text);
  const doc = prepareDocument({ path: `${id}.txt`, text, encoding: 'utf-8', bytes, sha256: createHash('sha256').update(text).digest('hex') }, id);
  return { ...doc, title };
}

export async function readDocument(path: string, options: LoadOptions = {}): Promise<ReportDocument> {
  return prepareDocument(await loadReport(path, options));
}
