/**
 * Metric-label quality, as `eval` reports it. A label is **usable** when a reader can tell what was
 * measured without the sentence, which takes two things:
 * - *well formed* (`labelWellFormed`, the one test the extractor also uses): after a word of change
 *   (增长, 下降…, read as "growth of X"), a noun phrase of two or more Chinese characters with no
 *   dangling connector — not a bare verb (增长, 形成), a preposition (对) or a fragment (（其中正职, 风雨连廊和);
 * - *on topic*, judged against the annotator's own label and independent of the rules: the two share a
 *   two-character sequence other than a word of change, so the label names the same thing, not a
 *   neighbouring noun.
 * The share of usable labels among the metrics matched to the gold is the measure; the share of
 * well-formed labels is shown beside it and can be computed on any report.
 */
import { agencyLexicon, metricLexicon } from '../extract/lexicon.js';
import { labelSubject, labelWellFormed } from '../extract/metric-label.js';
import { foldName } from '../text/fold.js';

export { labelWellFormed };

/** Two-character words that say nothing of what is measured: words of change, lead words, scope words. */
let generic: Set<string> | undefined;
const genericWords = () =>
  (generic ??= new Set([...metricLexicon().changeWords, ...metricLexicon().labelLeadWords, ...Object.keys(agencyLexicon().scopeWords)].filter((w) => w.length === 2)));

function bigrams(text: string): Set<string> {
  const han = [...foldName(text)].filter((c) => /\p{Script=Han}/u.test(c));
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) {
    const b = han[i]! + han[i + 1]!;
    if (!genericWords().has(b)) out.add(b);
  }
  return out;
}

export function labelOnTopic(label: string, goldLabel: string): boolean {
  const gold = bigrams(goldLabel);
  for (const b of bigrams(labelSubject(label))) if (gold.has(b)) return true;
  return false;
}

export const labelUsable = (label: string, goldLabel: string): boolean => labelWellFormed(label) && labelOnTopic(label, goldLabel);
