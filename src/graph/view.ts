/**
 * Views of a graph that a viewer asks for instead of the whole graph: an entity's neighbourhood, a path
 * between two entities, an overview of the agencies by jurisdiction, each under a filter (types,
 * relations, documents, jurisdictions, a range of years). The contract (`ViewFilter`, `Overview`) is
 * shared by the server, which answers from a graph in memory with these functions or from Neo4j, and
 * by the viewer. Pure: a graph in, keys or a serialized subgraph out.
 */
import type { AbstractGraph } from 'graphology-types';
import {
  GRAPH_OPTIONS,
  NODE_TYPES,
  RELATION_TYPES,
  type DocumentInfo,
  type EdgeAttributes,
  type NodeAttributes,
  type NodeType,
  type RelationType,
  type SerializedGraph,
} from './model.js';

export type ModelGraph = AbstractGraph<NodeAttributes, EdgeAttributes>;

export interface ViewFilter {
  types?: NodeType[];
  relations?: RelationType[];
  /** Only what these documents say. */
  docs?: string[];
  /** Only what the reports of these jurisdictions say (DocumentInfo.jurisdiction). */
  jurisdictions?: string[];
  /** Only what reports reviewing these years say (DocumentInfo.year), inclusive. */
  yearFrom?: number;
  yearTo?: number;
}

/** The largest neighbourhood or overview a request returns; past it, the answer says it was cut. */
export const VIEW_LIMITS = { nodes: 2000, depth: 3, pathHops: 8, agenciesPerGroup: 40 } as const;

/** What a view needs of a report: its id, the year it reviews, its jurisdiction. */
export type ReportRef = Pick<DocumentInfo, 'id' | 'year' | 'jurisdiction'>;

export class ViewError extends Error {
  override name = 'ViewError';
}

/** The documents a filter lets through; null when it does not restrict documents. */
export function allowedDocuments(documents: readonly ReportRef[], filter: ViewFilter): Set<string> | null {
  const { docs, jurisdictions, yearFrom, yearTo } = filter;
  if (!docs?.length && !jurisdictions?.length && yearFrom === undefined && yearTo === undefined) return null;
  return new Set(
    documents
      .filter((d) => !docs?.length || docs.includes(d.id))
      .filter((d) => !jurisdictions?.length || (d.jurisdiction !== null && jurisdictions.includes(d.jurisdiction)))
      .filter((d) => yearFrom === undefined || (d.year !== null && d.year >= yearFrom))
      .filter((d) => yearTo === undefined || (d.year !== null && d.year <= yearTo))
      .map((d) => d.id),
  );
}

/** Checks a filter's values, naming the field and what was expected. */
export function validateFilter(filter: ViewFilter): ViewFilter {
  const fail = (what: string): never => {
    throw new ViewError(`view filter: ${what}`);
  };
  for (const t of filter.types ?? []) if (!NODE_TYPES.includes(t)) fail(`types: ${JSON.stringify(t)} is not one of ${NODE_TYPES.join(', ')}`);
  for (const r of filter.relations ?? []) if (!RELATION_TYPES.includes(r)) fail(`relations: ${JSON.stringify(r)} is not one of ${RELATION_TYPES.join(', ')}`);
  for (const [k, v] of [['yearFrom', filter.yearFrom], ['yearTo', filter.yearTo]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v > 1900 && v < 2200)) fail(`${k} must be a year, not ${JSON.stringify(v)}`);
  }
  if (filter.yearFrom !== undefined && filter.yearTo !== undefined && filter.yearFrom > filter.yearTo) fail(`yearFrom (${filter.yearFrom}) is after yearTo (${filter.yearTo})`);
  return filter;
}

/** What a filter lets through, as two tests on a graph's nodes and edges. */
export function filterTests(graph: ModelGraph, documents: readonly ReportRef[], filter: ViewFilter) {
  const allowed = allowedDocuments(documents, filter);
  const types = filter.types?.length ? new Set(filter.types) : null;
  const relations = filter.relations?.length ? new Set(filter.relations) : null;
  const node = (key: string) => {
    const a = graph.getNodeAttributes(key);
    return (!types || types.has(a.type)) && (!allowed || a.mentions.some((m) => allowed.has(m.doc)));
  };
  const edge = (key: string) => {
    const a = graph.getEdgeAttributes(key);
    return (!relations || relations.has(a.type)) && (!allowed || a.evidence.some((e) => allowed.has(e.doc)));
  };
  return { node, edge };
}

export interface Selection {
  nodes: Set<string>;
  edges: Set<string>;
  /** True when a limit cut the answer short. */
  truncated: boolean;
}

/**
 * Everything within `depth` steps of `key`, either direction, through edges and nodes the filter lets
 * through; at most `limit` nodes (nearest first).
 */
export function neighbourhoodOf(graph: ModelGraph, documents: readonly ReportRef[], key: string, options: { depth?: number; filter?: ViewFilter; limit?: number } = {}): Selection {
  if (!graph.hasNode(key)) throw new ViewError(`neighbourhood: no entity with the key ${JSON.stringify(key)}`);
  const depth = Math.min(options.depth ?? 1, VIEW_LIMITS.depth);
  const limit = options.limit ?? VIEW_LIMITS.nodes;
  const test = filterTests(graph, documents, options.filter ?? {});
  const nodes = new Set([key]);
  const edges = new Set<string>();
  let frontier = [key];
  let truncated = false;
  for (let step = 0; step < depth && frontier.length > 0 && !truncated; step++) {
    const next: string[] = [];
    for (const from of frontier) {
      graph.forEachEdge(from, (edge, _a, source, target) => {
        if (truncated || !test.edge(edge)) return;
        const other = source === from ? target : source;
        if (!nodes.has(other)) {
          if (!test.node(other)) return;
          if (nodes.size >= limit) {
            truncated = true;
            return;
          }
          nodes.add(other);
          next.push(other);
        }
        edges.add(edge);
      });
    }
    frontier = next;
  }
  return { nodes, edges, truncated };
}

/** The shortest chain of facts between two entities (either direction), through what the filter lets through. */
export function pathBetween(graph: ModelGraph, documents: readonly ReportRef[], from: string, to: string, filter: ViewFilter = {}, maxHops: number = VIEW_LIMITS.pathHops): Selection | null {
  for (const k of [from, to]) if (!graph.hasNode(k)) throw new ViewError(`path: no entity with the key ${JSON.stringify(k)}`);
  const test = filterTests(graph, documents, filter);
  const via = new Map<string, [string, string]>([[from, ['', '']]]);
  let frontier = [from];
  for (let hop = 0; hop < maxHops && frontier.length > 0 && !via.has(to); hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _a, source, target) => {
        const other = source === node ? target : source;
        if (via.has(other) || !test.edge(edge) || (other !== to && !test.node(other))) return;
        via.set(other, [node, edge]);
        next.push(other);
      });
    }
    frontier = next;
  }
  if (!via.has(to)) return null;
  const nodes = new Set<string>([to]);
  const edges = new Set<string>();
  for (let at = to; at !== from; ) {
    const [previous, edge] = via.get(at)!;
    edges.add(edge);
    nodes.add(previous);
    at = previous;
  }
  return { nodes, edges, truncated: false };
}

/** A selection as a graph in the contract, with the documents it cites. */
export function subgraphOf(graph: ModelGraph, documents: DocumentInfo[], extractorVersion: string, selection: Pick<Selection, 'nodes' | 'edges'>): SerializedGraph {
  const nodes = [...selection.nodes].sort().map((key) => {
    const { x: _x, y: _y, ...attributes } = graph.getNodeAttributes(key);
    return { key, attributes: attributes as NodeAttributes };
  });
  const edges = [...selection.edges].sort().map((key) => ({ key, source: graph.source(key), target: graph.target(key), attributes: graph.getEdgeAttributes(key) }));
  const cited = new Set<string>();
  for (const n of nodes) for (const m of n.attributes.mentions) cited.add(m.doc);
  for (const e of edges) for (const ev of e.attributes.evidence) cited.add(ev.doc);
  return { attributes: { documents: documents.filter((d) => cited.has(d.id)), extractorVersion }, options: { ...GRAPH_OPTIONS }, nodes, edges };
}

export interface OverviewAgency {
  key: string;
  name: string;
  /** Facts it is the source of (ISSUED, IMPLEMENTED, MEASURED), under the filter. */
  facts: number;
}

export interface OverviewGroup {
  /** The jurisdiction (as DocumentInfo.jurisdiction), or one of the fixed ids below. */
  id: string;
  label: string;
  /** The group's agencies, most active first (at most VIEW_LIMITS.agenciesPerGroup), and how many there are. */
  agencies: OverviewAgency[];
  agencyCount: number;
  facts: number;
  /** The group's reports by the year they review. */
  reports: Array<{ year: number | null; count: number }>;
}

export interface Overview {
  groups: OverviewGroup[];
  /** The whole graph's size, and how many reports the filter keeps. */
  nodes: number;
  relations: number;
  documents: number;
}

export const NATIONAL_GROUP = '全国';
export const UNRESOLVED_GROUP = '辖区未识别';
const UNRESOLVED_MARK = '辖区未识别';

/**
 * The jurisdiction an agency belongs to: the longest report jurisdiction its name contains
 * (深圳市南山区人民政府 → 深圳市南山区, 中共深圳市委 → 深圳市); else a national body; a short form whose
 * place was never found stays unresolved.
 */
export function groupOf(name: string, jurisdictions: string[]): string {
  if (name.includes(UNRESOLVED_MARK)) return UNRESOLVED_GROUP;
  return jurisdictions.find((j) => name.includes(j)) ?? NATIONAL_GROUP;
}

/** Agencies grouped by jurisdiction, each sized by the facts it is the source of; reports by year. */
export function overviewOf(graph: ModelGraph, documents: DocumentInfo[], filter: ViewFilter = {}, perGroup: number = VIEW_LIMITS.agenciesPerGroup): Overview {
  const test = filterTests(graph, documents, filter);
  const agencies: OverviewAgency[] = [];
  graph.forEachNode((key, a) => {
    if (a.type !== 'Agency' || !test.node(key)) return;
    let facts = 0;
    graph.forEachOutEdge(key, (edge) => {
      if (test.edge(edge)) facts++;
    });
    agencies.push({ key, name: a.name, facts });
  });
  return groupOverview(agencies, documents, filter, { nodes: graph.order, relations: graph.size }, perGroup);
}

/**
 * The overview of agencies (with their facts under the filter), grouped by jurisdiction: the groups
 * most active first, in each its most active agencies; the graph's totals as given.
 */
export function groupOverview(agencies: OverviewAgency[], documents: DocumentInfo[], filter: ViewFilter, totals: { nodes: number; relations: number }, perGroup: number = VIEW_LIMITS.agenciesPerGroup): Overview {
  const allowed = allowedDocuments(documents, filter);
  // National reports' jurisdiction (国务院) is the national group, not a place a name contains.
  const places = [...new Set(documents.map((d) => d.jurisdiction).filter((j): j is string => !!j && j !== '国务院'))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const groups = new Map<string, OverviewGroup>();
  const group = (id: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { id, label: id, agencies: [], agencyCount: 0, facts: 0, reports: [] }));
    return g;
  };
  for (const agency of agencies) {
    const g = group(groupOf(agency.name, places));
    g.agencies.push(agency);
    g.agencyCount++;
    g.facts += agency.facts;
  }
  for (const d of documents) {
    if (allowed && !allowed.has(d.id)) continue;
    const g = groups.get(d.jurisdiction === '国务院' ? NATIONAL_GROUP : (d.jurisdiction ?? UNRESOLVED_GROUP));
    if (!g) continue;
    const at = g.reports.find((r) => r.year === d.year);
    if (at) at.count++;
    else g.reports.push({ year: d.year, count: 1 });
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const g of groups.values()) {
    g.agencies.sort((a, b) => b.facts - a.facts || byName(a, b));
    g.agencies = g.agencies.slice(0, perGroup);
    g.reports.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  }
  return {
    groups: [...groups.values()].sort((a, b) => b.facts - a.facts || (a.id < b.id ? -1 : 1)),
    nodes: totals.nodes,
    relations: totals.relations,
    documents: allowed ? allowed.size : documents.length,
  };
}
