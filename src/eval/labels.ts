/**
 * Metric-label quality. A label is **usable** when a reader can tell what was measured without reading
 * the sentence. Two checks, both needed:
 * - *well formed*: after a trailing word of change (增长, 下降, 提高…), which reads as "growth of X", what
 *   is left is a noun phrase — at least two Chinese characters, its last word a noun to jieba (or a
 *   measure noun such as 率, 额, 量), no dangling connector or bracket at either end. A bare verb (增长,
 *   形成, 出台), a preposition (对) or a fragment (（其中正职, 风雨连廊和) fails.
 * - *on topic* (only where a gold label exists): it shares a word of two or more characters with the
 *   annotator's label, so it names the same thing, not a neighbouring noun.
 * The share of usable labels among the metrics matched to the gold is what `eval` reports; the share of
 * well-formed labels can be measured on any report, annotated or not.
 */
import { foldName } from '../text/fold.js';
import { tagWords } from '../text/segment.js';

const CHANGE = /(同比)?(增长|下降|提高|提升|减少|增加|降低|上升|增至|降至|达到|达|突破|超过)$/u;
const NOUN_TAGS = /^(n|nz|ng|nr|ns|nt|nrt|nrfg|vn|an|j|l|eng)$/;
const MEASURE_NOUNS = /[率额量数值价费比重度积力]$/u;
const DANGLING = /^[和与及、的（(“]|[和与及、的（(“”]$/u;

export function labelWellFormed(label: string): boolean {
  const text = foldName(label).replace(CHANGE, '');
  if ((text.match(/\p{Script=Han}/gu) ?? []).length < 2 || DANGLING.test(text)) return false;
  if (MEASURE_NOUNS.test(text)) return true;
  const words = tagWords(text);
  return NOUN_TAGS.test(words.at(-1)?.tag ?? '');
}

/** Words of two or more characters (jieba), folded. */
function contentWords(text: string): Set<string> {
  return new Set(tagWords(foldName(text)).map((w) => w.word).filter((w) => w.length >= 2));
}

export function labelOnTopic(label: string, goldLabel: string): boolean {
  const gold = contentWords(goldLabel);
  for (const w of contentWords(label)) if (gold.has(w)) return true;
  // Short labels: the label's characters all in the gold label, in order (事业单位 ⊂ 减少的事业单位数).
  return foldName(label).length >= 2 && foldName(goldLabel).includes(foldName(label).replace(CHANGE, ''));
}

export const labelUsable = (label: string, goldLabel: string): boolean => labelWellFormed(label) && labelOnTopic(label, goldLabel);
