/**
 * Metrics: numbers with a unit or classifier, with 萬/億 multipliers, decimals, %, qualifiers, and
 * Chinese numerals where they count (三個項目, 兩項). Not metrics: dates (2023年), periods (2021-2025),
 * ordinals (第七次), numbers inside names (“1310”, 12345熱線, 二十大) — names are claimed first — and
 * ratings without a number (A+等級).
 */
import type { MetricAttributes, Mention as Place, Status } from '../graph/model.js';
import type { Sentence } from '../text/sentences.js';
import { claim, isFree, type ExtractContext, type MetricMention } from './context.js';
import type { Level } from './jurisdiction.js';
import { alternation, metricLexicon } from './lexicon.js';
import { measureOf } from './measure.js';
import { simplify } from '../text/script.js';
import { labelSubject, labelWellFormed, metricLabel, type PreviousFigure } from './metric-label.js';

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parse a Chinese numeral below 10,000 (三, 十五, 二十, 一百二十, 两); NaN when it is not one. */
export function parseChineseNumeral(text: string): number {
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch]!;
    else if (ch in ZH_UNITS) {
      total += (digit < 0 ? 1 : digit) * ZH_UNITS[ch]!;
      digit = -1;
    } else return Number.NaN;
  }
  return total + (digit > 0 ? digit : 0);
}

let patternsCache: { quantity: RegExp; duration: RegExp } | undefined;
/** A quantity (a qualifier, a number, a multiplier, a unit) and a duration (連續6年), built once from the lexicon. */
function patterns() {
  const lex = metricLexicon();
  patternsCache ??= {
    quantity: new RegExp(
      `(${alternation(lex.prefixQualifiers)})?(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?(${alternation(lex.suffixQualifiers)})?(万|亿)?(${alternation(lex.units)})(以上|以下|左右)?`,
      'gu',
    ),
    duration: new RegExp(`(${alternation(lex.durationPrefixes)})(\\d{1,2}|[两三四五六七八九十]+)年(?![\\d度])`, 'gu'),
  };
  return patternsCache;
}

export function findMetrics(ctx: ExtractContext): MetricMention[] {
  const lex = metricLexicon();
  const { view, clean } = ctx;
  const units = new Map<MetricMention, string>();
  const re = patterns().quantity;
  const found: MetricMention[] = [];
  for (const m of view.matchAll(re)) {
    const [whole, prefix = '', number, mult1, suffix1 = '', mult2, unitRaw, suffix2 = ''] = m as unknown as string[];
    const numberStart = m.index + prefix.length;
    const start = m.index;
    const end = m.index + whole!.length;
    if (!isFree(ctx, numberStart, end)) continue;
    const before = view[numberStart - 1] ?? '';
    if (/[0-9A-Za-z.\-－—~～]/.test(before) || lex.notBefore.some((w) => view.slice(numberStart - w.length, numberStart) === w)) continue;
    if (/^[-－—~～.]/.test(view[end] ?? '')) continue;
    if (lex.notAfter.some((w) => view.startsWith(w, end - unitRaw!.length) || view.startsWith(w, end))) continue;
    const chinese = !/\d/.test(number!);
    let value: number;
    if (chinese) {
      if (!lex.zhNumeralUnits.includes(unitRaw!) || number === '一' || mult1 || mult2) continue;
      value = parseChineseNumeral(number!);
      if (!Number.isFinite(value) || value <= 0) continue;
      // a Chinese numeral that starts a word or a quote is part of a name (五大程序, “三項制度”)
      if ((/\p{Script=Han}/u.test(before) && !ctx.tokenStart[numberStart]) || before === '“') continue;
    } else {
      value = Number(number);
    }
    // 2.1万亿元: both multipliers apply.
    let multiplier = (SCALE[mult1 ?? ''] ?? 1) * (SCALE[mult2 ?? ''] ?? 1);
    let unit = lex.unitAliases[unitRaw!] ?? unitRaw!;
    // 亿元, 万平方米: kept in the base unit, so 2万亿元 is 2e12 元 and figures compare across reports.
    if (lex.scaledUnits.includes(unit)) {
      multiplier *= SCALE[unit[0]!] ?? 1;
      unit = unit.slice(1);
    }
    // 15 significant digits: 2636.8亿 is 263680000000, not the binary product 263680000000.00003.
    value = Number((value * multiplier).toPrecision(15));
    // 年 counts only as a duration (連續6年), never as a date (2023年).
    if (unit === '年') continue;
    // Qualifiers as the document writes them (超過, not 超过).
    const suffix1At = numberStart + number!.length + (mult1 ?? '').length;
    const sameYear = clauseBefore(view, numberStart, 8).lastIndexOf('同比');
    const qualifierBefore = prefix ? inClean(clean, start, prefix) : sameYear >= 0 ? inClean(clean, numberStart - clauseBefore(view, numberStart, 8).length + sameYear, '同比') : '';
    const qualifier = [qualifierBefore, inClean(clean, suffix1At, suffix1), inClean(clean, end - suffix2.length, suffix2)].filter(Boolean).join('');
    if (prefix && !isFree(ctx, start, numberStart)) continue;
    const rawStart = numberStart;
    found.push({
      type: 'Metric',
      start: rawStart,
      end,
      raw: clean.slice(rawStart, end),
      rawSimplified: view.slice(rawStart, end),
      value,
      unit: unit === '%' ? '%' : unit,
      qualifier,
      label: '',
      labelSimplified: '',
      rule: chinese ? 'metric-chinese-numeral' : 'metric-number',
    });
    units.set(found.at(-1)!, lex.unitAliases[unitRaw!] ?? unitRaw!);
    claim(ctx, rawStart, end);
  }
  // Durations: 連續6年.
  for (const m of view.matchAll(patterns().duration)) {
    const numberStart = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    if (!isFree(ctx, numberStart, end)) continue;
    const value = /\d/.test(m[2]!) ? Number(m[2]) : parseChineseNumeral(m[2]!);
    found.push({ type: 'Metric', start: numberStart, end, raw: clean.slice(numberStart, end), rawSimplified: view.slice(numberStart, end), value, unit: '年', qualifier: clean.slice(m.index, numberStart), label: '', labelSimplified: '', rule: 'metric-duration' });
    units.set(found.at(-1)!, '年');
    claim(ctx, numberStart, end);
  }
  found.sort((a, b) => a.start - b.start);
  // Labels in document order, each knowing the figure before it in its sentence.
  let previous: PreviousFigure | undefined;
  let sentence = 0;
  const sentences = ctx.doc.sentences;
  for (const m of found) {
    while (sentence < sentences.length - 1 && sentences[sentence]!.cleanEnd <= m.start) sentence++;
    const sentenceStart = sentences[sentence]?.cleanStart ?? 0;
    if (previous && previous.sentenceStart !== sentenceStart) previous = undefined;
    const label = metricLabel(ctx, m.start, m.end, units.get(m)!, previous);
    m.label = label.label;
    m.labelSimplified = label.labelSimplified;
    const subject = labelWellFormed(label.labelSimplified) ? { label: labelSubject(label.label), labelSimplified: labelSubject(label.labelSimplified) } : previous?.subject;
    previous = { end: m.end, sentenceStart, subject };
  }
  return found;
}

/** The clean text's form of `text` (simplified) found at `at`, or '' for none. */
const inClean = (clean: string, at: number, text: string) => (text ? clean.slice(at, at + text.length) : '');

const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

/**
 * The one builder of a metric node: the figure, what it measures (and the headline measure it is of,
 * if any), its year (the year the report reviews; the year it plans, for the plan) and status. `at` is
 * its place in the original text; `level` the level of the report's author.
 */
export function metricAttributes(m: MetricMention, doc: string, at: Place, sentence: Sentence | undefined, period: { reviews: number | null; plans: number | null }, level: Level | null): MetricAttributes {
  const target = targetYear(m, sentence);
  const planned = (sentence?.planned ?? false) || (target !== null && period.reviews !== null && target > period.reviews);
  const status: Status = planned ? 'planned' : 'done';
  const measure = measureOf(m.labelSimplified, m.unit, m.value, level);
  return {
    type: 'Metric',
    name: `${m.label}${m.label ? ' ' : ''}${m.raw}`,
    nameSimplified: `${m.labelSimplified}${m.labelSimplified ? ' ' : ''}${m.rawSimplified}`,
    aliases: [m.raw],
    mentions: [at],
    doc,
    raw: m.raw,
    value: m.value,
    unit: m.unit,
    qualifier: m.qualifier,
    label: m.label,
    year: target ?? (planned ? period.plans : period.reviews),
    status,
    ...(measure?.measure ? { measure: measure.measure, measureValue: measure.value } : {}),
  };
}

let targetPattern: RegExp | undefined;
/** The year a figure's sentence sets it for before it (到2020年地区生产总值达3900亿元), or null. */
function targetYear(m: MetricMention, sentence: Sentence | undefined): number | null {
  if (!sentence) return null;
  targetPattern ??= new RegExp(`(?:${alternation(metricLexicon().targetYearWords)})((?:19|20)\\d\\d)\\s*年`, 'g');
  const written = sentence.clean.slice(0, Math.max(0, m.start - sentence.cleanStart));
  if (!/\d\s*年/.test(written)) return null;
  const before = simplify(written);
  let year: number | null = null;
  for (const hit of before.matchAll(targetPattern)) year = Number(hit[1]);
  return year;
}

const CLAUSE_BREAK = /[,，。；;：:！？!?\n]/;

function clauseBefore(view: string, at: number, max: number): string {
  let s = at;
  while (s > 0 && at - s < max && !CLAUSE_BREAK.test(view[s - 1]!)) s--;
  return view.slice(s, at);
}

