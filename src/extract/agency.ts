/**
 * Agencies: governments, party committees and their standing committees, bureaus, offices, courts,
 * procuratorates, people's congresses, central and provincial bodies. Short forms are resolved to a
 * canonical full name in the report's jurisdiction (市政府 → 東莞市人民政府, 市委 → 中共東莞市委,
 * 我市 → 東莞市). Generic groups (各單位, 20個部門, 鎮街) never match: a name needs a level or a place
 * before it and an agency suffix after it.
 */
import { traditionalize } from '../text/script.js';
import { claim, isFree, type EntityMention, type ExtractContext } from './context.js';
import type { Level, Place } from './jurisdiction.js';
import { agencyLexicon } from './lexicon.js';

interface Candidate {
  start: number;
  end: number;
  /** Simplified canonical name, or null to keep the surface. */
  canonical: string | null;
  rule: string;
}

const BOUNDARY_AFTER = new Set([...'等的和与及、，,。；;：:（(“ ']);

export function findAgencies(ctx: ExtractContext): EntityMention[] {
  const lex = agencyLexicon();
  const { view } = ctx;
  const suffixes = [...lex.suffixes].sort((a, b) => b.length - a.length);
  const stop = new Set([...lex.stemStop]);
  const places = placesByPrefix(ctx);
  // A verb inside a stem means two names and the words between them (区政府全面落实区委), not one name.
  const verbs = lex.stemVerbs;
  const found: EntityMention[] = [];

  /** The longest `stem + suffix` starting at `from`, ending at a word boundary. */
  const longestName = (from: number, minStem = 0): number => {
    let best = -1;
    for (let stemLen = 0; stemLen <= lex.maxStem; stemLen++) {
      const at = from + stemLen;
      if (at > view.length) break;
      if (stemLen > 0) {
        const ch = view[at - 1]!;
        if (stop.has(ch) || !/\p{Script=Han}/u.test(ch)) break;
      }
      if (stemLen < minStem) continue;
      if (stemLen > 1 && verbs.some((v) => view.slice(from, at).includes(v))) break;
      for (const suffix of suffixes) {
        if (!view.startsWith(suffix, at) || (suffix === '政府' && stemLen > 0)) continue;
        const end = at + suffix.length;
        if (suffix.length === 1 && lex.singleCharSuffixStop.some((w) => view.slice(end - w.length, end) === w || view.startsWith(w, at))) continue;
        if (end > best && (ctx.tokenEnd[end] || BOUNDARY_AFTER.has(view[end] ?? ' ') || end === view.length)) best = end;
      }
    }
    return best;
  };

  const push = (c: Candidate) => {
    if (!isFree(ctx, c.start, c.end)) return;
    const surface = ctx.clean.slice(c.start, c.end);
    const nameSimplified = c.canonical ?? view.slice(c.start, c.end);
    const name = c.canonical === null ? surface : renderName(ctx, c, surface);
    found.push({ type: 'Agency', start: c.start, end: c.end, surface, name, nameSimplified, rule: c.rule });
    claim(ctx, c.start, c.end);
  };

  // Only a few characters can start a name: skip every other position at once.
  const firsts = new Set(
    [...lex.national.fixed, ...lex.national.prefixes, ...places.map((p) => p.simplified), ...Object.keys(lex.selfReference), ...Object.keys(lex.scopeWords), ...lex.courts, ...Object.keys(lex.levels)].map((w) => w[0]!),
  );
  for (let i = 0; i < view.length; i++) {
    if (!firsts.has(view[i]!) || ctx.taken[i] || !ctx.tokenStart[i]) continue;
    // Central and national bodies.
    const fixed = lex.national.fixed.filter((f) => view.startsWith(f, i)).sort((a, b) => b.length - a.length)[0];
    const national = lex.national.prefixes.find((p) => view.startsWith(p, i));
    if (national || fixed) {
      const end = national ? longestName(i + national.length) : -1;
      const fixedEnd = fixed ? i + fixed.length : -1;
      if (Math.max(end, fixedEnd) > i) {
        push({ start: i, end: Math.max(end, fixedEnd), canonical: null, rule: 'agency-national' });
        i = Math.max(end, fixedEnd) - 1;
        continue;
      }
    }
    // A named place: 東莞市人民政府, 廣東省委, or the author alone (東莞市).
    const place = places.find((p) => view.startsWith(p.simplified, i));
    if (place) {
      const from = i + place.simplified.length;
      const end = longestName(from);
      if (end > from) {
        push({ start: i, end, canonical: canonicalize(place.place, view.slice(from, end)), rule: 'agency-named' });
        i = end - 1;
        continue;
      }
      if (place.isAuthor) {
        push({ start: i, end: from, canonical: place.place.nameSimplified, rule: 'agency-author' });
        i = from - 1;
        continue;
      }
    }
    // Self reference: 我市 → the author.
    const selfWord = Object.keys(lex.selfReference).find((w) => view.startsWith(w, i));
    if (selfWord && ctx.jurisdiction.author && lex.selfReference[selfWord] === ctx.jurisdiction.level) {
      push({ start: i, end: i + selfWord.length, canonical: ctx.jurisdiction.author.nameSimplified, rule: 'agency-self' });
      i += selfWord.length - 1;
      continue;
    }
    // Courts and procuratorates named without a place: 全市檢察機關, 全年法院受理….
    const scope = Object.keys(lex.scopeWords).find((w) => view.startsWith(w, i));
    const courtAt = scope ? i + scope.length : i;
    const court = lex.courts.filter((c) => view.startsWith(c, courtAt)).sort((a, b) => b.length - a.length)[0];
    if (court && (scope || !/\p{Script=Han}/u.test(view[i - 1] ?? '') || view.slice(i - 2, i) === '全年')) {
      const level = (scope ? lex.scopeWords[scope] : ctx.jurisdiction.level) as Level;
      const p = ctx.jurisdiction.byLevel[level];
      push({ start: i, end: courtAt + court.length, canonical: p ? p.nameSimplified + court : null, rule: 'agency-court' });
      i = courtAt + court.length - 1;
      continue;
    }
    // Relative short forms: 市政府, 市委常委會, 市發展改革局, 省委依法治省辦.
    const levelName = lex.levels[view[i]!] as Level | undefined;
    if (levelName) {
      const end = longestName(i + 1);
      if (end > i + 1) {
        const p = ctx.jurisdiction.byLevel[levelName];
        push({ start: i, end, canonical: p ? canonicalize(p, view.slice(i + 1, end)) : null, rule: 'agency-relative' });
        i = end - 1;
      }
    }
  }
  return found;
}

/** The full name of `rest` (what follows the place or level), simplified. */
function canonicalize(place: Place, rest: string): string {
  const lex = agencyLexicon();
  const j = place.nameSimplified;
  if (rest === '政府') return `${j}人民政府`;
  if (rest === '委') return `中共${j}委`;
  if (rest.startsWith('委')) return `中共${j}${rest}`;
  if (rest.startsWith('政府')) return `${j}人民${rest}`;
  for (const [short, full] of Object.entries(lex.stemExpansions)) if (rest.endsWith(short)) return j + rest.slice(0, rest.length - short.length) + full;
  return j + rest;
}

/** The canonical name in the document's script: the place as the document writes it, the rest converted. */
function renderName(ctx: ExtractContext, c: Candidate, surface: string): string {
  const simplified = c.canonical!;
  if (ctx.doc.text.script === 'simplified') return simplified;
  if (simplified === ctx.view.slice(c.start, c.end)) return surface;
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
  return Object.values(byLevel)
    .filter((p): p is Place => !!p)
    .map((p) => ({ simplified: p.nameSimplified, place: p, isAuthor: p === author }))
    .sort((a, b) => b.simplified.length - a.simplified.length);
}
