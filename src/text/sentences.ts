/**
 * Sentences and sections. Sentences end at 。；！？ (and ; !) or a line break, never inside 《》, “”,
 * ‘’ or parentheses. Each sentence knows its section path from the headings above it (`一、`, `(一)`,
 * `1.`, and inline `一是`) and whether it lies in the part that plans the coming year.
 */
import { toOriginalSpan, type NormalizedText } from './normalize.js';
import { codeUnits, codeUnitTable } from './lexicon.js';
import { detectPeriod } from './period.js';

export interface Sentence {
  index: number;
  /** Offsets into the original text; `text` is exactly `original.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** Offsets into the clean text and view (see NormalizedText). */
  cleanStart: number;
  cleanEnd: number;
  /** The sentence with leaked readings removed, in the document's script. */
  clean: string;
  /** Headings above the sentence, outermost first, each as written (marker included, 。 dropped). */
  section: string[];
  /** True in the part of the report that plans the coming year rather than reports the past one. */
  planned: boolean;
}

export interface SentenceOptions {
  /** The year the report looks back on (null: it says none); detected from the text when absent. */
  reportYear?: number | null;
}

// Brackets and sentence ends as code units (the splitter looks at every character of a report).
const OPENERS = codeUnits('《“‘(（「『〔[【');
/** By code unit, as every character of a report is looked at: 1 for an opener; a closer's opener (0: not a closer); 1 for a sentence end. */
const OPEN = codeUnitTable('《“‘(（「『〔[【');
const CLOSE = new Uint16Array(0x10000);
codeUnits('》”’)）」』〕]】').forEach((c, i) => (CLOSE[c] = OPENERS[i]!));
const END = codeUnitTable('。；！？;!');
/** What `/\s/` matches, by code unit. */
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x1680;
const NUM = '[一二三四五六七八九十百零〇]+';
const HEADINGS: Array<[number, RegExp]> = [
  [1, new RegExp(`^${NUM}、`)],
  [2, new RegExp(`^[(（]${NUM}[)）]`)],
  [3, /^\d{1,2}[.、．](?!\d)/],
  [3, /^[(（]\d{1,2}[)）]/],
];
const INLINE = new RegExp(`^(第?${NUM}是|第${NUM}[,，、])`);
const PLAN_HEADING = /(工作安排|工作打算|工作計劃|工作计划|主要任務|主要任务|工作建議|工作建议|下一步|今後|今后)/;


export function splitSentences(text: NormalizedText, options: SentenceOptions = {}): Sentence[] {
  const { clean } = text;
  const year = (options.reportYear === undefined ? detectPeriod(clean).reviews : options.reportYear) ?? undefined;
  const sentences: Sentence[] = [];
  const path: string[] = [];
  let planned = false;
  let lineStart = 0;
  while (lineStart <= clean.length) {
    let lineEnd = clean.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = clean.length;
    const pieces = splitLine(clean, lineStart, lineEnd);
    if (pieces.length > 0) {
      const first = clean.slice(pieces[0]![0], pieces[0]![1]);
      const level = headingLevel(first);
      const title = first.replace(/[。；;！!？]$/, '');
      if (level > 0) {
        path.length = Math.min(path.length, level - 1);
        while (path.length < level - 1) path.push('');
        path.push(title);
        if (level === 1) planned = planned || isPlanHeading(title, year);
      } else if (startsPlanPart(first, year)) {
        planned = true;
        path.length = 0;
        path.push(title);
      }
      for (const [s, e] of pieces) {
        const sentenceClean = clean.slice(s, e);
        const inline = INLINE.exec(sentenceClean);
        const section = path.filter((p) => p !== '');
        if (inline) section.push(sentenceClean.split(/[,，;；。]/)[0]!);
        const span = toOriginalSpan(text, s, e);
        sentences.push({
          index: sentences.length,
          start: span.start,
          end: span.end,
          text: text.original.slice(span.start, span.end),
          cleanStart: s,
          cleanEnd: e,
          clean: sentenceClean,
          section,
          planned,
        });
      }
    }
    // A heading that carries its body on the same line is a one-paragraph section: it ends with the line.
    if (pieces.length > 1 && headingLevel(clean.slice(pieces[0]![0], pieces[0]![1])) > 1) path.length -= 1;
    lineStart = lineEnd + 1;
  }
  return sentences;
}

function headingLevel(sentence: string): number {
  for (const [level, re] of HEADINGS) if (re.test(sentence)) return level;
  return 0;
}

function isPlanHeading(title: string, year: number | undefined): boolean {
  if (PLAN_HEADING.test(title)) return true;
  const m = /((?:19|20)\d\d)\s*年/.exec(title);
  return year !== undefined && m !== null && Number(m[1]) > year;
}

/** An unnumbered paragraph that opens the next year's plans: `2024年,東莞市將…`. */
function startsPlanPart(first: string, year: number | undefined): boolean {
  const m = /^((?:19|20)\d\d)\s*年/.exec(first);
  if (m && year !== undefined && Number(m[1]) > year) return true;
  return /^(下一步|今後|今后)/.test(first) || /^(?:19|20)\d\d\s*年(?:工作安排|主要工作|工作打算)/.test(first);
}

/** Sentence spans [start, end) of one line of the clean text, trimmed, empty ones dropped. */
function splitLine(clean: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: number[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(clean.charCodeAt(s))) s++;
    while (e > s && isSpace(clean.charCodeAt(e - 1))) e--;
    if (e > s) out.push([s, e]);
  };
  const matched = matchedOpeners(clean, from, to);
  for (let i = from; i < to; i++) {
    const c = clean.charCodeAt(i);
    const opener = CLOSE[c]!;
    if (opener !== 0) {
      const at = stack.lastIndexOf(opener);
      if (at >= 0) stack.length = at;
    } else if (OPEN[c] === 1) {
      if (matched.has(i)) stack.push(c);
    } else if (END[c] === 1 && stack.length === 0) {
      let end = i + 1;
      while (end < to && (CLOSE[clean.charCodeAt(end)] !== 0 || END[clean.charCodeAt(end)] === 1) && OPEN[clean.charCodeAt(end)] !== 1) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(to);
  return out;
}

/** Positions of the opening brackets in [from, to) that are closed later in the same line. */
function matchedOpeners(clean: string, from: number, to: number): Set<number> {
  /** Open brackets as (code unit, position) pairs. */
  const open: number[] = [];
  const matched = new Set<number>();
  for (let i = from; i < to; i++) {
    const c = clean.charCodeAt(i);
    const opener = CLOSE[c]!;
    if (opener !== 0) {
      for (let k = open.length - 2; k >= 0; k -= 2) {
        if (open[k] === opener) {
          matched.add(open[k + 1]!);
          open.length = k;
          break;
        }
      }
    } else if (OPEN[c] === 1) open.push(c, i);
  }
  return matched;
}

/** The sentence that holds clean offset `at` (binary search; sentences are in order). */
export function sentenceAt(sentences: Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.cleanStart) hi = mid - 1;
    else if (at >= s.cleanEnd) lo = mid + 1;
    else return s;
  }
  return undefined;
}
