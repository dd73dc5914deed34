/** A loaded and normalized report: the unit every later stage works on. */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { NotChineseError, TooDamagedError } from '../errors.js';
import { loadReport, type LoadedReport, type LoadOptions } from './load.js';
import { normalize, type NormalizedText } from './normalize.js';
import { detectPeriod, type ReportPeriod } from './period.js';
import { splitSentences, type Sentence } from './sentences.js';

export interface ReportDocument {
  id: string;
  path: string;
  title: string;
  loaded: LoadedReport;
  text: NormalizedText;
  /** The year it reviews (ReportPeriod.reviews). */
  year: number | undefined;
  period: ReportPeriod;
  sentences: Sentence[];
}

/** A stable document id from the file name: `dongguan-2023.txt` → `dongguan-2023`. */
export function documentId(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

export function prepareDocument(loaded: LoadedReport, id = documentId(loaded.path)): ReportDocument {
  const text = normalize(loaded.text);
  const title = basename(loaded.path).replace(/\.[^.]+$/, '');
  const period = detectPeriod(text.clean, title);
  const year = period.reviews ?? undefined;
  return {
    id,
    path: loaded.path,
    title,
    loaded,
    text,
    year,
    period,
    sentences: splitSentences(text, { reportYear: period.reviews }),
  };
}

/** A document from text already in memory (tests, the server); `title` may name the jurisdiction. */
export function documentFromText(text: string, id: string, title = id): ReportDocument {
  const bytes = Buffer.byteLength(text);
  const doc = prepareDocument({ path: `${id}.txt`, text, encoding: 'utf-8', bytes, sha256: createHash('sha256').update(text).digest('hex') }, id);
  return { ...doc, title };
}

/** Share of Han characters below which a text is not a Chinese report, and of damage above which it is too damaged. */
export const MIN_HAN_SHARE = 0.3;
export const MAX_DAMAGED_SHARE = 0.2;

/** Refuse a document that is not Chinese or mostly damaged: extracting it would only produce noise. */
export function assertReadable(doc: ReportDocument): ReportDocument {
  const text = doc.text.original;
  let visible = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x3000) continue;
    visible++;
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f)) han++;
  }
  if (visible > 0 && han / visible < MIN_HAN_SHARE) {
    throw new NotChineseError(`readDocument: ${doc.path} is not Chinese text (${Math.round((100 * han) / visible)}% Chinese characters); give a Chinese report.`, doc.path);
  }
  const damaged = doc.text.damage.filter((d) => d.kind === 'mojibake').reduce((n, d) => n + d.end - d.start, 0) + doc.text.damage.filter((d) => d.kind === 'lost').length;
  if (damaged / Math.max(1, text.length) > MAX_DAMAGED_SHARE) {
    throw new TooDamagedError(`readDocument: ${doc.path} is too damaged to read (${Math.round((100 * damaged) / text.length)}% lost or mojibake); find a cleaner copy.`, doc.path);
  }
  return doc;
}

export async function readDocument(path: string, options: LoadOptions = {}): Promise<ReportDocument> {
  return assertReadable(prepareDocument(await loadReport(path, options)));
}
