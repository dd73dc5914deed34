/**
 * The graph contract: the one set of types every stage, the Neo4j writer, the exports and the viewer
 * share. On disk it is graphology's serialized form (`graph.export()` / `Graph.from()`), a directed
 * multigraph.
 */
export const NODE_TYPES = ['Agency', 'Regulation', 'Program', 'Metric'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const RELATION_TYPES = ['ISSUED', 'IMPLEMENTED', 'MEASURED'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Which node types each relation may join: [sources, targets]. */
export const RELATION_ENDPOINTS: Record<RelationType, readonly [readonly NodeType[], readonly NodeType[]]> = {
  ISSUED: [['Agency'], ['Regulation']],
  IMPLEMENTED: [['Agency'], ['Program']],
  MEASURED: [['Program', 'Agency'], ['Metric']],
};

export type Status = 'done' | 'planned';

export interface DocumentInfo {
  id: string;
  title: string;
  path: string;
  sha256: string;
  chars: number;
  /** The year the report reviews (the last, when it reviews several): the year of what it reports done. */
  year: number | null;
  /** The year it plans (the first, when it plans several): the year of what it plans. Absent in graphs of before 0.2. */
  plans?: number | null;
  /** True when it reviews several years (a new term's report: 过去五年工作回顾). */
  multiYear?: boolean;
  /** How its years were found (`reviews 2015: heading “一、2015年工作回顾”`). */
  periodBasis?: string[];
  /** The jurisdiction whose series of reports it belongs to, qualified (深圳市坪山区; 坪山新区's reports join it); null when unknown. */
  series?: string | null;
  /** The names a user may give that series: qualified and short, of it and of what it was (深圳市坪山区, 坪山区, 坪山新区…), simplified and traditional. */
  seriesNames?: string[];
  encoding: string;
  jurisdiction: string | null;
  /** The level of its author (a district's report: district). */
  level?: 'national' | 'province' | 'city' | 'district' | 'county' | 'town';
  script: 'traditional' | 'simplified';
  /** What extraction could not settle about the document (e.g. its jurisdiction not found). */
  warnings?: string[];
  /** Damaged spans found in the document (lost characters, mojibake). */
  damage: Array<{ kind: string; start: number; end: number; text: string; reason: string }>;
}

export interface GraphAttributes {
  documents: DocumentInfo[];
  extractorVersion: string;
  /** The corrections file applied to this graph (src/resolve/corrections.ts) and what became of each correction. */
  corrections?: CorrectionOutcome[];
  correctionsFile?: string;
}

/** What became of one correction of a corrections file: applied, already in effect, or not applied and why. */
export interface CorrectionOutcome {
  /** Its place in the file, from 0. */
  index: number;
  op: 'merge' | 'split' | 'rename' | 'retype' | 'reject' | 'reject-fact' | 'add';
  /** One line a reader recognises it by: `#2 rename 智慧菜篮子工程 → 智慧菜篮子 — note, by who`. */
  label: string;
  status: 'applied' | 'unchanged' | 'not-applied';
  reason?: string;
  /** The keys of the entities it changed or made. */
  keys: string[];
}

/** A place in a document: UTF-16 offsets into the decoded original text. */
export interface Mention {
  doc: string;
  start: number;
  end: number;
}

export interface NodeAttributes {
  type: NodeType;
  /** Canonical name, in the document's own script, readings removed. */
  name: string;
  nameSimplified: string;
  /** Every surface form seen (document script), the canonical name included. */
  aliases: string[];
  mentions: Mention[];
  /**
   * Programs and regulations: the keys of entities of the same type whose names are variants of this
   * one's (智慧菜篮子工程 → 全市首个智慧菜篮子系统; src/resolve/variants.ts), linked when graphs merge.
   * A later report reporting one of them done keeps what an earlier one planned as this.
   */
  variants?: string[];
  /** The corrections that changed it (`#1 merge: note (who)`), when a corrections file was applied. */
  corrections?: string[];
  /** Set by viewers (layout); not produced by extraction. */
  x?: number;
  y?: number;
  /** Set by the viewer on an overview's agencies: the facts it is the source of, and whether it leads its group. */
  facts?: number;
  leader?: boolean;
}

export interface MetricAttributes extends NodeAttributes {
  type: 'Metric';
  doc: string;
  /** The number and unit as written, e.g. `3萬多人`. */
  raw: string;
  value: number;
  unit: string;
  /** `多`, `余`, `以上`, `超過`, `同比`… or '' */
  qualifier: string;
  /** What is counted, e.g. `輪訓黨員幹部`. */
  label: string;
  year: number | null;
  status: Status;
  /** The headline measure it is a figure of (data/extract/measures.json: 地区生产总值, 城镇登记失业率…), if any. */
  measure?: string;
  /** Its value in that measure's terms: a fall (下降7.6%) negated. */
  measureValue?: number;
}

export interface Evidence {
  doc: string;
  /** Offsets of the sentence in the original text; `sentence` is exactly `original.slice(start, end)`. */
  start: number;
  end: number;
  sentence: string;
  /** Section path, outermost first. */
  section: string[];
  rule: string;
}

export interface EdgeAttributes {
  type: RelationType;
  evidence: Evidence[];
  /** True when the actor is inferred (the report's author), not stated in the sentence. */
  implicit: boolean;
  /** The rule that produced the first evidence. */
  rule: string;
  status: Status;
  /** The corrections that added it or moved it, when a corrections file was applied. */
  corrections?: string[];
}

export interface SerializedNode {
  key: string;
  attributes: NodeAttributes | MetricAttributes;
}
export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}
export interface SerializedGraph {
  attributes: GraphAttributes;
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

export const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: false } as const;

export const isNodeType = (value: unknown): value is NodeType => NODE_TYPES.includes(value as NodeType);
export const isRelationType = (value: unknown): value is RelationType => RELATION_TYPES.includes(value as RelationType);

/** The key of an entity node: its type and its folded name (`foldName`), the same whatever document or script it was seen in. */
export function entityKey(type: Exclude<NodeType, 'Metric'>, foldedName: string): string {
  return `${type}:${foldedName}`;
}

export function metricKey(doc: string, start: number): string {
  return `Metric:${doc}:${start}`;
}

export function edgeKey(type: RelationType, source: string, target: string, status: Status): string {
  return `${type}|${source}|${target}|${status}`;
}
