/**
 * Agencies: governments, party committees and their standing committees, bureaus, offices, courts,
 * procuratorates, people's congresses, central and provincial bodies. Short forms are resolved to a
 * canonical full name in the report's jurisdiction (市政府 → 東莞市人民政府, 市委 → 中共東莞市委,
 * 我市 → 東莞市). Generic groups (各單位, 20個部門, 鎮街) never match: a name needs a level or a place
 * before it and an agency suffix after it.
 */
import { codeUnitTable, indexByFirst, indexByLast, indexHas, wordEndingAt, wordsStartingAt, wordStartingAt, type WordIndex } from '../text/lexicon.js';
import { traditionalize } from '../text/script.js';
import { claim, isFree, type EntityMention, type ExtractContext } from './context.js';
import { ancestors, divisionNameAt, gazetteer, type Division } from './gazetteer.js';
import { placeOf, type Level, type Place } from './jurisdiction.js';
import { agencyLexicon, relationLexicon, type AgencyLexicon } from './lexicon.js';

const BOUNDARY_AFTER = new Set([...'等的和与及、，,。；;：:（(“ ']);
const HAN = /\p{Script=Han}/u;

/** The agency lexicon in the shapes the scanner looks things up in, built once. */
interface AgencyRules {
  lex: AgencyLexicon;
  /** Suffixes by their first character, longest first. */
  suffixesByFirst: WordIndex;
  stemStop: Set<string>;
  /** Stem verbs by their last character. */
  verbsByLast: WordIndex;
  /** Fixed national names, longest first. */
  fixed: WordIndex;
  nationalPrefixes: WordIndex;
  courts: WordIndex;
  /** Verbs after which a body named without a place is the author's own (配合人大, 接受政协). */
  bodyVerbs: string[];
  selfWords: WordIndex;
  scopeWords: WordIndex;
  /** First code units of every lexicon word that can start a name (places are added per document). */
  /** The first characters of every fixed kind of name. */
  firsts: string[];
  /** The level a single character stands for (市, 区, 省…), by code unit. */
  levelsByCode: Map<number, Level>;
}

let rulesCache: AgencyRules | undefined;
function agencyRules(): AgencyRules {
  if (rulesCache) return rulesCache;
  const lex = agencyLexicon();
  rulesCache = {
    lex,
    suffixesByFirst: indexByFirst(lex.suffixes),
    stemStop: new Set([...lex.stemStop]),
    verbsByLast: indexByLast(lex.stemVerbs),
    fixed: indexByFirst(lex.national.fixed),
    nationalPrefixes: indexByFirst(lex.national.prefixes),
    courts: indexByFirst(lex.courts),
    bodyVerbs: [...relationLexicon().cooperate, ...lex.bodyVerbs],
    selfWords: indexByFirst(Object.keys(lex.selfReference)),
    scopeWords: indexByFirst(Object.keys(lex.scopeWords)),
    firsts: [...lex.national.fixed, ...lex.national.prefixes, ...Object.keys(lex.selfReference), ...Object.keys(lex.scopeWords), ...lex.courts, ...Object.keys(lex.levels)],
    levelsByCode: new Map(Object.entries(lex.levels).map(([ch, level]) => [ch.charCodeAt(0), level as Level])),
  };
  return rulesCache;
}

/** One pass over a document's view, left to right; what it finds is claimed at once. */
class AgencyScanner {
  readonly found: EntityMention[] = [];
  private readonly view: string;
  private readonly places: PlacePrefix[];
  /** Where a name may start, by code unit (1): one array access per position. */
  private readonly firsts: Uint8Array;

  constructor(
    private readonly ctx: ExtractContext,
    private readonly rules: AgencyRules,
  ) {
    this.view = ctx.view;
    this.places = placesByPrefix(ctx);
    this.firsts = codeUnitTable([...rules.firsts, ...this.places.map((p) => p.simplified), ...(ctx.jurisdiction.author?.division?.zone ? ['新'] : [])].map((w) => w[0]).join(''));
  }

  scan(): EntityMention[] {
    const { view, ctx } = this;
    // Only a few characters can start a name: skip every other position at once (by code unit: indexing
    // the string would make a new one-character string at every position).
    const divisions = gazetteer().names;
    for (let i = 0; i < view.length; i++) {
      const c = view.charCodeAt(i);
      if (!ctx.tokenStart[i] || ctx.taken[i]) continue;
      if (this.firsts[c] === 1) i = this.nameAt(i);
      else if (indexHas(divisions, c)) i = this.divisionBodyAt(i);
    }
    return this.found;
  }

  /** Try every kind of name at `i`; the offset to continue from (the last character of a name found, else `i`). */
  private nameAt(i: number): number {
    const { view, ctx, rules } = this;
    const { lex } = rules;
    // Central and national bodies.
    const fixed = wordStartingAt(rules.fixed, view, i);
    const national = wordStartingAt(rules.nationalPrefixes, view, i);
    if (national || fixed) {
      const end = Math.max(national ? this.longestName(i + national.length) : -1, fixed ? i + fixed.length : -1);
      if (end > i) return this.push(i, end, null, 'agency-national');
    }
    // A named place: 東莞市人民政府, 廣東省委, or the author alone (東莞市).
    const place = this.places.find((p) => view.startsWith(p.simplified, i));
    if (place && !lex.levelNotBefore.includes(view[i + place.simplified.length] ?? ' ')) {
      const from = i + place.simplified.length;
      const end = this.longestName(from);
      if (end > from) return this.push(i, end, canonicalize(place.place, view.slice(from, end)), 'agency-named');
      if (place.isAuthor) return this.push(i, from, place.place.nameSimplified, 'agency-author');
    }
    if (!place) {
      const at = this.divisionBodyAt(i);
      if (at !== i) return at;
    }
    // 新区管委会, 新区党工委 in a functional zone's own report.
    if (ctx.jurisdiction.author?.division?.zone && view.startsWith('新区', i)) {
      const end = this.longestName(i + 2);
      if (end > i + 2) return this.push(i, end, canonicalize(ctx.jurisdiction.author, view.slice(i + 2, end)), 'agency-relative');
    }
    // Self reference: 我市 → the author.
    const selfWord = wordStartingAt(rules.selfWords, view, i);
    if (selfWord && ctx.jurisdiction.author && lex.selfReference[selfWord] === ctx.jurisdiction.level) {
      return this.push(i, i + selfWord.length, ctx.jurisdiction.author.nameSimplified, 'agency-self');
    }
    // Courts and procuratorates named without a place: 全市檢察機關, 全年法院受理….
    const scope = wordStartingAt(rules.scopeWords, view, i);
    const courtAt = scope ? i + scope.length : i;
    const court = wordStartingAt(rules.courts, view, courtAt);
    if (court && (scope || !HAN.test(view[i - 1] ?? '') || view.slice(i - 2, i) === '全年' || rules.bodyVerbs.some((v) => view.startsWith(v, i - v.length)))) {
      const level = (scope ? lex.scopeWords[scope] : ctx.jurisdiction.level) as Level;
      // In the national report 人大, 政协 and 法院 are the national ones (全国人民代表大会, 全国政协…).
      const p = ctx.jurisdiction.byLevel[level] ?? (level === 'national' ? NATION : undefined);
      return this.push(i, courtAt + court.length, p ? canonicalize(p, court) : unplaced(scope ? scope.slice(-1) : '', court), 'agency-court', !p);
    }
    // Relative short forms: 市政府, 市委常委會, 市發展改革局, 省委依法治省辦.
    const levelName = rules.levelsByCode.get(view.charCodeAt(i));
    if (levelName && !lex.levelNotAfter.includes(view[i - 1] ?? ' ') && !lex.levelNotBefore.includes(view[i + 1] ?? ' ')) {
      const end = this.longestName(i + 1);
      if (end > i + 1) {
        const p = ctx.jurisdiction.byLevel[levelName];
        return this.push(i, end, p ? canonicalize(p, view.slice(i + 1, end)) : unplaced(view[i]!, view.slice(i + 1, end)), 'agency-relative', !p);
      }
    }
    return i;
  }

  /** Any other division of the gazetteer with a body after it (南山区人民政府 in a city's report); the offset to continue from. */
  private divisionBodyAt(i: number): number {
    const division = divisionNameAt(this.view, i);
    if (!division) return i;
    const from = i + division.length;
    if (this.rules.lex.levelNotBefore.includes(this.view[from] ?? ' ')) return i;
    const end = this.longestName(from);
    const d = end > from ? this.divisionNamed(division) : undefined;
    return d ? this.push(i, end, canonicalize(placeOf(d, 'simplified'), this.view.slice(from, end)), 'agency-named') : i;
  }

  /** The division a name means in this report: one under the author's own superiors where the name repeats. */
  private divisionNamed(name: string): Division | undefined {
    const options = gazetteer().byName.get(name) ?? [];
    if (options.length <= 1) return options[0];
    const mine = new Set(Object.values(this.ctx.jurisdiction.byLevel).map((p) => p?.division));
    return options.find((d) => ancestors(d).some((a) => mine.has(a))) ?? options[0];
  }

  /** The end of the longest `stem + suffix` starting at `from` and ending at a word boundary, or -1. */
  private longestName(from: number): number {
    const { view, ctx, rules } = this;
    let best = -1;
    for (let stemLen = 0; stemLen <= rules.lex.maxStem; stemLen++) {
      const at = from + stemLen;
      if (at > view.length) break;
      if (stemLen > 0) {
        const ch = view[at - 1]!;
        if (rules.stemStop.has(ch) || !HAN.test(ch)) break;
        // A verb inside a stem means two names and the words between them (区政府全面落实区委), not one name.
        if (wordEndingAt(rules.verbsByLast, view, at, from)) break;
      }
      for (const suffix of wordsStartingAt(rules.suffixesByFirst, view, at)) {
        if (!view.startsWith(suffix, at) || (suffix === '政府' && stemLen > 0)) continue;
        const end = at + suffix.length;
        if (suffix.length === 1 && rules.lex.singleCharSuffixStop.some((w) => (end >= w.length && view.startsWith(w, end - w.length)) || view.startsWith(w, at))) continue;
        if (end > best && (ctx.tokenEnd[end] || BOUNDARY_AFTER.has(view[end] ?? ' ') || end === view.length)) best = end;
      }
    }
    return best;
  }


  private push(start: number, end: number, canonical: string | null, rule: string, unresolved = false): number {
    const { ctx } = this;
    if (isFree(ctx, start, end)) {
      const surface = ctx.clean.slice(start, end);
      const name = canonical === null ? surface : renderName(ctx, start, end, canonical, surface);
      this.found.push({ type: 'Agency', start, end, surface, name, nameSimplified: canonical ?? this.view.slice(start, end), rule, ...(unresolved ? { unresolved } : {}) });
      claim(ctx, start, end);
    }
    return end - 1;
  }
}

export function findAgencies(ctx: ExtractContext): EntityMention[] {
  return new AgencyScanner(ctx, agencyRules()).scan();
}

/** The nation as the place of the national report's bodies named without one. */
const NATION: Place = { name: '全国', nameSimplified: '全国', forms: [], division: null };

/**
 * A short form whose place the report never names (区政府 where no 区 is known): its full form with the
 * level word alone (区人民政府), marked unresolved so the graph keeps it to its own report.
 */
function unplaced(level: string, rest: string): string {
  return canonicalize({ name: level, nameSimplified: level, forms: [], division: null }, rest);
}

/** The full name of `rest` (what follows the place or level), simplified. */
function canonicalize(place: Place, restWritten: string): string {
  const lex = agencyLexicon();
  const j = place.nameSimplified;
  // A congress named by its session (区一届人大, 省十三届人大) is the congress.
  const rest = restWritten.replace(/^第?[一二三四五六七八九十]+届/, '');
  if (rest === '政协') return `中国人民政治协商会议${j}委员会`;
  // A functional zone is governed by its management committee: 新区政府 is the 管理委员会.
  if (place.division?.zone && (rest === '政府' || rest === '人民政府')) return `${j}管理委员会`;
  if (rest === '政府') return `${j}人民政府`;
  if (rest === '委') return `中共${j}委`;
  if (rest.startsWith('委')) return `中共${j}${rest}`;
  if (rest.startsWith('政府')) return `${j}人民${rest}`;
  for (const [short, full] of Object.entries(lex.stemExpansions)) if (rest.endsWith(short)) return j + rest.slice(0, rest.length - short.length) + full;
  return j + rest;
}

/** The canonical name in the document's script: the place as the document writes it, the rest converted. */
function renderName(ctx: ExtractContext, start: number, end: number, simplified: string, surface: string): string {
  if (ctx.doc.text.script === 'simplified') return simplified;
  if (simplified === ctx.view.slice(start, end)) return surface;
  const places = Object.values(ctx.jurisdiction.byLevel).filter((p): p is Place => !!p);
  let out = traditionalize(simplified);
  for (const p of places) out = out.split(traditionalize(p.nameSimplified)).join(p.name);
  return out;
}

interface PlacePrefix {
  simplified: string;
  place: Place;
  isAuthor: boolean;
}

function placesByPrefix(ctx: ExtractContext): PlacePrefix[] {
  const { byLevel, author } = ctx.jurisdiction;
  const places = Object.values(byLevel).filter((p): p is Place => !!p);
  if (author && !places.includes(author)) places.push(author);
  return places
    .flatMap((p) => p.forms.map((form) => ({ simplified: form, place: p, isAuthor: p.nameSimplified === author?.nameSimplified })))
    .sort((a, b) => b.simplified.length - a.simplified.length);
}
