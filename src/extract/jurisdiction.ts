/**
 * The report's jurisdiction, read from the document (never hard-coded): the most named city, district,
 * county and province, and which of them is the author. A place name counts only when jieba knows it
 * as a place, or the title names it, or the text names a government body of it (南山区人民政府); so
 * 纳入市… or 核心区… are not places. Short forms such as 市政府 are resolved against it.
 */
import { traditionalize } from '../text/script.js';
import { tagWords } from '../text/segment.js';
import { agencyLexicon } from './lexicon.js';

export type Level = 'national' | 'province' | 'city' | 'district' | 'county' | 'town';

export interface Place {
  /** In the document's script, and simplified. */
  name: string;
  nameSimplified: string;
}

export interface Jurisdiction {
  /** The level of the report's author. */
  level: Level;
  /** The place the report speaks for, e.g. 東莞市 (what 我市 means); null when the document names none. */
  author: Place | null;
  /** The body that writes the report, e.g. 東莞市人民政府: the actor of sentences that state none. */
  government: Place | null;
  byLevel: Partial<Record<Level, Place>>;
}

/** The government of a place, named in the place's script: 東莞市 → 東莞市人民政府; a 管委会 report → 坪山新区管理委员会; 国务院 stays. */
export function governmentOf(place: Place | null, level: Level, title: string): Place | null {
  if (!place) return null;
  if (level === 'national') return place;
  const suffix = /管委会|管理委员会/.test(title) ? '管理委员会' : '人民政府';
  const written = place.name === place.nameSimplified ? suffix : traditionalize(suffix);
  return { name: place.name + written, nameSimplified: place.nameSimplified + suffix };
}

const LEVEL_SUFFIXES: Array<[string, Level]> = [
  ['新区', 'district'],
  ['市', 'city'],
  ['区', 'district'],
  ['县', 'county'],
];
/** Words by which a report speaks of its own jurisdiction, with how strongly they tell it. */
const SELF: Record<string, [Level, number]> = {
  我市: ['city', 2], 本市: ['city', 2], 全市: ['city', 0.5],
  我区: ['district', 2], 本区: ['district', 2], 全区: ['district', 1],
  我县: ['county', 2], 本县: ['county', 2], 全县: ['county', 1],
  我省: ['province', 2], 全省: ['province', 0.5],
};

interface Seen {
  n: number;
  at: number;
  strong: boolean;
}

export function detectJurisdiction(clean: string, view: string, title = ''): Jurisdiction {
  const lex = agencyLexicon();
  const counts: Record<Level, Map<string, Seen>> = { national: new Map(), province: new Map(), city: new Map(), district: new Map(), county: new Map(), town: new Map() };
  const titleView = title;
  const add = (level: Level, name: string, at: number, weight: number, strong: boolean) => {
    const seen = counts[level].get(name) ?? { n: 0, at, strong: false };
    seen.n += weight;
    seen.strong ||= strong;
    counts[level].set(name, seen);
  };
  const scan = (text: string, weight: number, offsets: boolean) => {
    for (const [suffix, level] of LEVEL_SUFFIXES) {
      for (let i = text.indexOf(suffix); i >= 0; i = text.indexOf(suffix, i + 1)) {
        for (const len of [2, 3]) {
          const base = text.slice(i - len, i);
          if (base.length !== len || !placeBase(base, lex.placeStop)) continue;
          const after = text.slice(i + suffix.length, i + suffix.length + 6);
          add(level, base + suffix, offsets ? i - len : -1, weight, lex.strongContext.some((c) => after.startsWith(c)));
        }
      }
    }
  };
  scan(view, 1, true);
  scan(titleView, 1000, false);
  for (const p of lex.provinces) {
    for (let i = view.indexOf(p); i >= 0; i = view.indexOf(p, i + p.length)) add('province', p, i, view[i + p.length] === '省' ? 3 : 1, true);
  }

  const byLevel: Partial<Record<Level, Place>> = {};
  for (const level of ['province', 'city', 'district', 'county'] as Level[]) {
    const best = pick(counts[level], titleView);
    if (!best) continue;
    const surface = best.at >= 0 ? clean.slice(best.at, best.at + best.name.length) : best.name;
    if (level === 'province') {
      const full = lex.municipalities.includes(best.name) ? `${best.name}市` : `${best.name}省`;
      byLevel.province = { name: surface + full.slice(best.name.length), nameSimplified: full };
    } else {
      byLevel[level] = { name: surface, nameSimplified: best.name };
    }
  }

  // The author: the national government or the place the title names; else the level the text speaks for.
  if (lex.national.authors.some((a) => titleView.includes(a))) {
    const name = lex.national.authors.find((a) => titleView.includes(a))!;
    const author = { name, nameSimplified: name };
    return { level: 'national', author, government: author, byLevel };
  }
  let level: Level = byLevel.city ? 'city' : byLevel.district ? 'district' : byLevel.county ? 'county' : 'province';
  const titled = (['county', 'district', 'city', 'province'] as Level[]).find((l) => byLevel[l] && titleView.includes(byLevel[l]!.nameSimplified.replace(/省$/, '')));
  if (titled) level = titled;
  else {
    let most = 0;
    for (const [word, [l, weight]] of Object.entries(SELF)) {
      const n = (view.split(word).length - 1) * weight;
      if (n > most && byLevel[l]) {
        most = n;
        level = l;
      }
    }
  }
  const author = byLevel[level] ?? null;
  return { level, author, government: governmentOf(author, level, titleView), byLevel };
}

const NOUN_TAGS = new Set(['n', 'ns', 'nr', 'nz', 'nt', 'j', 'nrt', 'nrfg']);
const nounTags = new Map<string, boolean>();
/** A base of a place name is a noun to jieba (南山, 東莞), never a verb or a preposition (落实市…, 按照市…). */
function nounLike(base: string): boolean {
  let ok = nounTags.get(base);
  if (ok === undefined) {
    const tags = tagWords(base);
    ok = tags.length <= 2 && tags.every((t) => NOUN_TAGS.has(t.tag) || t.tag === 'zg' || t.tag === 'ng');
    nounTags.set(base, ok);
  }
  return ok;
}

const bases = new Map<string, boolean>();
/** Could `base` start a place name (南山, 東莞)? Cached: the same bases recur thousands of times. */
function placeBase(base: string, stop: string[]): boolean {
  let ok = bases.get(base);
  if (ok === undefined) {
    ok = /^\p{Script=Han}+$/u.test(base) && !/[市区县省委府年]/.test(base) && !stop.some((s) => base.startsWith(s) || base.endsWith(s)) && nounLike(base);
    bases.set(base, ok);
  }
  return ok;
}

const placeTags = new Map<string, boolean>();
function taggedAsPlace(name: string): boolean {
  let ok = placeTags.get(name);
  if (ok === undefined) {
    const tags = tagWords(name);
    ok = tags.length === 1 && tags[0]!.tag === 'ns';
    placeTags.set(name, ok);
  }
  return ok;
}

/** The most named real place: a longer name only when it is named at least as often as its last part. */
function pick(map: Map<string, Seen>, title: string): { name: string; at: number } | undefined {
  let best: { name: string; n: number; at: number } | undefined;
  for (const [name, { n, at, strong }] of map) {
    const inTitle = title.includes(name);
    if (n < 2 && !inTitle && !taggedAsPlace(name)) continue;
    if (!(strong || inTitle || taggedAsPlace(name))) continue;
    const shorter = map.get(name.slice(1));
    if (name.length > 3 && shorter && shorter.n >= n) continue;
    const score = n + (inTitle ? 1000 : 0);
    if (!best || score > best.n || (score === best.n && name < best.name)) best = { name, n: score, at };
  }
  return best;
}
