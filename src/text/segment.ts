/**
 * Segmentation with nodejieba on the matching view. 《》 titles and “” quoted names are kept whole, and
 * the user dictionary under data/lexicon/ keeps agency names whole. Tokens carry original offsets.
 */
import nodejieba from 'nodejieba';
import { dataPath } from '../paths.js';
import { toOriginalSpan, type NormalizedText } from './normalize.js';

export interface Token {
  /** Exactly `original.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Offsets into the clean text / view. */
  cleanStart: number;
  cleanEnd: number;
  /** The token in the matching view (simplified). */
  view: string;
}

export const USER_DICT = dataPath('lexicon', 'user.dict.utf8');
/**
 * A one-word IDF table: nodejieba loads one for keyword extraction, which report2graph never uses, and
 * its default (6 MB) costs a fifth of every thread's dictionary loading.
 */
const IDF_STUB = dataPath('lexicon', 'idf.stub.utf8');
let loaded = false;

function ensureLoaded(): void {
  if (loaded) return;
  nodejieba.load({ userDict: USER_DICT, idfDict: IDF_STUB });
  loaded = true;
}

/** Spans of the view kept whole: 《…》 and “…” contents (marks stay separate tokens). */
const PROTECTED = /《[^《》\n]{1,80}》|“[^“”\n]{1,30}”/g;

/**
 * Calls `emit(start, end)` for each word of the clean range [from, to), in order (clean offsets).
 * nodejieba cuts the whole range in one call; the words inside a protected span (《…》, “…”) are then
 * joined into one. No arrays or generators per word: this runs for every word of every report.
 */
function forEachWord(text: NormalizedText, from: number, to: number, emit: (start: number, end: number) => void): void {
  if (to <= from) return;
  ensureLoaded();
  const piece = text.view.slice(from, to);
  // Protected spans, as [start, end) pairs of clean offsets (inside the marks), in order.
  const spans: number[] = [];
  PROTECTED.lastIndex = 0;
  for (let m = PROTECTED.exec(piece); m; m = PROTECTED.exec(piece)) spans.push(from + m.index + 1, from + m.index + m[0].length - 1);
  let p = 0;
  let at = 0;
  for (const word of nodejieba.cut(piece, true)) {
    const found = piece.indexOf(word, at);
    if (found < 0) continue; // nodejieba never invents text; skip defensively if it normalizes a character
    at = found + word.length;
    if (SPACE.test(word)) continue;
    const s = from + found;
    const e = from + at;
    while (p < spans.length && spans[p + 1]! <= s) p += 2;
    if (p < spans.length && s >= spans[p]! && e <= spans[p + 1]!) {
      if (s === spans[p]) emit(spans[p]!, spans[p + 1]!);
      continue;
    }
    emit(s, e);
  }
}

const SPACE = /^\s+$/;

/** Segment the clean range [from, to) of `text` (default: all of it). */
export function segment(text: NormalizedText, from = 0, to = text.view.length): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, from, to, (s, e) => pushToken(text, tokens, s, e));
  return tokens;
}

/** Where words start and end (1 at a clean offset), without building tokens: what extraction needs. */
export function wordBoundaries(text: NormalizedText): { starts: Uint8Array; ends: Uint8Array } {
  const starts = new Uint8Array(text.view.length + 1);
  const ends = new Uint8Array(text.view.length + 1);
  forEachWord(text, 0, text.view.length, (s, e) => {
    starts[s] = 1;
    ends[e] = 1;
  });
  return { starts, ends };
}

/** Tags already asked for: the rules tag the same short phrases again and again (half of the corpus's calls). */
const tagCache = new Map<string, ReadonlyArray<{ word: string; tag: string }>>();
const TAG_CACHE_SIZE = 50_000;
/**
 * Each word's tag. jieba tags a text by cutting it (as `cut(text, true)` does) and looking each word up,
 * whatever its neighbours: a word's tag is the one jieba gives the word alone, when alone it stays one
 * word. Cutting and looking up the few words not seen yet costs a third of tagging every phrase anew.
 */
const wordTags = new Map<string, string | null>();

/** Part-of-speech tags of `text`'s words, from the same dictionaries as segmentation. */
export function tagWords(text: string): ReadonlyArray<{ word: string; tag: string }> {
  let tags = tagCache.get(text);
  if (!tags) {
    ensureLoaded();
    if (tagCache.size >= TAG_CACHE_SIZE) tagCache.clear();
    tagCache.set(text, (tags = tagByWords(text) ?? nodejieba.tag(text)));
  }
  return tags;
}

/** The tags of `text` from its words' own tags; undefined when a word alone is cut into several. */
function tagByWords(text: string): Array<{ word: string; tag: string }> | undefined {
  const out: Array<{ word: string; tag: string }> = [];
  for (const word of nodejieba.cut(text, true)) {
    let tag = wordTags.get(word);
    if (tag === undefined) {
      const alone = nodejieba.tag(word);
      tag = alone.length === 1 && alone[0]!.word === word ? alone[0]!.tag : null;
      if (wordTags.size >= TAG_CACHE_SIZE) wordTags.clear();
      wordTags.set(word, tag);
    }
    if (tag === null) return undefined;
    out.push({ word, tag });
  }
  return out;
}

/** Cut the view with nodejieba alone (no protected spans): the baseline the benchmarks compare with. */
export function cutView(view: string): string[] {
  ensureLoaded();
  return nodejieba.cut(view, true);
}

function pushToken(text: NormalizedText, tokens: Token[], s: number, e: number): void {
  if (e <= s) return;
  const span = toOriginalSpan(text, s, e);
  tokens.push({ text: text.original.slice(span.start, span.end), start: span.start, end: span.end, cleanStart: s, cleanEnd: e, view: text.view.slice(s, e) });
}
