/** Character data kept under data/lexicon/ (see scripts/build-common-chars.ts). Read once, lazily. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

let common: Set<string> | undefined;

export function commonChars(): Set<string> {
  common ??= new Set([...readFileSync(dataPath('lexicon', 'common-chars.txt'), 'utf8').replace(/\s/g, '')]);
  return common;
}

export const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);

/**
 * The UTF-16 code units of `chars`, for scanners that look at every character of a report: indexing a
 * string for a Chinese character makes a new one-character string each time, `charCodeAt` does not.
 */
export const codeUnits = (chars: string): number[] => [...chars].map((c) => c.charCodeAt(0));

/** A table of code units (1 for each of `chars`): one array access per character scanned, cheaper than a Set. */
export function codeUnitTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of codeUnits(chars)) table[c] = 1;
  return table;
}

/** Words by the code unit they start (or end) with, longest first: one map access per position scanned. */
export type WordIndex = Map<number, string[]>;

function indexWords(words: Iterable<string>, at: (w: string) => number): WordIndex {
  const index: WordIndex = new Map();
  for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) index.set(at(w), [...(index.get(at(w)) ?? []), w]);
  return index;
}
export const indexByFirst = (words: Iterable<string>): WordIndex => indexWords(words, (w) => w.charCodeAt(0));
export const indexByLast = (words: Iterable<string>): WordIndex => indexWords(words, (w) => w.charCodeAt(w.length - 1));

/** The longest word of `index` (by first code unit) that starts at `i` of `text`. */
export const wordStartingAt = (index: WordIndex, text: string, i: number): string | undefined => index.get(text.charCodeAt(i))?.find((w) => text.startsWith(w, i));

/** The longest word of `index` (by last code unit) that ends at `at` of `text` (and starts at or after `from`). */
export const wordEndingAt = (index: WordIndex, text: string, at: number, from = 0): string | undefined =>
  index.get(text.charCodeAt(at - 1))?.find((w) => at - w.length >= from && text.startsWith(w, at - w.length));

/** Share of the Han and other non-ASCII characters in `text` that are common Chinese characters. */
export function commonCharScore(text: string): number {
  const set = commonChars();
  let seen = 0;
  let good = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 || /[\s\p{P}]/u.test(ch)) continue;
    seen++;
    if (set.has(ch)) good++;
    if (seen >= 20000) break;
  }
  return seen === 0 ? 0 : good / seen;
}
