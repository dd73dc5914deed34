/**
 * Script handling: the matching view is simplified (OpenCC) and width-folded, and always has exactly
 * as many UTF-16 code units as its input, so offsets carry over unchanged.
 */
import * as OpenCC from 'opencc-js';

export type Script = 'traditional' | 'simplified';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const s2t = OpenCC.Converter({ from: 'cn', to: 't' });

/** Simplified characters, same length as the input (phrase conversions that change length are undone per character). */
export function simplify(text: string): string {
  const out = t2s(text);
  if (out.length === text.length) return out;
  let result = '';
  for (const ch of text) {
    const c = t2s(ch);
    result += c.length === ch.length ? c : ch;
  }
  return result;
}

/** Traditional characters (for building lexicon variants), same length as the input. */
export function traditionalize(text: string): string {
  const out = s2t(text);
  return out.length === text.length ? out : text;
}

/** Full-width ASCII to half-width, ideographic space to space. Length-preserving. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The matching view of a text: simplified and width-folded. */
export function matchingView(text: string): string {
  return foldWidth(simplify(text));
}

/** Which script a text is in, given its simplified form (same length): traditional when a noticeable share of its Han characters change. */
export function scriptOf(sample: string, simplified: string): Script {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (simplified.charCodeAt(i) !== c) changed++;
  }
  return han > 0 && changed / han > 0.03 ? 'traditional' : 'simplified';
}

/** True when `ch` is a simplified-only form (it would change if written in traditional). */
export function isSimplifiedOnly(ch: string): boolean {
  return s2t(ch) !== ch && t2s(ch) === ch;
}
