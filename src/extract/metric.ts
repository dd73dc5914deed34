/**
 * Metrics: numbers with a unit or classifier, with 萬/億 multipliers, decimals, %, qualifiers, and
 * Chinese numerals where they count (三個項目, 兩項). Not metrics: dates (2023年), periods (2021-2025),
 * ordinals (第七次), numbers inside names (“1310”, 12345熱線, 二十大) — names are claimed first — and
 * ratings without a number (A+等級).
 */
import { claim, isFree, type ExtractContext, type MetricMention } from './context.js';
import { alternation, metricLexicon } from './lexicon.js';

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

export function findMetrics(ctx: ExtractContext): MetricMention[] {
  const lex = metricLexicon();
  const { view, clean } = ctx;
  const units = alternation(lex.units);
  const prefixes = alternation(lex.prefixQualifiers);
  const suffixes = alternation(lex.suffixQualifiers);
  const re = new RegExp(
    `(${prefixes})?(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?(${suffixes})?(万|亿)?(${units})(以上|以下|左右)?`,
    'gu',
  );
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
      // a Chinese numeral that starts a word is part of a name (五大程序 is already out; 三項制度 is quoted)
      if (/\p{Script=Han}/u.test(before) && !ctx.tokenStart[numberStart]) continue;
    } else {
      value = Number(number);
    }
    const multiplier = (mult1 ?? mult2) === '万' ? 1e4 : (mult1 ?? mult2) === '亿' ? 1e8 : 1;
    value = Math.round(value * multiplier * 1e6) / 1e6;
    const unit = lex.unitAliases[unitRaw!] ?? unitRaw!;
    // 年 counts only as a duration (連續6年), never as a date (2023年).
    if (unit === '年') continue;
    // Qualifiers as the document writes them (超過, not 超过).
    const inDoc = (at: number, text: string) => (text ? clean.slice(at, at + text.length) : '');
    const suffix1At = numberStart + number!.length + (mult1 ?? '').length;
    const sameYear = clauseBefore(view, numberStart, 8).lastIndexOf('同比');
    const qualifierBefore = prefix ? inDoc(start, prefix) : sameYear >= 0 ? inDoc(numberStart - clauseBefore(view, numberStart, 8).length + sameYear, '同比') : '';
    const qualifier = [qualifierBefore, inDoc(suffix1At, suffix1), inDoc(end - suffix2.length, suffix2)].filter(Boolean).join('');
    if (prefix && !isFree(ctx, start, numberStart)) continue;
    const rawStart = numberStart;
    found.push({
      type: 'Metric',
      start: rawStart,
      end,
      raw: clean.slice(rawStart, end),
      value,
      unit: unit === '%' ? '%' : unit,
      qualifier,
      label: label(ctx, rawStart, end, unitRaw!),
      rule: chinese ? 'metric-chinese-numeral' : 'metric-number',
    });
    claim(ctx, rawStart, end);
    ctx.metricLabels.set(end, found.at(-1)!.label);
  }
  // Durations: 連續6年.
  for (const m of view.matchAll(new RegExp(`(${alternation(lex.durationPrefixes)})(\\d{1,2}|[两三四五六七八九十]+)年(?![\\d度])`, 'gu'))) {
    const numberStart = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    if (!isFree(ctx, numberStart, end)) continue;
    const value = /\d/.test(m[2]!) ? Number(m[2]) : parseChineseNumeral(m[2]!);
    found.push({ type: 'Metric', start: numberStart, end, raw: clean.slice(numberStart, end), value, unit: '年', qualifier: clean.slice(m.index, numberStart), label: label(ctx, numberStart, end, '年'), rule: 'metric-duration' });
    claim(ctx, numberStart, end);
  }
  return found.sort((a, b) => a.start - b.start);
}

const CLAUSE_BREAK = /[,，。；;：:！？!?\n]/;

function clauseBefore(view: string, at: number, max: number): string {
  let s = at;
  while (s > 0 && at - s < max && !CLAUSE_BREAK.test(view[s - 1]!)) s--;
  return view.slice(s, at);
}

/** What is counted: the noun after a classifier (2場…報告會), else the clause before the number (輪訓黨員幹部3萬多人). */
function label(ctx: ExtractContext, start: number, end: number, unit: string): string {
  const { view, clean } = ctx;
  const lex = metricLexicon();
  if (['个', '项', '部', '场', '份', '家', '名', '条', '所', '类', '种', '件', '宗', '篇'].includes(unit)) {
    let e = end;
    while (e < view.length && e - end < 16 && /\p{Script=Han}/u.test(view[e]!) && !'的和与及或、等'.includes(view[e]!) && !ctx.taken[e]) e++;
    const after = view.slice(end, e);
    const counted = lex.countedAfterGe.find((w) => after.startsWith(w));
    if (counted) return clean.slice(end, end + counted.length);
    while (e > end + 2 && !ctx.tokenEnd[e]) e--;
    if (e - end >= 2 && ctx.tokenEnd[e]) return clean.slice(end, e);
  }
  // Back over the clause to the previous name or number; 18次共23項 shares the label of 18次.
  let s = start;
  while (s > 0 && start - s < 12 && !CLAUSE_BREAK.test(view[s - 1]!) && !ctx.taken[s - 1]) s--;
  while (s < start && !ctx.tokenStart[s]) s++;
  const text = clean
    .slice(s, start)
    .replace(/^(常务会议|全体会议|党组会议|会议|常務會議|全體會議|黨組會議|會議|全年|共计|共計|共|累计|累計|同比|其中|目前|并|和|、|等)+/, '')
    .replace(/(共|超过|超過|突破|达到|達到|达|達|近|约|約|逾)$/, '');
  if (text === '' && ctx.taken[s - 1]) {
    const previous = ctx.metricLabels.get(s);
    if (previous !== undefined) return previous;
  }
  return text;
}
