/**
 * Normalization: remove leaked pinyin readings, report damage, and build the matching view. Every
 * position of the cleaned text and the view maps back to the original text (`toOriginal`).
 */
import { findDamage, type DamageSpan } from './damage.js';
import { findRubyReadings, type RubyReading } from './ruby.js';
import { matchingView, scriptOf, type Script } from './script.js';

export interface Span {
  start: number;
  end: number;
}

export interface NormalizedText {
  /** The decoded document, untouched. All public offsets point into it. */
  original: string;
  /** The original without leaked readings, in the document's own script. */
  clean: string;
  /** `clean` simplified and width-folded, for matching; exactly as long as `clean`. */
  view: string;
  /** `toOriginal[i]` is the original offset of `clean[i]`; `toOriginal[clean.length]` is `original.length`. */
  toOriginal: Int32Array;
  script: Script;
  readings: RubyReading[];
  damage: DamageSpan[];
}

export function normalize(original: string): NormalizedText {
  const readings = findRubyReadings(original);
  const toOriginal = new Int32Array(original.length + 1);
  let clean = '';
  let from = 0;
  let n = 0;
  for (const r of [...readings, { start: original.length, end: original.length }]) {
    clean += original.slice(from, r.start);
    for (let i = from; i < r.start; i++) toOriginal[n++] = i;
    from = r.end;
  }
  toOriginal[n] = original.length;
  const view = matchingView(clean);
  const script = scriptOf(clean, view);
  const damage = findDamage(original, script, readings);
  return { original, clean, view, toOriginal: toOriginal.slice(0, n + 1), script, readings, damage };
}

/** The original span of the clean span [start, end). */
export function toOriginalSpan(text: NormalizedText, start: number, end: number): Span {
  if (end <= start) {
    const at = text.toOriginal[start]!;
    return { start: at, end: at };
  }
  return { start: text.toOriginal[start]!, end: text.toOriginal[end - 1]! + 1 };
}
