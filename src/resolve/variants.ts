/**
 * Variants of a program's name across the reports of one jurisdiction: what one report plans as
 * 智慧菜篮子工程 a later one reports done as 智慧菜篮子系统, and 美高梅酒店 as 小梅沙美高梅酒店. They are
 * different nodes (resolution merges only names that fold the same); `track` counts such a later
 * mention as the planned one by these rules, whose words are data (`data/extract/track.json`), and says
 * which rule matched.
 */
import { gazetteer } from '../extract/gazetteer.js';
import { loadLexicon } from '../extract/lexicon.js';
import type { NodeAttributes } from '../graph/model.js';
import { foldName } from '../text/fold.js';

export interface VariantLexicon {
  variantTrailWords: string[];
  minVariantCore: number;
  minQualifiedName: number;
  qualifierWords: string[];
}

const lexicon = (): VariantLexicon => loadLexicon('track');

/** A name without the words at its end that say what kind of work it is (工程, 项目, 一期…), folded. */
const cores = new Map<string, string>();
export function variantCore(name: string): string {
  const cached = cores.get(name);
  if (cached !== undefined) return cached;
  const words = [...lexicon().variantTrailWords].sort((a, b) => b.length - a.length);
  let core = fold(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of words) {
      if (core.length > w.length && core.endsWith(w)) {
        core = core.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  cores.set(name, core);
  return core;
}

/** A qualifier that says where or at what level, not what: a division's name (龙华, 广州市) or one of qualifierWords. */
function placeOrLevel(q: string): boolean {
  if (lexicon().qualifierWords.includes(q)) return true;
  const names = gazetteer().byName;
  return ['', '市', '区', '省', '县'].some((end) => names.has(q + end));
}

const folded = new Map<string, string>();
const fold = (name: string) => {
  let f = folded.get(name);
  if (f === undefined) folded.set(name, (f = foldName(name)));
  return f;
};

/** Why `later` names the same program as `earlier` by the variant rule, or null when it does not. */
export function variantOf(earlier: string, later: string): string | null {
  const lex = lexicon();
  if (fold(earlier) === fold(later)) return null;
  const a = variantCore(earlier);
  const b = variantCore(later);
  if (a.length < lex.minVariantCore || !b.endsWith(a)) return null;
  const qualifier = b.slice(0, b.length - a.length);
  if (qualifier && (a.length < lex.minQualifiedName || !placeOrLevel(qualifier))) return null;
  const before = qualifier ? ` with “${qualifier}” before it` : '';
  return `“${later}” is a variant of “${earlier}”: its core is “${a}”${before} (the name without the kind of work at its end; data/extract/track.json)`;
}

/**
 * Link each program and regulation to the entities of its type whose names are variants of its name
 * (NodeAttributes.variants, sorted keys), over the whole merged graph; links from an earlier merge are
 * replaced. `track` and the curated `track` query read these links.
 */
export function linkVariants(nodes: Map<string, NodeAttributes>): void {
  const lex = lexicon();
  const byCore = new Map<string, string[]>();
  for (const [key, n] of nodes) {
    delete n.variants;
    if (n.type !== 'Program' && n.type !== 'Regulation') continue;
    const core = variantCore(n.nameSimplified);
    byCore.set(core, [...(byCore.get(core) ?? []), key]);
  }
  for (const [key, n] of nodes) {
    if (n.type !== 'Program' && n.type !== 'Regulation') continue;
    const core = variantCore(n.nameSimplified);
    for (let i = 0; core.length - i >= lex.minVariantCore; i++) {
      const qualifier = core.slice(0, i);
      const base = core.slice(i);
      if (qualifier && (base.length < lex.minQualifiedName || !placeOrLevel(qualifier))) continue;
      for (const earlier of byCore.get(base) ?? []) {
        const e = nodes.get(earlier)!;
        if (earlier === key || e.type !== n.type) continue;
        (e.variants ??= []).push(key);
      }
    }
  }
  for (const n of nodes.values()) n.variants?.sort();
}
