/**
 * The side panel: details of a node and, for an agency, what it did grouped by relation, each with its
 * evidence sentence (the entity marked), section and status. Built with DOM nodes and textContent only:
 * text from documents is never parsed as HTML.
 */
import type { DocumentInfo, EdgeAttributes, Evidence, MetricAttributes, NodeAttributes } from '../../src/graph/model.js';
import type { ViewerGraph } from './visibility.js';

const RELATION_TITLES: Record<string, string> = { ISSUED: 'Issued 發布', IMPLEMENTED: 'Implemented 實施', MEASURED: 'Measured 數據' };
/** Leaked pinyin readings, removed for display only (the evidence itself keeps the original text). */
const READING = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}\)/gu;

/** An element with its text (as text, never HTML) and class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** A sentence with the first occurrence of any of `names` marked. */
export function markedSentence(sentence: string, names: string[]): HTMLElement {
  const text = sentence.replace(READING, '');
  const p = el('p', undefined, 'evidence');
  const found = names
    .filter(Boolean)
    .map((n) => [n, text.indexOf(n)] as const)
    .filter(([, i]) => i >= 0)
    .sort((a, b) => a[1] - b[1] || b[0].length - a[0].length)[0];
  if (!found) {
    p.textContent = text;
    return p;
  }
  const [name, at] = found;
  p.append(document.createTextNode(text.slice(0, at)), el('mark', name), document.createTextNode(text.slice(at + name.length)));
  return p;
}

/**
 * A sentence with damaged spans (lost characters, mojibake) marked as damaged, each with its reason; shown
 * as the document has it.
 */
export function damagedSentence(sentence: string, start: number, damage: DocumentInfo['damage']): HTMLElement {
  const p = el('p', undefined, 'evidence');
  let at = 0;
  for (const d of damage.filter((x) => x.start >= start && x.end <= start + sentence.length).sort((a, b) => a.start - b.start)) {
    const from = d.start - start;
    if (from < at) continue;
    const mark = el('mark', sentence.slice(from, d.end - start), 'damaged');
    mark.title = `damaged (${d.kind}): ${d.reason}`;
    p.append(document.createTextNode(sentence.slice(at, from)), mark);
    at = d.end - start;
  }
  p.append(document.createTextNode(sentence.slice(at)));
  return p;
}

export function evidenceBlock(evidence: Evidence[], names: string[], edge: EdgeAttributes, documents: Map<string, DocumentInfo>): HTMLElement {
  const div = el('div');
  for (const ev of evidence) {
    const damage = (documents.get(ev.doc)?.damage ?? []).filter((d) => d.start >= ev.start && d.end <= ev.end);
    div.append(damage.length ? damagedSentence(ev.sentence, ev.start, damage) : markedSentence(ev.sentence, names));
    const meta = [ev.section.join(' › ') || '(no section)', edge.status, edge.implicit ? 'actor inferred' : 'actor stated', ev.rule, `${ev.doc} [${ev.start}–${ev.end}]`];
    div.append(el('div', meta.join(' · '), 'meta'));
  }
  return div;
}

function details(a: NodeAttributes): HTMLElement {
  const dl = el('dl');
  const row = (k: string, v: string) => dl.append(el('dt', k), el('dd', v));
  row('type', a.type);
  if (a.aliases.length) row('aliases', a.aliases.join('、'));
  row('mentions', `${a.mentions.length} (${[...new Set(a.mentions.map((m) => m.doc))].join(', ')})`);
  if (a.type === 'Metric') {
    const m = a as MetricAttributes;
    row('value', `${m.value} ${m.unit}${m.qualifier ? ` (${m.qualifier})` : ''}`);
    row('as written', m.raw);
    row('counts', m.label || '—');
    row('year', m.year === null ? '—' : String(m.year));
    row('status', m.status);
  }
  return dl;
}

/** `groupLimit`: items shown at first in each relation's group; the rest come with a button. `documents`: for the damage marks. */
export function renderPanel(panel: HTMLElement, graph: ViewerGraph, key: string | null, groupLimit: number, documents: DocumentInfo[] = []): void {
  const docs = new Map(documents.map((d) => [d.id, d]));
  panel.replaceChildren();
  if (key === null || !graph.hasNode(key)) {
    panel.append(el('p', 'Click an agency to trace what it did.', 'hint'));
    return;
  }
  const a = graph.getNodeAttributes(key);
  panel.append(el('h2', a.name), details(a));
  // Items are built when shown: an agency of a whole corpus can hold thousands.
  const groups = new Map<string, Array<() => HTMLElement>>();
  const add = (relation: string, item: () => HTMLElement) => {
    const list = groups.get(relation);
    if (list) list.push(item);
    else groups.set(relation, [item]);
  };
  const itemOf = (relation: string, heading: string, evidence: () => HTMLElement) => () => {
    const item = el('div', undefined, 'item');
    item.dataset.relation = relation;
    item.append(el('h4', heading), evidence());
    return item;
  };
  graph.forEachOutEdge(key, (_edge, e, _s, target) => {
    const t = graph.getNodeAttributes(target);
    add(e.type, itemOf(e.type, `→ ${t.name}`, () => evidenceBlock(e.evidence, [...t.aliases, t.name, ...a.aliases], e, docs)));
  });
  graph.forEachInEdge(key, (_edge, e, source) => {
    const s = graph.getNodeAttributes(source);
    add(e.type, itemOf(e.type, `← ${s.name}`, () => evidenceBlock(e.evidence, [...a.aliases, a.name, ...s.aliases], e, docs)));
  });
  for (const relation of ['ISSUED', 'IMPLEMENTED', 'MEASURED']) {
    const items = groups.get(relation);
    if (!items) continue;
    const section = el('section');
    section.dataset.relation = relation;
    section.append(el('h3', `${RELATION_TITLES[relation]} (${items.length})`), ...items.slice(0, groupLimit).map((build) => build()));
    if (items.length > groupLimit) {
      const more = el('button', `Show all ${items.length}`, 'more');
      more.type = 'button';
      more.addEventListener('click', () => more.replaceWith(...items.slice(groupLimit).map((build) => build())));
      section.append(more);
    }
    panel.append(section);
  }
}

/** A path, step by step: each fact between two entities of the chain, with its evidence. */
export function renderPath(graph: ViewerGraph, chain: string[], edges: Set<string>, documents: DocumentInfo[]): HTMLElement {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const list = el('ol', undefined, 'path-steps');
  for (let i = 0; i + 1 < chain.length; i++) {
    const [a, b] = [chain[i]!, chain[i + 1]!];
    const edge = graph.edges(a, b).find((e) => edges.has(e)) ?? graph.edges(b, a).find((e) => edges.has(e));
    if (!edge) continue;
    const e = graph.getEdgeAttributes(edge);
    const [from, to] = [graph.source(edge), graph.target(edge)].map((k) => graph.getNodeAttributes(k));
    const step = el('li', undefined, 'item');
    step.dataset.relation = e.type;
    step.append(el('h4', `${from!.name} —${e.type}→ ${to!.name}`), evidenceBlock(e.evidence, [...from!.aliases, from!.name, ...to!.aliases, to!.name], e, docs));
    list.append(step);
  }
  return list;
}
