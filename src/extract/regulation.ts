/**
 * Regulations: titles in 《》 (named without the marks), and documents named without marks where the
 * verb shows one is issued (印發習近平法治思想學習方案, 出臺“制造業當家”16條措施).
 */
import { claim, isFree, type EntityMention, type ExtractContext } from './context.js';
import { alternation, regulationLexicon, relationLexicon } from './lexicon.js';

export function findRegulations(ctx: ExtractContext): EntityMention[] {
  const lex = regulationLexicon();
  const found: EntityMention[] = [];
  const { view, clean } = ctx;
  const push = (start: number, end: number, rule: string) => {
    const surface = clean.slice(start, end);
    found.push({ type: 'Regulation', start, end, surface, name: surface, nameSimplified: view.slice(start, end), rule });
  };

  for (const m of view.matchAll(/《([^《》\n]{2,120})》/g)) {
    const title = m[1]!;
    if (lex.notRegulationSuffixes.some((s) => title.endsWith(s))) continue;
    push(m.index + 1, m.index + 1 + title.length, 'regulation-title');
    claim(ctx, m.index, m.index + m[0].length);
  }

  const verbs = alternation(relationLexicon().issue);
  const suffixes = alternation(lex.documentSuffixes);
  const unbracketed = new RegExp(`(?:${verbs})((?:“[^“”]{1,20}”)?[\\p{Script=Han}“”0-9]{2,${lex.maxUnbracketed}}?(?:${suffixes}))(?![\\p{Script=Han}])`, 'gu');
  for (const m of view.matchAll(unbracketed)) {
    const name = m[1]!;
    const start = m.index + m[0].length - name.length;
    const end = start + name.length;
    if (/^[0-9]/.test(name) || !isFree(ctx, start, end)) continue;
    push(start, end, 'regulation-issued-unbracketed');
    claim(ctx, start, end);
  }
  return found.sort((a, b) => a.start - b.start);
}
