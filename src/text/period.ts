/**
 * Which year a report reviews and which it plans, found where a reader finds them: the headings of its
 * two parts (一、2015年工作回顾 … 三、2016年主要工作), else the opening of the report (2023年,東莞市…) or
 * of its review (刚刚过去的2015年);
 * one found gives the other (a report reviews the year before the one it plans). A new term's report
 * reviews several years (过去五年工作回顾) and plans the first of the next ones. The words are data
 * (`data/extract/period.json`); how each year was found is kept for `explain` and the summary.
 */
import { loadLexicon } from '../extract/lexicon.js';
import { simplify } from './script.js';

export interface PeriodLexicon {
  maxHeadingLength: number;
  planHeadingWords: string[];
  reviewHeadingWords: string[];
  reviewOpenings: string[];
  multiYearReviewWords: string[];
  /** The month from which a report is delivered in the second half of its year (a new term's autumn report). */
  secondHalfFrom: number;
  /** The month a new term's report that names no year is taken to be delivered in when its title gives only a year. */
  undatedNewTermMonth: number;
}

export const periodLexicon = (): PeriodLexicon => loadLexicon('period');

export interface ReportPeriod {
  /** The year the report reviews (the last one, when it reviews several); null when the text does not say. */
  reviews: number | null;
  /** The year the report plans (the first one, when it plans several). */
  plans: number | null;
  /** True when the report reviews several years (a new term's report: 过去五年工作回顾). */
  multiYear: boolean;
  /** How each year was found, e.g. `plans 2016: heading “三、2016年主要工作”`. */
  basis: string[];
  /** True when neither part's heading nor the review's opening names a year and the first year in the text was taken. */
  guessed: boolean;
}

const YEAR = /((?:19|20)\d\d)\s*年/g;
const RANGE = /((?:19|20)\d\d)\s*(?:年)?\s*[-—–~～至到]\s*((?:19|20)\d\d)\s*年/;
const MARKER = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分[、，：:\s]*)\s*/;
/** How far into the text the review's opening (刚刚过去的2015年) is looked for. */
const OPENING_WINDOW = 3000;

const yearsIn = (text: string) => [...text.matchAll(YEAR)].map((m) => Number(m[1]));

/** The year (and month, when it says) a title dates the report to: `南山区政府工作报告（2021年10月17日）`, `…_2021`. */
function titleDate(title: string): { year: number; month: number | null } | null {
  const m = /(?<!\d)((?:19|20)\d\d)(?!\d)(?:\s*年\s*(\d{1,2})\s*月)?/.exec(title);
  return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : null } : null;
}

/** The period of a report from its clean text (either script) and its title (the file name). */
export function detectPeriod(clean: string, title = ''): ReportPeriod {
  const lex = periodLexicon();
  const basis: string[] = [];
  let reviews: number | null = null;
  let plans: number | null = null;
  let multiYear = false;
  let reviewHeadingSeen = false;
  for (let start = 0; start < clean.length && plans === null; ) {
    let end = clean.indexOf('\n', start);
    if (end < 0) end = clean.length;
    const line = clean.slice(start, end).trim();
    start = end + 1;
    const heading = line.replace(MARKER, '').replace(/[。；;：:]$/, '');
    if (heading.length === 0 || heading.length > lex.maxHeadingLength) continue;
    const view = simplify(heading);
    const review = lex.reviewHeadingWords.find((w) => view.includes(w));
    const plan = lex.planHeadingWords.find((w) => view.includes(w) && !(review && review.includes(w)));
    const years = yearsIn(view);
    if (review && !reviewHeadingSeen) {
      reviewHeadingSeen = true;
      const range = RANGE.exec(view);
      const reviewPart = plan ? view.slice(0, view.indexOf(plan)) : view;
      const reviewYears = yearsIn(reviewPart);
      if (range) {
        multiYear = true;
        reviews = Number(range[2]);
        basis.push(`reviews ${reviews}: heading “${line}” (${range[1]}–${range[2]})`);
      } else if (reviewYears.length > 0) {
        reviews = reviewYears[0]!;
        basis.push(`reviews ${reviews}: heading “${line}”`);
      } else if (lex.multiYearReviewWords.some((w) => view.includes(w))) {
        multiYear = true;
        basis.push(`reviews several years: heading “${line}”`);
      }
      if (plan && years.length > reviewYears.length) {
        plans = years.at(-1)!;
        basis.push(`plans ${plans}: heading “${line}”`);
      }
      continue;
    }
    if (plan && years.length > 0) {
      const year = Math.max(...years);
      if (reviews !== null && year <= reviews) continue;
      plans = year;
      basis.push(`plans ${plans}: heading “${line}”`);
    }
  }
  if (reviews === null && !multiYear) {
    // A report that opens on the year it reviews (2023年,東莞市堅持…: rule-of-law reports do).
    const first = /^\s*((?:19|20)\d\d)\s*年\s*[,，]/.exec(clean);
    if (first && (plans === null || Number(first[1]) < plans)) {
      reviews = Number(first[1]);
      basis.push(`reviews ${reviews}: the report opens with “${first[1]}年,”`);
    }
  }
  if (reviews === null && !multiYear) {
    const opening = simplify(clean.slice(0, OPENING_WINDOW));
    for (const word of lex.reviewOpenings) {
      const m = new RegExp(`${word}((?:19|20)\\d\\d)\\s*年`).exec(opening);
      if (m && (plans === null || Number(m[1]) < plans)) {
        reviews = Number(m[1]);
        basis.push(`reviews ${reviews}: “${word}${m[1]}年” near the start`);
        break;
      }
    }
  }
  if (reviews === null && plans === null && multiYear) {
    const date = titleDate(title);
    if (date) {
      const late = (date.month ?? lex.undatedNewTermMonth) >= lex.secondHalfFrom;
      reviews = late ? date.year : date.year - 1;
      plans = reviews + 1;
      basis.push(`reviews several years up to ${reviews}, plans from ${plans}: its headings name no year; ${date.month === null ? `the title dates it ${date.year}, a new term's report (given in the autumn, month ${lex.undatedNewTermMonth})` : `the title dates it ${date.year}年${date.month}月`}`);
      return { reviews, plans, multiYear, basis, guessed: false };
    }
  }
  if (reviews === null && plans !== null) {
    reviews = plans - 1;
    basis.push(`reviews ${reviews}: the year before the one it plans`);
  } else if (plans === null && reviews !== null) {
    plans = reviews + 1;
    basis.push(`plans ${plans}: the year after the one it reviews`);
  }
  if (reviews === null) {
    const m = /((?:19|20)\d\d)\s*年/.exec(clean.slice(0, 600));
    if (m) {
      reviews = Number(m[1]);
      plans = reviews + 1;
      basis.push(`reviews ${reviews}: guessed from the first year named (no heading says)`);
      return { reviews, plans, multiYear, basis, guessed: true };
    }
  }
  return { reviews, plans, multiYear, basis, guessed: false };
}
