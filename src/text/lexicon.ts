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

/**
 * A set of words as a trie of UTF-16 code units, read from a word's first unit (indexByFirst) or from its
 * last (indexByLast): a scanner that asks at every position of a report which word starts (or ends) there
 * pays one map access where none does, and then one per character of the longest candidate, however many
 * words share their first character (a gazetteer has dozens per character).
 */
export interface WordIndex {
  readonly root: Map<number, WordNode>;
  /** 1 for each code unit a word starts (or ends) with: most positions are ruled out by one array access. */
  readonly heads: Uint8Array;
}
interface WordNode {
  word?: string;
  next?: Map<number, WordNode>;
}

function indexWords(words: Iterable<string>, backward: boolean): WordIndex {
  const root = new Map<number, WordNode>();
  const heads = new Uint8Array(0x10000);
  for (const w of words) {
    if (w.length === 0) continue;
    let level = root;
    let node: WordNode | undefined;
    for (let k = 0; k < w.length; k++) {
      const code = w.charCodeAt(backward ? w.length - 1 - k : k);
      node = level.get(code);
      if (!node) level.set(code, (node = {}));
      if (k < w.length - 1) level = node.next ??= new Map();
    }
    node!.word = w;
    heads[w.charCodeAt(backward ? w.length - 1 : 0)] = 1;
  }
  return { root, heads };
}
export const indexByFirst = (words: Iterable<string>): WordIndex => indexWords(words, false);
export const indexByLast = (words: Iterable<string>): WordIndex => indexWords(words, true);

/** Whether some word of `index` starts (indexByFirst) or ends (indexByLast) with the code unit `code`. */
export const indexHas = (index: WordIndex, code: number): boolean => index.heads[code] === 1;

/** The longest word of `index` (by first code unit) that starts at `i` of `text`. */
export function wordStartingAt(index: WordIndex, text: string, i: number): string | undefined {
  if (index.heads[text.charCodeAt(i)] !== 1) return undefined;
  let found: string | undefined;
  let node = index.root.get(text.charCodeAt(i));
  for (let j = i + 1; node; j++) {
    if (node.word !== undefined) found = node.word;
    if (!node.next || j >= text.length) break;
    node = node.next.get(text.charCodeAt(j));
  }
  return found;
}

/** Every word of `index` (by first code unit) that starts at `i` of `text`, shortest first. */
export function wordsStartingAt(index: WordIndex, text: string, i: number): string[] {
  const found: string[] = [];
  let node = index.root.get(text.charCodeAt(i));
  for (let j = i + 1; node; j++) {
    if (node.word !== undefined) found.push(node.word);
    if (!node.next || j >= text.length) break;
    node = node.next.get(text.charCodeAt(j));
  }
  return found;
}

/** The longest word of `index` (by last code unit) that ends at `at` of `text` (and starts at or after `from`). */
export function wordEndingAt(index: WordIndex, text: string, at: number, from = 0): string | undefined {
  if (at - 1 < from || index.heads[text.charCodeAt(at - 1)] !== 1) return undefined;
  let found: string | undefined;
  let node = index.root.get(text.charCodeAt(at - 1));
  for (let j = at - 2; node; j--) {
    if (node.word !== undefined) found = node.word;
    if (!node.next || j < from) break;
    node = node.next.get(text.charCodeAt(j));
  }
  return found;
}

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
