/**
 * What a figure measures, as a reader wants to see it without the sentence:
 * - after a classifier, the counted noun that follows it (出臺120份市政府、部門規範性文件 → 部門規範性文件;
 *   形成250個“一件事一次辦”集成服務 → “一件事一次辦”集成服務);
 * - else the phrase before the number in its clause (輪訓黨員幹部3萬多人 → 輪訓黨員幹部), without the
 *   words that lead into it (全年, 共计…) or stand between it and the number (突破, 约…);
 * - a change with no subject of its own borrows the subject of the figure before it, or of its clause
 *   (實現地區生產總值800億元，增長13% → 地區生產總值增長).
 * `labelWellFormed` is the one test of a label: after a word of change, a noun phrase of two or more
 * characters with no dangling connector. The builder uses it to choose between candidates, and `eval`
 * reports it beside the independent half of its measure (agreement with the annotator's label).
 */
import { tagWords } from '../text/segment.js';
import type { ExtractContext } from './context.js';
import { indexByFirst, indexByLast, wordEndingAt, wordsStartingAt, wordStartingAt, type WordIndex } from '../text/lexicon.js';
import { alternation, metricLexicon, relationLexicon, type MetricLexicon } from './lexicon.js';

const HAN = /\p{Script=Han}/u;
/** Two Chinese characters or more (a test, no array of matches). */
const TWO_HAN = /\p{Script=Han}.*\p{Script=Han}/su;
const CLAUSE_BREAK = /[,，。；;：:！？!?\n]/;
const NOUN_TAGS = /^(n|nz|ng|nr|ns|nt|nrt|nrfg|vn|an|j|l|eng|x)$/;
const DANGLING = /^[和与及、的（(“”)）]|[和与及、的（(“]$/u;
/** A phrase that opens with a preposition is a fragment (在政府在线官网…, 对…). */
const PREPOSITION_FIRST = /^[在对把将从以于向为被]/u;
const ASIDE = /[（(](下同|预计|含[^)）]*|注[^)）]*)[)）]/gu;

interface LabelRules {
  lex: MetricLexicon;
  /** Words of change (增长, 下降到), by their last character: at most one ends a label. */
  changeByLast: WordIndex;
  lead: RegExp;
  /** Words that trail a subject before its figure (分别为, 达到), by their first character: any run of them ends a label. */
  trailByFirst: WordIndex;
  trailByLast: WordIndex;
  measure: RegExp;
  counted: Set<string>;
  /** Nouns jieba tags as verbs (收入, 诉求…): a noun phrase goes on past them. */
  nouns: Set<string>;
  /** Verbs at which a long phrase before a figure is cut (the relation lexicon's verbs of carrying out), by first code unit. */
  verbs: WordIndex;
}
let rulesCache: LabelRules | undefined;
function labelRules(): LabelRules {
  if (rulesCache) return rulesCache;
  const lex = metricLexicon();
  const alt = alternation;
  rulesCache = {
    lex,
    changeByLast: indexByLast(lex.changeWords),
    lead: new RegExp(`^(?:${alt(lex.labelLeadWords)})+`, 'u'),
    trailByFirst: indexByFirst(lex.labelTrailWords),
    trailByLast: indexByLast(lex.labelTrailWords),
    measure: new RegExp(`(?:${alt(lex.measureNouns)}|[率额量数值价费比重度积力])$`, 'u'),
    counted: new Set(lex.countUnits),
    nouns: new Set(lex.measureNouns),
    verbs: indexByFirst([...relationLexicon().implement, ...lex.labelVerbs]),
  };
  return rulesCache;
}

/** The label without its trailing words of change (地区生产总值增长 → 地区生产总值). */
export function labelSubject(label: string): string {
  const { changeByLast } = labelRules();
  let text = label.replace(ASIDE, '');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.slice(0, trailStart(text));
    text = text.slice(0, text.length - (wordEndingAt(changeByLast, text, text.length)?.length ?? 0));
  }
  return text;
}

/** Where the run of trailing words that ends `text` starts (its leftmost start; `text.length` if none). */
function trailStart(text: string): number {
  const { trailByFirst, trailByLast } = labelRules();
  if (!wordEndingAt(trailByLast, text, text.length)) return text.length;
  const reaches = new Uint8Array(text.length + 1);
  reaches[text.length] = 1;
  let start = text.length;
  for (let p = text.length - 1; p >= 0; p--) {
    if (wordsStartingAt(trailByFirst, text, p).some((w) => reaches[p + w.length] === 1)) {
      reaches[p] = 1;
      start = p;
    }
  }
  return start;
}

const wellFormed = new Map<string, boolean>();

/** A noun phrase proper, quotes and all (道路“白改黑”): its last word a noun (or a measure noun). */
function nounFinal(text: string): boolean {
  const subject = labelSubject(text);
  if (subject.length < 2 || DANGLING.test(subject) || PREPOSITION_FIRST.test(subject)) return false;
  return labelRules().measure.test(subject) || NOUN_TAGS.test(tagWords(subject).at(-1)?.tag ?? '');
}

/** A label a reader understands: a noun phrase (after a word of change) of two or more Chinese characters. */
export function labelWellFormed(label: string): boolean {
  let ok = wellFormed.get(label);
  if (ok === undefined) {
    if (wellFormed.size > 100_000) wellFormed.clear();
    ok = judgeLabel(label);
    wellFormed.set(label, ok);
  }
  return ok;
}

function judgeLabel(label: string): boolean {
  const text = labelSubject(label.replace(/[“”"]/g, ''));
  if (!TWO_HAN.test(text) || DANGLING.test(text) || /[，,]/.test(text) || PREPOSITION_FIRST.test(text)) return false;
  if (labelRules().measure.test(text)) return true;
  // A noun phrase, or an activity on a named object (开展工业产品抽样送检): some word of it is a noun.
  const words = tagWords(text);
  return NOUN_TAGS.test(words.at(-1)?.tag ?? '') || (words.length > 1 && words.some((w) => NOUN_TAGS.test(w.tag) && w.word.length >= 2));
}

export interface Label {
  /** In the document's script, and simplified. */
  label: string;
  labelSimplified: string;
}

/** A label made of spans of the clean text (a subject and a verb of change may lie apart). */
const fromSpans = (ctx: ExtractContext, spans: Array<[number, number]>): Label => ({ label: pickSpans(ctx.clean, spans), labelSimplified: pickSpans(ctx.view, spans) });
function pickSpans(text: string, spans: Array<[number, number]>): string {
  const picked = spans.length === 1 ? text.slice(spans[0]![0], spans[0]![1]) : spans.map(([s, e]) => text.slice(s, e)).join('');
  return picked.includes('(') || picked.includes('（') ? picked.replace(ASIDE, '') : picked;
}

/** The counted noun right after a classifier, if it reads as one. */
function countedAfter(ctx: ExtractContext, end: number): [number, number] | undefined {
  const { view } = ctx;
  let e = end;
  let quoted = false;
  while (e < view.length && e - end < 20) {
    const ch = view[e]!;
    if (ch === '“') quoted = true;
    else if (ch === '”') quoted = false;
    else if (!quoted && ((!HAN.test(ch) && ch !== '、') || '的和与及或等是为'.includes(ch))) break;
    e++;
  }
  let s = end;
  // 市政府、部门规范性文件: a list of owners before the counted noun: keep the last.
  const comma = view.lastIndexOf('、', e);
  if (comma >= end) s = comma + 1;
  // The noun phrase it starts with, up to its first verb: 園區規範性文件備案審查 → 園區規範性文件,
  // 項目入圍候選名單 → 項目 (a quoted name at its start is one noun: “一件事一次辦”集成服務).
  let q = s;
  if (view[q] === '“') {
    const close = view.indexOf('”', q);
    if (close > 0 && close < e) q = close + 1;
  }
  let at = q;
  let sawNoun = q > s;
  for (const w of tagWords(view.slice(q, e))) {
    if (sawNoun && /^v/.test(w.tag) && w.tag !== 'vn' && !labelRules().nouns.has(w.word)) {
      if (at - s >= 2 && ctx.tokenEnd[at] && labelWellFormed(view.slice(s, at))) return [s, at];
      break;
    }
    if (NOUN_TAGS.test(w.tag)) sawNoun = true;
    at += w.word.length;
  }
  const ends: number[] = [];
  for (; e >= s + 2 && ends.length < 6; e--) if (ctx.tokenEnd[e]) ends.push(e);
  for (const end of ends) if (nounFinal(view.slice(s, end))) return [s, end];
  for (const end of ends) if (labelWellFormed(view.slice(s, end))) return [s, end];
  return undefined;
}

/** The phrase before the number in its clause, back to the previous name, figure or date. */
function phraseBefore(ctx: ExtractContext, start: number): [number, number] {
  const { view } = ctx;
  const { lead, verbs } = labelRules();
  let s = start;
  while (s > 0 && start - s < 16 && (HAN.test(view[s - 1]!) || '“”、'.includes(view[s - 1]!)) && !ctx.taken[s - 1]) s--;
  while (s < start && (!ctx.tokenStart[s] || !HAN.test(view[s]!) || (/[年月日]/.test(view[s]!) && /\d/.test(view[s - 1] ?? '')))) s++;
  // A long phrase is cut at its last verb: 严厉打击质量不合格开展工业产品抽样送检 → 开展工业产品抽样送检.
  if (start - s > 8) {
    for (let v = start - 3; v > s; v--) {
      if (ctx.tokenStart[v] && start - v >= 4 && wordStartingAt(verbs, view, v) && labelWellFormed(view.slice(v, start))) {
        s = v;
        break;
      }
    }
  }
  let text = view.slice(s, start);
  const leadMatch = lead.exec(text);
  if (leadMatch) {
    s += leadMatch[0].length;
    text = text.slice(leadMatch[0].length);
  }
  let e = start - (text.length - trailStart(text));
  while (e > s && '和与及、的'.includes(view[e - 1]!)) e--;
  return [s, e];
}

/** The noun phrase that opens the clause holding `at`, or the clause before it (the subject of a change stated later). */
function clauseSubject(ctx: ExtractContext, at: number): [number, number] | undefined {
  const { view } = ctx;
  const { lead } = labelRules();
  let until = at;
  for (let tries = 0; tries < 2; tries++) {
    let s = until;
    while (s > 0 && !CLAUSE_BREAK.test(view[s - 1]!)) s--;
    const m = lead.exec(view.slice(s, until));
    if (m) s += m[0].length;
    let e = s;
    while (e < until && HAN.test(view[e]!) && !ctx.taken[e] && e - s < 16) e++;
    for (let end = e; end > s + 1; end--) {
      if (ctx.tokenEnd[end] && labelWellFormed(view.slice(s, end))) return [s, end];
    }
    // The clause before: back over its break.
    let b = s;
    while (b > 0 && !CLAUSE_BREAK.test(view[b - 1]!)) b--;
    if (b === 0 || '。；;！？!?\n'.includes(view[b - 1]!)) return undefined;
    until = b - 1;
  }
  return undefined;
}

export interface PreviousFigure {
  end: number;
  sentenceStart: number;
  subject: Label | undefined;
}

/**
 * The label of the figure at [start, end) with unit `unit` (simplified), given the figure before it in
 * the same sentence (for 18次共23項 and for changes with no subject of their own).
 */
export function metricLabel(ctx: ExtractContext, start: number, end: number, unit: string, previous: PreviousFigure | undefined): Label {
  const { counted } = labelRules();
  if (counted.has(unit)) {
    const after = countedAfter(ctx, end);
    if (after) return fromSpans(ctx, [after]);
  }
  // 99.8%的群众诉求: the share of what follows.
  if (ctx.view[end] === '的') {
    const after = countedAfter(ctx, end + 1);
    if (after) return fromSpans(ctx, [after]);
  }
  const [s, e] = phraseBefore(ctx, start);
  const own = fromSpans(ctx, [[s, e]]);
  if (labelWellFormed(own.labelSimplified)) return own;
  // 18次共23項: a figure right after another shares its label.
  if (previous && previous.subject && (e - s === 0 || ctx.view.slice(previous.end, start).replace(/[共计合]/g, '') === '')) return previous.subject;
  // A change with no subject: the subject of the figure before it in the sentence, or of its clause.
  const subject = previous?.subject ?? (() => {
    const at = clauseSubject(ctx, s);
    return at ? fromSpans(ctx, [at]) : undefined;
  })();
  // A change (增长10.5%) or an action with no object (已办结170宗): the subject of the figure before it.
  if (subject && e > s) {
    const change = fromSpans(ctx, [[s, e]]);
    return { label: labelSubject(subject.label) + change.label, labelSimplified: labelSubject(subject.labelSimplified) + change.labelSimplified };
  }
  return e > s ? own : (subject ?? own);
}
