/** Every fact about one entity, with its evidence and the rule that produced it. */
import { UsageError } from '../errors.js';
import { foldName } from '../text/fold.js';
import { removeReadings } from '../text/ruby.js';
import type { CorrectionOutcome, EdgeAttributes, SerializedGraph, SerializedNode } from './model.js';

export interface Fact {
  direction: 'out' | 'in';
  type: EdgeAttributes['type'];
  other: SerializedNode;
  attributes: EdgeAttributes;
}

/** Find a node by key, or by name or alias in either script (quotes and 《》 do not matter). */
export function findNode(graph: SerializedGraph, query: string, call = 'findNode'): SerializedNode {
  const byKey = graph.nodes.find((n) => n.key === query);
  if (byKey) return byKey;
  const key = foldName(query);
  const exact = graph.nodes.filter(
    (n) => foldName(n.attributes.nameSimplified) === key || n.attributes.aliases.some((a) => foldName(a) === key),
  );
  if (exact.length > 0) return exact.sort((a, b) => b.attributes.mentions.length - a.attributes.mentions.length)[0]!;
  const rejected = graph.attributes.corrections?.find((o) => o.op === 'reject' && o.status === 'applied' && o.keys.some((k) => foldName(k.slice(k.indexOf(':') + 1)) === key));
  if (rejected) throw new UsageError(`${call}: "${query}" was taken out of the graph by the correction ${rejected.label} (${graph.attributes.correctionsFile ?? 'corrections file'}).`);
  const near = graph.nodes.filter((n) => foldName(n.attributes.nameSimplified).includes(key)).slice(0, 5);
  const hint = near.length > 0 ? ` Did you mean: ${near.map((n) => n.attributes.name).join(', ')}?` : '';
  throw new UsageError(`${call}: no entity named "${query}" in the graph.${hint}`);
}

export function factsAbout(graph: SerializedGraph, node: SerializedNode): Fact[] {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const facts: Fact[] = [];
  for (const e of graph.edges) {
    if (e.source === node.key) facts.push({ direction: 'out', type: e.attributes.type, other: byKey.get(e.target)!, attributes: e.attributes });
    else if (e.target === node.key) facts.push({ direction: 'in', type: e.attributes.type, other: byKey.get(e.source)!, attributes: e.attributes });
  }
  return facts;
}

/** The corrections of the graph's corrections file that named this entity and were applied. */
export function correctionsAbout(graph: SerializedGraph, node: SerializedNode): CorrectionOutcome[] {
  return (graph.attributes.corrections ?? []).filter((o) => o.status === 'applied' && o.keys.includes(node.key));
}

export function formatFacts(node: SerializedNode, facts: Fact[], graph?: SerializedGraph): string {
  const a = node.attributes;
  const lines = [`${a.name} (${a.type}) — aliases: ${a.aliases.join('、')}; ${a.mentions.length} mention(s)`];
  for (const c of a.corrections ?? []) lines.push(`corrected by ${c}`);
  // Corrections that changed its facts without changing it (a rejected fact) are in the graph's record.
  for (const o of graph ? correctionsAbout(graph, node) : []) if (!(a.corrections ?? []).some((c) => c.startsWith(`#${o.index + 1} `))) lines.push(`corrected by ${o.label}`);
  for (const f of facts) {
    const arrow = f.direction === 'out' ? `-[${f.type}]->` : `<-[${f.type}]-`;
    const flags = [f.attributes.status, f.attributes.implicit ? 'implicit actor' : 'stated actor', `rule ${f.attributes.rule}`, ...(f.attributes.corrections ?? []).map((c) => `corrected by ${c}`)].join(', ');
    lines.push(`${arrow} ${f.other.attributes.name} (${f.other.attributes.type}; ${flags})`);
    for (const ev of f.attributes.evidence) {
      lines.push(`    ${ev.doc} [${ev.start}–${ev.end}] ${ev.section.join(' › ') || '(no section)'} · ${ev.rule}`);
      lines.push(`    「${removeReadings(ev.sentence)}」`);
    }
  }
  if (facts.length === 0) lines.push('(no relations)');
  return `${lines.join('\n')}\n`;
}
