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
let loaded = false;

function ensureLoaded(): void {
  if (loaded) return;
  nodejieba.load({ userDict: USER_DICT });
  loaded = true;
}

/** Spans of the view kept whole: 《…》 and “…” contents (marks stay separate tokens). */
const PROTECTED = /《[^《》\n]{1,80}》|“[^“”\n]{1,30}”/g;

/** Segment the clean range [from, to) of `text` (default: all of it). */
export function segment(text: NormalizedText, from = 0, to = text.view.length): Token[] {
  ensureLoaded();
  const tokens: Token[] = [];
  const view = text.view.slice(from, to);
  let at = 0;
  for (const m of view.matchAll(PROTECTED)) {
    cutInto(text, tokens, from + at, from + m.index);
    const inner = from + m.index + 1;
    const innerEnd = from + m.index + m[0].length - 1;
    pushToken(text, tokens, inner - 1, inner);
    pushToken(text, tokens, inner, innerEnd);
    pushToken(text, tokens, innerEnd, innerEnd + 1);
    at = m.index + m[0].length;
  }
  cutInto(text, tokens, from + at, to);
  return tokens;
}

/** Cut the view with nodejieba alone (no protected spans): the baseline the benchmarks compare with. */
export function cutView(view: string): string[] {
  ensureLoaded();
  return nodejieba.cut(view, true);
}

function cutInto(text: NormalizedText, tokens: Token[], from: number, to: number): void {
  if (to <= from) return;
  const piece = text.view.slice(from, to);
  let at = 0;
  for (const word of nodejieba.cut(piece, true)) {
    const found = piece.indexOf(word, at);
    if (found < 0) continue; // nodejieba never invents text; skip defensively if it normalizes a character
    pushToken(text, tokens, from + found, from + found + word.length);
    at = found + word.length;
  }
}

function pushToken(text: NormalizedText, tokens: Token[], s: number, e: number): void {
  if (e <= s || /^\s+$/.test(text.view.slice(s, e))) return;
  const span = toOriginalSpan(text, s, e);
  tokens.push({ text: text.original.slice(span.start, span.end), start: span.start, end: span.end, cleanStart: s, cleanEnd: e, view: text.view.slice(s, e) });
}
