/**
 * Corrections a user keeps with their reports (corrections.yaml), applied after resolution on every
 * extract, the same way every time: merge entities, split one wrongly merged, rename, retype, reject an
 * entity or a fact, add a missed fact with its evidence span. Each names its targets by key (Program:…)
 * or by name or alias (either script, optionally `Type:` first). What no longer applies — a target
 * that vanished when rules or reports changed — is reported with why, never silently dropped; two
 * corrections that contradict each other are refused before anything is applied. Applying a file to a
 * graph it has already corrected changes nothing. No I/O here: the caller parses the file and gives
 * the report texts (for added facts' evidence and for splits).
 */
import { CorrectionsError } from '../errors.js';
import {
  edgeKey,
  entityKey,
  isRelationType,
  RELATION_ENDPOINTS,
  RELATION_TYPES,
  type CorrectionOutcome,
  type EdgeAttributes,
  type Evidence,
  type NodeAttributes,
  type NodeType,
  type RelationType,
  type SerializedEdge,
  type SerializedGraph,
  type SerializedNode,
  type Status,
} from '../graph/model.js';
import { foldName } from '../text/fold.js';
import { simplify } from '../text/script.js';

export type EntityType = Exclude<NodeType, 'Metric'>;
const ENTITY_TYPES: readonly EntityType[] = ['Agency', 'Regulation', 'Program'];

/** Who made a correction and why: optional on every entry. */
interface Said {
  note?: string;
  by?: string;
}

export interface FactRef {
  type: RelationType;
  source: string;
  target: string;
  /** Both statuses when left out. */
  status?: Status;
}

export type Correction = Said &
  (
    | { op: 'merge'; targets: string[]; keep?: string }
    | { op: 'split'; target: string; aliases: string[]; as: string }
    | { op: 'rename'; target: string; to: string }
    | { op: 'retype'; target: string; to: EntityType }
    | { op: 'reject'; target: string }
    | { op: 'reject-fact'; fact: FactRef }
    | { op: 'add'; fact: FactRef & { targetType?: EntityType; sourceType?: EntityType }; evidence: { doc: string; start: number; end: number; quote?: string } }
  );

export const CORRECTION_OPS: readonly CorrectionOutcome['op'][] = ['merge', 'split', 'rename', 'retype', 'reject', 'reject-fact', 'add'];


export interface CorrectionsResult {
  graph: SerializedGraph;
  outcomes: CorrectionOutcome[];
}

/** The original text of a report by document id, for added facts' evidence and splits; undefined when unreadable. */
export type ReadText = (doc: string) => Promise<string | undefined>;

// ---------------------------------------------------------------------------------------------------
// Reading a corrections file's entries (already parsed from YAML or JSON)

const KEYS: Record<Correction['op'], string[]> = {
  merge: ['merge', 'keep'],
  split: ['split', 'aliases', 'as'],
  rename: ['rename', 'to'],
  retype: ['retype', 'to'],
  reject: ['reject'],
  'reject-fact': ['reject-fact'],
  add: ['add', 'evidence'],
};

/** The corrections of a parsed file (`{corrections: [...]}`); a CorrectionsError names the file, the entry and what was expected. */
export function readCorrections(value: unknown, file: string): Correction[] {
  const fail = (where: string, what: string): never => {
    throw new CorrectionsError(`${file}: ${where}: ${what}`, file);
  };
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) fail('(top)', 'expected `corrections:` and a list of corrections');
  const list = (value as { corrections?: unknown }).corrections;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) fail('corrections', 'expected a list');
  return (list as unknown[]).map((entry, i) => {
    const where = `corrections[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail(where, `expected one of ${CORRECTION_OPS.join(', ')}`);
    const e = entry as Record<string, unknown>;
    const ops = CORRECTION_OPS.filter((op) => op in e);
    if (ops.length !== 1) fail(where, ops.length === 0 ? `say what to do: one of ${CORRECTION_OPS.join(', ')}` : `one correction per entry, not ${ops.join(' and ')}`);
    const op = ops[0]!;
    for (const k of Object.keys(e)) if (![...KEYS[op], 'note', 'by'].includes(k)) fail(`${where}.${k}`, `unknown key for ${op} (known: ${[...KEYS[op], 'note', 'by'].join(', ')})`);
    const text = (k: string): string => {
      const v = e[k];
      if (typeof v !== 'string' || v.trim() === '') fail(`${where}.${k}`, `expected a name or key, got ${JSON.stringify(v)}`);
      return (v as string).trim();
    };
    const names = (k: string, min: number): string[] => {
      const v = e[k];
      if (!Array.isArray(v) || v.length < min || v.some((x) => typeof x !== 'string' || x.trim() === '')) fail(`${where}.${k}`, `expected a list of at least ${min} names or keys`);
      return (v as string[]).map((x) => x.trim());
    };
    const said: Said = {};
    if (e.note !== undefined) said.note = String(e.note);
    if (e.by !== undefined) said.by = String(e.by);
    const entityType = (v: unknown, at: string): EntityType => {
      if (!ENTITY_TYPES.includes(v as EntityType)) fail(at, `expected one of ${ENTITY_TYPES.join(', ')}, got ${JSON.stringify(v)}`);
      return v as EntityType;
    };
    const fact = (v: unknown, at: string): FactRef & { targetType?: EntityType; sourceType?: EntityType } => {
      if (typeof v !== 'object' || v === null) fail(at, 'expected {type, source, target} (and status)');
      const f = v as Record<string, unknown>;
      for (const k of Object.keys(f)) if (!['type', 'source', 'target', 'status', 'targetType', 'sourceType'].includes(k)) fail(`${at}.${k}`, 'unknown key (known: type, source, target, status, sourceType, targetType)');
      if (!isRelationType(f.type)) fail(`${at}.type`, `expected one of ${RELATION_TYPES.join(', ')}, got ${JSON.stringify(f.type)}`);
      for (const k of ['source', 'target']) if (typeof f[k] !== 'string' || (f[k] as string).trim() === '') fail(`${at}.${k}`, 'expected a name or key');
      if (f.status !== undefined && f.status !== 'done' && f.status !== 'planned') fail(`${at}.status`, `expected done or planned, got ${JSON.stringify(f.status)}`);
      return {
        type: f.type as RelationType,
        source: (f.source as string).trim(),
        target: (f.target as string).trim(),
        ...(f.status ? { status: f.status as Status } : {}),
        ...(f.targetType !== undefined ? { targetType: entityType(f.targetType, `${at}.targetType`) } : {}),
        ...(f.sourceType !== undefined ? { sourceType: entityType(f.sourceType, `${at}.sourceType`) } : {}),
      };
    };
    switch (op) {
      case 'merge': {
        const c: Correction = { op, targets: names('merge', 2), ...said };
        if (e.keep !== undefined) c.keep = text('keep');
        return c;
      }
      case 'split':
        return { op, target: text('split'), aliases: names('aliases', 1), as: text('as'), ...said };
      case 'rename':
        return { op, target: text('rename'), to: text('to'), ...said };
      case 'retype':
        return { op, target: text('retype'), to: entityType(e.to, `${where}.to`), ...said };
      case 'reject':
        return { op, target: text('reject'), ...said };
      case 'reject-fact':
        return { op, fact: fact(e['reject-fact'], `${where}.reject-fact`), ...said };
      case 'add': {
        const ev = e.evidence as Record<string, unknown> | undefined;
        if (typeof ev !== 'object' || ev === null || typeof ev.doc !== 'string' || !Number.isInteger(ev.start) || !Number.isInteger(ev.end) || (ev.start as number) < 0 || (ev.end as number) <= (ev.start as number)) {
          fail(`${where}.evidence`, 'expected {doc, start, end} (offsets into the report, start before end) and optionally quote');
        }
        const f = fact(e.add, `${where}.add`);
        return { op, fact: f, evidence: { doc: ev!.doc as string, start: ev!.start as number, end: ev!.end as number, ...(typeof ev!.quote === 'string' ? { quote: ev!.quote } : {}) }, ...said };
      }
    }
  });
}

/** A correction as an entry of the file (the inverse of readCorrections). */
export function correctionEntry(c: Correction): Record<string, unknown> {
  const said = { ...(c.note !== undefined ? { note: c.note } : {}), ...(c.by !== undefined ? { by: c.by } : {}) };
  switch (c.op) {
    case 'merge':
      return { merge: c.targets, ...(c.keep ? { keep: c.keep } : {}), ...said };
    case 'split':
      return { split: c.target, aliases: c.aliases, as: c.as, ...said };
    case 'rename':
      return { rename: c.target, to: c.to, ...said };
    case 'retype':
      return { retype: c.target, to: c.to, ...said };
    case 'reject':
      return { reject: c.target, ...said };
    case 'reject-fact':
      return { 'reject-fact': c.fact, ...said };
    case 'add':
      return { add: c.fact, evidence: c.evidence, ...said };
  }
}

export function describeCorrection(c: Correction, index: number): string {
  const body = (() => {
    switch (c.op) {
      case 'merge':
        return `merge ${c.targets.join(' + ')}${c.keep ? ` (keep ${c.keep})` : ''}`;
      case 'split':
        return `split ${c.as} (${c.aliases.join('、')}) out of ${c.target}`;
      case 'rename':
        return `rename ${c.target} → ${c.to}`;
      case 'retype':
        return `retype ${c.target} → ${c.to}`;
      case 'reject':
        return `reject ${c.target}`;
      case 'reject-fact':
        return `reject ${c.fact.source} -${c.fact.type}-> ${c.fact.target}${c.fact.status ? ` (${c.fact.status})` : ''}`;
      case 'add':
        return `add ${c.fact.source} -${c.fact.type}-> ${c.fact.target} (${c.fact.status ?? 'done'}) from ${c.evidence.doc} [${c.evidence.start}–${c.evidence.end}]`;
    }
  })();
  const said = [c.note, c.by && `by ${c.by}`].filter(Boolean).join(', ');
  return `#${index + 1} ${body}${said ? ` — ${said}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------
// Conflicts: refused before anything is applied

/**
 * Two corrections that cannot both hold: two renames or two retypes of one target to different ends, a
 * reject of an entity another correction works on. Throws a CorrectionsError naming both.
 */
export function checkConflicts(corrections: Correction[], file: string): void {
  const ref = (s: string) => foldName(s.replace(/^(Agency|Regulation|Program|Metric):/, ''));
  const seen = new Map<string, { index: number; to: string }>();
  const rejected = new Map<string, number>();
  const touched = new Map<string, number>();
  const refuse = (a: number, b: number, why: string): never => {
    throw new CorrectionsError(`${file}: ${describeCorrection(corrections[a]!, a)} and ${describeCorrection(corrections[b]!, b)} conflict: ${why}; keep one of them.`, file);
  };
  corrections.forEach((c, i) => {
    const targets = c.op === 'merge' ? c.targets : c.op === 'reject-fact' ? [] : c.op === 'add' ? [c.fact.source, c.fact.target] : [c.target];
    for (const t of targets) {
      const r = ref(t);
      if (c.op === 'reject') {
        if (touched.has(r)) refuse(touched.get(r)!, i, `the second rejects ${t}, which the first works on`);
        rejected.set(r, i);
        continue;
      }
      if (rejected.has(r)) refuse(rejected.get(r)!, i, `the first rejects ${t}, which the second works on`);
      touched.set(r, touched.get(r) ?? i);
      if (c.op === 'rename' || c.op === 'retype') {
        const before = seen.get(`${c.op}|${r}`);
        if (before && before.to !== c.to) refuse(before.index, i, `they ${c.op} ${t} to ${before.to} and to ${c.to}`);
        seen.set(`${c.op}|${r}`, { index: i, to: c.to });
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Applying

interface Found {
  key: string;
  node: NodeAttributes;
}

class Working {
  readonly nodes = new Map<string, NodeAttributes>();
  readonly edges = new Map<string, { source: string; target: string; attributes: EdgeAttributes }>();

  constructor(graph: SerializedGraph) {
    for (const n of graph.nodes) this.nodes.set(n.key, structuredClone(n.attributes));
    for (const e of graph.edges) this.edges.set(e.key, { source: e.source, target: e.target, attributes: structuredClone(e.attributes) });
  }

  /** The entity a reference names (its key and attributes): a key, else `Type:name`, else a name or alias of any entity type. */
  find(ref: string): Found | { why: string } {
    const node = this.nodes.get(ref);
    if (node) return { key: ref, node };
    const typed = /^(Agency|Regulation|Program|Metric):(.*)$/.exec(ref);
    const folded = foldName(typed ? typed[2]! : ref);
    const named = (types: readonly NodeType[]) => [...this.nodes].filter(([, n]) => types.includes(n.type) && (foldName(n.nameSimplified) === folded || n.aliases.some((a) => foldName(a) === folded))).map(([k]) => k);
    // A key of another type is the entity a retype made of it (applying a file again finds it so).
    let hits = named(typed ? [typed[1] as NodeType] : ENTITY_TYPES);
    if (hits.length === 0 && typed) hits = named(ENTITY_TYPES);
    if (hits.length === 1) return { key: hits[0]!, node: this.nodes.get(hits[0]!)! };
    if (hits.length > 1) return { why: `“${ref}” names ${hits.length} entities (${hits.sort().join(', ')}); give a key` };
    return { why: `no entity named “${ref}” in the graph (its target vanished, or the rules no longer find it)` };
  }

  mark(key: string, label: string): void {
    const n = this.nodes.get(key);
    if (n && !(n.corrections ??= []).includes(label)) n.corrections.push(label);
  }

  /** Put an edge in, merged with one of the same key (evidence united). */
  putEdge(source: string, target: string, attributes: EdgeAttributes): string {
    const key = edgeKey(attributes.type, source, target, attributes.status);
    const had = this.edges.get(key);
    if (!had) {
      this.edges.set(key, { source, target, attributes });
      return key;
    }
    for (const ev of attributes.evidence) if (!had.attributes.evidence.some((x) => x.doc === ev.doc && x.start === ev.start && x.rule === ev.rule)) had.attributes.evidence.push(ev);
    had.attributes.implicit &&= attributes.implicit;
    for (const c of attributes.corrections ?? []) if (!(had.attributes.corrections ??= []).includes(c)) had.attributes.corrections.push(c);
    return key;
  }

  /** Links to the variant `from` now lead to `to` (or nowhere); an entity is never its own variant. */
  renameVariant(from: string, to: string | null): void {
    for (const [key, n] of this.nodes) {
      if (!n.variants?.includes(from)) continue;
      const next = [...new Set(n.variants.map((v) => (v === from ? to : v)))].filter((v): v is string => v !== null && v !== key).sort();
      if (next.length > 0) n.variants = next;
      else delete n.variants;
    }
  }

  /** Move every fact of `from` to `to` (merge, retype), marked with the correction that moved it. */
  rewire(from: string, to: string, tag: string): void {
    for (const [key, e] of [...this.edges]) {
      if (e.source !== from && e.target !== from) continue;
      this.edges.delete(key);
      const source = e.source === from ? to : e.source;
      const target = e.target === from ? to : e.target;
      if (source === target) continue;
      this.putEdge(source, target, { ...e.attributes, corrections: [...new Set([...(e.attributes.corrections ?? []), tag])] });
    }
  }

  result(base: SerializedGraph): SerializedGraph {
    const nodes: SerializedNode[] = [...this.nodes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, attributes]) => {
      attributes.aliases.sort();
      attributes.corrections?.sort();
      return { key, attributes };
    });
    const edges: SerializedEdge[] = [...this.edges].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, e]) => {
      e.attributes.evidence.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
      e.attributes.corrections?.sort();
      return { key, source: e.source, target: e.target, attributes: e.attributes };
    });
    return { ...base, attributes: { ...base.attributes }, nodes, edges };
  }
}

/**
 * Apply `corrections` to `graph`, in order. Conflicts throw (checkConflicts); every other correction is
 * applied, found already in effect, or reported as not applied with why. The result is deterministic.
 */
export async function applyCorrections(graph: SerializedGraph, corrections: Correction[], readText: ReadText, file = 'corrections.yaml'): Promise<CorrectionsResult> {
  checkConflicts(corrections, file);
  const w = new Working(graph);
  const outcomes: CorrectionOutcome[] = [];
  for (const [index, c] of corrections.entries()) {
    const label = describeCorrection(c, index);
    const tag = `#${index + 1} ${c.op}${c.note ? `: ${c.note}` : ''}${c.by ? ` (${c.by})` : ''}`;
    const outcome = (status: CorrectionOutcome['status'], keys: string[] = [], reason?: string): CorrectionOutcome => ({ index, op: c.op, label, status, keys, ...(reason ? { reason } : {}) });
    const r = await applyOne(w, c, tag, readText, graph);
    // Nothing to do (or nothing left to do it to: a rejected entity) because this file did it last time: the same outcome as then.
    const before = 'changed' in r && r.changed ? undefined : graph.attributes.corrections?.find((o) => o.index === index && o.label === label && o.status === 'applied');
    outcomes.push(before ? { ...before } : 'why' in r ? outcome('not-applied', [], r.why) : outcome(r.changed ? 'applied' : 'unchanged', r.keys));
  }
  const result = w.result(graph);
  result.attributes.corrections = outcomes;
  result.attributes.correctionsFile = file;
  return { graph: result, outcomes };
}


type Applied = { changed: boolean; keys: string[] } | { why: string };

/** `into` takes `from`'s names (as aliases) and mentions. */
function absorb(into: NodeAttributes, from: NodeAttributes): void {
  for (const a of [from.name, ...from.aliases]) if (!into.aliases.includes(a)) into.aliases.push(a);
  into.mentions.push(...from.mentions);
  into.mentions.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end));
}

async function applyOne(w: Working, c: Correction, tag: string, readText: ReadText, graph: SerializedGraph): Promise<Applied> {
  switch (c.op) {
    case 'merge': {
      const found = c.targets.map((t) => w.find(t));
      const missing = found.find((f) => 'why' in f) as { why: string } | undefined;
      if (missing) return missing;
      const keys = [...new Set(found.map((f) => (f as { key: string }).key))];
      const keep = c.keep ? w.find(c.keep) : (found[0] as Found);
      if ('why' in keep) return keep;
      if (!keys.includes(keep.key)) return { why: `keep ${c.keep} is none of the entities merged` };
      const canonical = keep.node;
      if (canonical.type === 'Metric') return { why: 'figures are not merged' };
      const others = keys.filter((k) => k !== keep.key);
      for (const k of others) {
        const o = w.nodes.get(k)!;
        if (o.type !== canonical.type) return { why: `${k} is ${o.type === 'Agency' ? 'an' : 'a'} ${o.type} and ${keep.key} ${canonical.type === 'Agency' ? 'an' : 'a'} ${canonical.type}; retype one first` };
      }
      if (others.length === 0) return { changed: false, keys: [keep.key] };
      for (const k of others) {
        const o = w.nodes.get(k)!;
        absorb(canonical, o);
        for (const v of o.variants ?? []) if (v !== keep.key && !(canonical.variants ??= []).includes(v)) canonical.variants.push(v);
        w.nodes.delete(k);
        w.rewire(k, keep.key, tag);
        w.renameVariant(k, keep.key);
      }
      w.mark(keep.key, tag);
      return { changed: true, keys: [keep.key] };
    }
    case 'rename': {
      const t = w.find(c.target);
      if ('why' in t) return t;
      const n = t.node;
      if (n.name === c.to) return { changed: false, keys: [t.key] };
      n.name = c.to;
      n.nameSimplified = simplify(c.to);
      if (!n.aliases.includes(c.to)) n.aliases.push(c.to);
      w.mark(t.key, tag);
      return { changed: true, keys: [t.key] };
    }
    case 'retype': {
      const t = w.find(c.target);
      if ('why' in t) return t;
      const n = t.node;
      if (n.type === c.to) return { changed: false, keys: [t.key] };
      if (n.type === 'Metric') return { why: 'a figure keeps its type' };
      // Facts a new type cannot have: IMPLEMENTED and ISSUED turn into each other between a program and a regulation; any other is refused.
      const converted = new Map<string, RelationType>();
      for (const [key, e] of w.edges) {
        if (e.source !== t.key && e.target !== t.key) continue;
        const [sources, targets] = RELATION_ENDPOINTS[e.attributes.type];
        const asSource = e.source === t.key;
        if ((asSource ? sources : targets).includes(c.to)) continue;
        const swap: Partial<Record<RelationType, RelationType>> = { IMPLEMENTED: 'ISSUED', ISSUED: 'IMPLEMENTED' };
        const other = swap[e.attributes.type];
        if (!asSource && other && RELATION_ENDPOINTS[other][1].includes(c.to)) converted.set(key, other);
        else return { why: `${t.key} has a fact a ${c.to} cannot have (${e.attributes.type} ${asSource ? 'from' : 'to'} it); reject it first` };
      }
      const key = entityKey(c.to, foldName(n.nameSimplified));
      w.nodes.delete(t.key);
      const into = w.nodes.get(key);
      if (into) absorb(into, n);
      else w.nodes.set(key, { ...n, type: c.to });
      for (const [k, type] of converted) {
        const e = w.edges.get(k)!;
        w.edges.delete(k);
        w.putEdge(e.source, e.target, { ...e.attributes, type, corrections: [...new Set([...(e.attributes.corrections ?? []), tag])] });
      }
      w.rewire(t.key, key, tag);
      w.renameVariant(t.key, key);
      w.mark(key, tag);
      return { changed: true, keys: [key] };
    }
    case 'reject': {
      const t = w.find(c.target);
      if ('why' in t) return t;
      w.nodes.delete(t.key);
      for (const [key, e] of [...w.edges]) if (e.source === t.key || e.target === t.key) w.edges.delete(key);
      w.renameVariant(t.key, null);
      // A figure left without any fact measuring it goes too.
      const measured = new Set([...w.edges.values()].map((e) => e.target));
      for (const [key, m] of [...w.nodes]) if (m.type === 'Metric' && !measured.has(key)) w.nodes.delete(key);
      return { changed: true, keys: [t.key] };
    }
    case 'reject-fact': {
      const s = w.find(c.fact.source);
      if ('why' in s) return s;
      const t = w.find(c.fact.target);
      if ('why' in t) return t;
      const statuses: Status[] = c.fact.status ? [c.fact.status] : ['done', 'planned'];
      const keys = statuses.map((st) => edgeKey(c.fact.type, s.key, t.key, st)).filter((k) => w.edges.has(k));
      if (keys.length === 0) return { changed: false, keys: [] };
      for (const k of keys) w.edges.delete(k);
      return { changed: true, keys: [s.key, t.key] };
    }
    case 'add': {
      const doc = graph.attributes.documents.find((d) => d.id === c.evidence.doc);
      if (!doc) return { why: `no report ${c.evidence.doc} in the graph` };
      const text = await readText(doc.id);
      if (text === undefined) return { why: `the text of ${doc.id} (${doc.path}) cannot be read to check the evidence` };
      if (c.evidence.end > text.length) return { why: `${doc.id} has ${text.length} characters; [${c.evidence.start}–${c.evidence.end}] is past its end` };
      const sentence = text.slice(c.evidence.start, c.evidence.end);
      if (c.evidence.quote !== undefined && c.evidence.quote !== sentence) return { why: `${doc.id} [${c.evidence.start}–${c.evidence.end}] now reads “${sentence}”, not “${c.evidence.quote}”: the report changed` };
      const [sources, targets] = RELATION_ENDPOINTS[c.fact.type];
      const end = (ref: string, allowed: readonly NodeType[], given?: EntityType): { key: string } | { why: string } => {
        const f = w.find(ref);
        if ('key' in f) return allowed.includes(f.node.type) ? f : { why: `${f.key} cannot be an end of ${c.fact.type}` };
        const type = given ?? (allowed.length === 1 ? (allowed[0] as EntityType) : undefined);
        if (!type || type === ('Metric' as EntityType) || !allowed.includes(type)) return { why: `${f.why}; to add it, say its type (sourceType/targetType)` };
        const name = ref.replace(/^(Agency|Regulation|Program):/, '');
        const key = entityKey(type, foldName(simplify(name)));
        const at = sentence.indexOf(name);
        const mention = { doc: doc.id, start: at >= 0 ? c.evidence.start + at : c.evidence.start, end: at >= 0 ? c.evidence.start + at + name.length : c.evidence.end };
        w.nodes.set(key, { type, name, nameSimplified: simplify(name), aliases: [name], mentions: [mention], corrections: [tag] });
        return { key };
      };
      const s = end(c.fact.source, sources, c.fact.sourceType);
      if ('why' in s) return s;
      const t = end(c.fact.target, targets, c.fact.targetType);
      if ('why' in t) return t;
      const status = c.fact.status ?? 'done';
      const key = edgeKey(c.fact.type, s.key, t.key, status);
      const evidence: Evidence = { doc: doc.id, start: c.evidence.start, end: c.evidence.end, sentence, section: [], rule: 'correction' };
      const had = w.edges.get(key);
      if (had?.attributes.evidence.some((e) => e.doc === evidence.doc && e.start === evidence.start && e.rule === 'correction')) return { changed: false, keys: [s.key, t.key] };
      w.putEdge(s.key, t.key, { type: c.fact.type, evidence: [evidence], implicit: false, rule: 'correction', status, corrections: [tag] });
      return { changed: true, keys: [s.key, t.key] };
    }
    case 'split': {
      const t = w.find(c.target);
      if ('why' in t) return t;
      const n = t.node;
      if (n.type === 'Metric') return { why: 'a figure is not split' };
      const key = entityKey(n.type as EntityType, foldName(simplify(c.as)));
      const aliases = new Set(c.aliases.map(foldName));
      const moving = n.aliases.filter((a) => aliases.has(foldName(a)));
      if (key === t.key) return { why: `${c.as} is the name of ${t.key} itself; split out under another name` };
      if (moving.length === 0) return w.nodes.has(key) ? { changed: false, keys: [key] } : { why: `${t.key} has none of the aliases ${c.aliases.join('、')}` };
      const texts = new Map<string, string | undefined>();
      for (const doc of new Set(n.mentions.map((m) => m.doc))) texts.set(doc, await readText(doc));
      const moved = n.mentions.filter((m) => {
        const x = texts.get(m.doc)?.slice(m.start, m.end);
        return x !== undefined && aliases.has(foldName(x));
      });
      if (moved.length === 0) return { why: `no mention of ${t.key} is written ${c.aliases.join('、')} in the reports' texts` };
      n.mentions = n.mentions.filter((m) => !moved.includes(m));
      n.aliases = n.aliases.filter((a) => !moving.includes(a));
      const into = w.nodes.get(key);
      const target = into ?? { type: n.type, name: c.as, nameSimplified: simplify(c.as), aliases: [], mentions: [] };
      for (const a of [c.as, ...moving]) if (!target.aliases.includes(a)) target.aliases.push(a);
      target.mentions.push(...moved);
      w.nodes.set(key, target);
      // Each fact's evidence goes with the mentions inside it.
      const inside = (ev: Evidence) => moved.some((m) => m.doc === ev.doc && m.start >= ev.start && m.end <= ev.end);
      for (const [k, e] of [...w.edges]) {
        if (e.source !== t.key && e.target !== t.key) continue;
        const go = e.attributes.evidence.filter(inside);
        if (go.length === 0) continue;
        const stay = e.attributes.evidence.filter((ev) => !inside(ev));
        if (stay.length === 0) w.edges.delete(k);
        else e.attributes.evidence = stay;
        w.putEdge(e.source === t.key ? key : e.source, e.target === t.key ? key : e.target, { ...e.attributes, evidence: go, corrections: [...new Set([...(e.attributes.corrections ?? []), tag])] });
      }
      if (n.mentions.length === 0) {
        w.nodes.delete(t.key);
        w.rewire(t.key, key, tag);
      }
      w.mark(key, tag);
      w.mark(t.key, tag);
      return { changed: true, keys: [t.key, key] };
    }
  }
}
