/**
 * Leaked pinyin ruby: web pages that annotate a character with its reading (<ruby>創<rt>chuàng</rt></ruby>)
 * scrape to `創(chuàng)`. An annotation is removed only when the parenthesised word is a real reading of
 * the character before it, as pinyin-pro knows it, so `(AI)`, `(PPP)` or `(修訂)` stay.
 */
import { pinyin } from 'pinyin-pro';
import { simplify } from './script.js';

export interface RubyReading {
  /** Offsets of the annotation `(chuàng)` in the text it was found in. */
  start: number;
  end: number;
  /** The annotated character and its reading. */
  char: string;
  reading: string;
}

const CANDIDATE = /(?<=(\p{Script=Han}))[(（]([a-zA-Z\u00c0-\u024f\u0300-\u036f]{1,7})[)）]/gu;
const cache = new Map<string, Set<string>>();

function readingsOf(char: string): Set<string> {
  let readings = cache.get(char);
  if (!readings) {
    readings = new Set<string>();
    for (const c of new Set([char, simplify(char)])) {
      const list = pinyin(c, { multiple: true, type: 'array', toneType: 'symbol' });
      for (const r of list) if (r !== c) readings.add(r.normalize('NFC').toLowerCase());
    }
    cache.set(char, readings);
  }
  return readings;
}

/** True when `reading` (with tone marks) is one of the readings of `char`. */
export function isReadingOf(char: string, reading: string): boolean {
  return readingsOf(char).has(reading.normalize('NFC').toLowerCase());
}

/** Every leaked reading in `text`, in order. */
export function findRubyReadings(text: string): RubyReading[] {
  const found: RubyReading[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const char = m[1]!;
    const reading = m[2]!;
    if (isReadingOf(char, reading)) found.push({ start: m.index, end: m.index + m[0].length, char, reading });
  }
  return found;
}

/** `text` without its leaked readings (for display of evidence, which is kept exactly as the original). */
export function removeReadings(text: string): string {
  let out = '';
  let from = 0;
  for (const r of findRubyReadings(text)) {
    out += text.slice(from, r.start);
    from = r.end;
  }
  return out + text.slice(from);
}
