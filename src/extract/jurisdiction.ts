/**
 * The report's jurisdiction: which government writes it and the divisions above it. The author is found
 * where a reader finds it — the title (深圳市龙华区…工作报告), the speaker's line (我代表坪山新区管委会…),
 * the signature — else it is the division the text names most at the level it speaks for (我区, 全市);
 * its superiors come from the gazetteer (GB/T 2260), so 市委 in a district report is its own city's
 * committee even when the report never names the city. A name that several divisions share (龙华区 in
 * 深圳 and 海口) is the one whose superiors the text names. What cannot be found is said in a warning.
 */
import { simplify, traditionalize } from '../text/script.js';
import { ancestors, divisionNameAt, gazetteer, qualifiedName, seriesDivision, seriesMembers, type Division } from './gazetteer.js';
import { agencyLexicon } from './lexicon.js';

export type Level = 'national' | 'province' | 'city' | 'district' | 'county' | 'town';

export interface Place {
  /** In the document's script, and simplified: the qualified name (深圳市龙华区). */
  name: string;
  nameSimplified: string;
  /** Every simplified form by which a text names the place as a prefix (深圳市龙华区, 龙华区), longest first. */
  forms: string[];
  division: Division | null;
}

export interface Jurisdiction {
  /** The level of the report's author. */
  level: Level;
  /** The place the report speaks for, e.g. 東莞市 (what 我市 means); null when it cannot be found. */
  author: Place | null;
  /** The body that writes the report, e.g. 東莞市人民政府: the actor of sentences that state none. */
  government: Place | null;
  byLevel: Partial<Record<Level, Place>>;
  /** Why the author or a superior could not be found, for the extract summary. */
  warnings: string[];
}

/** The government of a place, named in the document's script: 東莞市 → 東莞市人民政府; a 管委会 report → …管理委员会; 国务院 stays. */
export function governmentOf(place: Place | null, level: Level, title: string, script: 'traditional' | 'simplified' = 'simplified'): Place | null {
  if (!place) return null;
  if (level === 'national') return place;
  const suffix = /管委会|管理委员会/.test(title) || place.division?.zone ? '管理委员会' : '人民政府';
  const written = script === 'traditional' ? traditionalize(suffix) : suffix;
  return { name: place.name + written, nameSimplified: place.nameSimplified + suffix, forms: [], division: place.division };
}

/**
 * The series a report of `place` belongs to: the qualified name of the division its reports follow (a
 * zone's, once it became a district, the district's: 坪山新区 → 深圳市坪山区), and every name a user may
 * give it (qualified, as a division is named, and without its level word: 深圳市坪山区, 坪山区, 坪山; of
 * each member, in both scripts).
 */
export function seriesOf(place: Place | null): { series: string | null; seriesNames: string[] } {
  if (!place) return { series: null, seriesNames: [] };
  if (!place.division) return { series: place.nameSimplified, seriesNames: [...new Set([place.nameSimplified, traditionalize(place.nameSimplified)])] };
  const bare = (name: string) => name.replace(/(新区|区|县|市|省)$/, '');
  const names = seriesMembers(place.division).flatMap((d) => [qualifiedName(d), d.name, ...(bare(d.name).length >= 2 ? [bare(d.name)] : [])]);
  return { series: qualifiedName(seriesDivision(place.division)), seriesNames: [...new Set(names.flatMap((n) => [n, traditionalize(n)]))] };
}

/** Words by which a report speaks of its own jurisdiction, and the level they tell. */
const SELF: Array<[string, Level]> = [
  ['我市', 'city'], ['本市', 'city'], ['全市', 'city'],
  ['我区', 'district'], ['本区', 'district'], ['全区', 'district'], ['新区', 'district'],
  ['我县', 'county'], ['本县', 'county'], ['全县', 'county'],
  ['我省', 'province'], ['本省', 'province'], ['全省', 'province'],
];

/** The place of a division in a document: its qualified name in the document's script. */
export function placeOf(d: Division, script: 'traditional' | 'simplified'): Place {
  const qualified = qualifiedName(d);
  const forms = [...new Set([qualified, d.name])].sort((a, b) => b.length - a.length);
  return { name: script === 'traditional' ? traditionalize(qualified) : qualified, nameSimplified: qualified, forms, division: d };
}

/** Every division name in `text` with how often it occurs. */
function namedDivisions(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const name = divisionNameAt(text, i);
    if (!name) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    i += name.length - 1;
  }
  return counts;
}

/** A division name without its level word, for counting mentions of a superior (深圳, 广东). */
const shortName = (d: Division) => d.name.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, '');

/**
 * The division a name means here: the one whose superiors the text names most; ties go to the lower
 * code. A name the text did not settle is noted in `unsettled` (for the warning).
 */
function disambiguate(name: string, view: string, unsettled: string[]): Division | undefined {
  const options = gazetteer().byName.get(name) ?? [];
  if (options.length <= 1) return options[0];
  let best: Division | undefined;
  let bestScore = -1;
  for (const d of options) {
    let score = 0;
    for (const a of ancestors(d)) score += view.split(a.name).length - 1 + (shortName(a).length >= 2 ? view.split(shortName(a)).length - 1 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  if (bestScore === 0) unsettled.push(`"${name}" names ${options.map(qualifiedName).join(', ')} and the text names none of their superiors: took ${qualifiedName(best!)}`);
  return best;
}

const LEVEL_RANK: Record<string, number> = { county: 0, district: 0, city: 1, province: 2 };

/** The most specific division named in `text` (a district over its city), disambiguated by `view`. */
function mostSpecific(text: string, view: string, unsettled: string[]): Division | undefined {
  const found = [...namedDivisions(text).keys()].map((n) => disambiguate(n, view, unsettled)).filter((d): d is Division => !!d);
  found.sort((a, b) => LEVEL_RANK[a.level]! - LEVEL_RANK[b.level]! || b.name.length - a.name.length || (a.code < b.code ? -1 : 1));
  return found[0];
}

const SPEAKER = /我代表(.{0,24}?)(人民政府|政府|管理委员会|管委会)/u;
const SIGNATURE = /([^\s，。；]{2,24}?)(人民政府|管理委员会|管委会)\s*\d{4}\s*年/u;

export function detectJurisdiction(view: string, title = '', script: 'traditional' | 'simplified' = 'simplified'): Jurisdiction {
  const lex = agencyLexicon();
  const warnings: string[] = [];
  const unsettled: string[] = [];
  // The title in the script the gazetteer and the view use (a file may be named in traditional characters).
  const titleView = simplify(title);
  const national = lex.national.authors.find((a) => titleView.includes(a));
  if (national) {
    const author: Place = { name: script === 'traditional' ? traditionalize(national) : national, nameSimplified: national, forms: [national], division: null };
    return { level: 'national', author, government: author, byLevel: {}, warnings };
  }

  // The author: title, speaker's line, signature; else the most named division at the level the text speaks for.
  const head = view.slice(0, 800);
  const tail = view.slice(-400);
  const speaker = SPEAKER.exec(head);
  const signature = SIGNATURE.exec(tail);
  let author = mostSpecific(titleView, view, unsettled) ?? (speaker ? mostSpecific(speaker[1]!, view, unsettled) : undefined) ?? (signature ? mostSpecific(signature[1]!, view, unsettled) : undefined);
  // A title that names only the city (深圳市…) while the speaker speaks for one of its districts.
  if (author && speaker) {
    const spoken = mostSpecific(speaker[1]!, view, unsettled);
    if (spoken && ancestors(spoken).includes(author)) author = spoken;
  }
  let spokenLevel: Level | undefined;
  if (!author) {
    let most = 0;
    for (const [word, level] of SELF) {
      const n = view.split(word).length - 1;
      if (n > most) {
        most = n;
        spokenLevel = level;
      }
    }
    const speakerLevel = speaker?.[1]?.match(/^(市|区|县|省|新区)$/)?.[0];
    if (speakerLevel) spokenLevel = ({ 市: 'city', 区: 'district', 县: 'county', 省: 'province', 新区: 'district' } as Record<string, Level>)[speakerLevel];
    const counts = namedDivisions(view);
    let bestCount = 0;
    for (const [name, n] of counts) {
      const d = disambiguate(name, view, unsettled);
      if (!d) continue;
      const fits = !spokenLevel || d.level === spokenLevel || (spokenLevel === 'city' && d.level === 'county' && d.name.endsWith('市'));
      const score = n * (fits ? 10 : 1);
      if (score > bestCount || (score === bestCount && author && d.code < author.code)) {
        bestCount = score;
        author = d;
      }
    }
    if (author && spokenLevel && author.level !== spokenLevel && !(spokenLevel === 'city' && author.name.endsWith('市'))) author = undefined;
    if (!author) {
      warnings.push(
        `the report's jurisdiction was not found (no division named in the title, the speaker's line or the signature${spokenLevel ? `; it speaks for a ${spokenLevel}` : ''}): facts without a stated actor, and short forms such as 区政府, are kept to this report under an unidentified author; name the jurisdiction in the file name (e.g. 深圳市龙华区2021年政府工作报告.txt) to resolve them`,
      );
    }
  }

  const byLevel: Partial<Record<Level, Place>> = {};
  let level: Level = spokenLevel ?? 'city';
  if (author) {
    const chain = [author, ...ancestors(author)];
    for (const d of chain) {
      const place = placeOf(d, script);
      if (d.level === 'province') {
        byLevel.province ??= place;
        if (d.municipality) byLevel.city ??= place;
      } else if (d.level === 'city') byLevel.city ??= place;
      else if (d.level === 'district') byLevel.district ??= place;
      // A county-level city answers to 市 (市委, 市政府 are its own); a county to 县.
      else if (d.name.endsWith('市')) byLevel.city ??= place;
      else byLevel.county ??= place;
    }
    level = author.level === 'county' ? (author.name.endsWith('市') ? 'city' : 'county') : author.level;
  }
  const authorPlace = author ? placeOf(author, script) : null;
  const why = unsettled.find((u) => author && u.startsWith(`"${author.name}"`));
  if (why) warnings.push(`${why}; name the city in the file name to choose`);
  const government = authorPlace ? governmentOf(authorPlace, level, titleView, script) : null;
  return { level, author: authorPlace, government, byLevel, warnings };
}
