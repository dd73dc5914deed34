/**
 * The viewer's questions answered by Neo4j, each a bounded query from cypher/view/: counts from the count
 * store, search through the full-text index, a neighbourhood one step per query (at most `limit`
 * entities), a shortest path, the agencies of the overview. Nothing here reads the whole database.
 */
import neo4j, { type Driver, type Node } from 'neo4j-driver';
import { Neo4jError } from '../errors.js';
import { GRAPH_OPTIONS, RELATION_TYPES, isNodeType, type DocumentInfo, type EdgeAttributes, type Evidence, type NodeType, type SerializedEdge, type SerializedGraph, type SerializedNode } from '../graph/model.js';
import { figurePairs, TimeIndex, timeView, type MeasuredFigure, type TimeView } from '../graph/track.js';
import type { Match } from '../graph/search.js';
import { allowedDocuments, groupOverview, VIEW_LIMITS, ViewError, type Overview, type ViewFilter } from '../graph/view.js';
import { foldName } from '../text/fold.js';
import type { Neo4jSettings } from './connection.js';
import { fillTemplate, readCypher } from './cypher.js';
import { nodeAttributes, rowsToGraph } from './reader.js';
import { toPlain } from './values.js';

export { readWholeGraph } from './reader.js';

/** A viewer's query times out after this long (its questions are bounded; this guards a sick server). */
const VIEW_TIMEOUT_MS = 10_000;

async function read(driver: Driver, settings: Neo4jSettings, query: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(query, params), { timeout: VIEW_TIMEOUT_MS });
    return result.records.map((r) => Object.fromEntries(r.keys.map((k) => [k, r.get(k)])));
  } catch (error) {
    throw new Neo4jError(`viewer: Neo4j failed (${(error as Error).message.split('\n')[0]}); check that it is running.`, { cause: error });
  } finally {
    await session.close();
  }
}

/** The label of an entity key (`Agency:…`), from the model's whitelist. */
export function labelOfKey(key: string): NodeType {
  const label = key.slice(0, key.indexOf(':'));
  if (!isNodeType(label)) throw new ViewError(`no entity with the key ${JSON.stringify(key)} (a key starts with ${['Agency', 'Regulation', 'Program', 'Metric'].join(', ')} and a colon)`);
  return label;
}

/** The parameters every filtered view query takes. */
export function filterParams(documents: DocumentInfo[], filter: ViewFilter): { relations: string[]; types: string[] | null; docs: string[] | null } {
  const allowed = allowedDocuments(documents, filter);
  return {
    relations: filter.relations?.length ? filter.relations : [...RELATION_TYPES],
    types: filter.types?.length ? filter.types : null,
    docs: allowed ? [...allowed].sort() : null,
  };
}

export async function neo4jCounts(driver: Driver, settings: Neo4jSettings): Promise<{ nodes: number; relations: number }> {
  const [row] = await read(driver, settings, readCypher('view/counts.cypher'), {});
  return { nodes: Number(toPlain(row!.nodes)), relations: Number(toPlain(row!.relations)) };
}

export async function neo4jDocuments(driver: Driver, settings: Neo4jSettings): Promise<DocumentInfo[]> {
  const rows = await read(driver, settings, readCypher('view/documents.cypher'), {});
  return rows.map((row) => {
    const { damage, extractorVersion: _v, ...p } = (row.d as Node).properties as Record<string, unknown>;
    return { jurisdiction: null, year: null, ...(toPlain(p) as object), damage: ((damage as string[]) ?? []).map((d) => JSON.parse(d)) } as DocumentInfo;
  });
}

/** Lucene's query syntax characters, escaped so the user's text is searched as text. */
export function luceneText(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`).trim();
}

/** Search names and aliases; an exact or starting match of the folded name first (as in memory). */
export async function neo4jSearch(driver: Driver, settings: Neo4jSettings, query: string, limit: number): Promise<Match[]> {
  const q = luceneText(query);
  const folded = foldName(query);
  if (!q || !folded) return [];
  const rows = await read(driver, settings, readCypher('view/search.cypher'), { q, limit: neo4j.int(Math.max(limit * 5, 50)) });
  const scored = rows.map((row, i) => {
    const name = row.name as string;
    const forms = [name, ...((row.aliases as string[]) ?? []), ...((row.aliasesSimplified as string[]) ?? [])];
    let best = 0;
    let via: string | undefined;
    for (const form of forms) {
      const f = foldName(form);
      const score = f === folded ? 3 : f.startsWith(folded) ? 2 : f.includes(folded) ? 1 : 0;
      if (score > best) {
        best = score;
        via = form === name ? undefined : form;
      }
    }
    return { rank: best * 1e6 - i, match: { key: row.key as string, name, type: row.type as NodeType, ...(via ? { via } : {}) } };
  });
  return scored
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit)
    .map((s) => s.match);
}

/** Everything within `depth` steps of `key` under the filter, one query per step and label, at most `limit` entities. */
export async function neo4jNeighbourhood(driver: Driver, settings: Neo4jSettings, documents: DocumentInfo[], key: string, depth: number, filter: ViewFilter, limit: number = VIEW_LIMITS.nodes) {
  const [start] = await read(driver, settings, fillTemplate(readCypher('view/entity.cypher'), { LABEL: labelOfKey(key) }), { key });
  if (!start) throw new ViewError(`neighbourhood: no entity with the key ${JSON.stringify(key)}`);
  const params = filterParams(documents, filter);
  const seen = new Set([key]);
  // Each entity once (the start, and each one reached), then the facts found: rows of graph values.
  const rows: unknown[][] = [[start.n]];
  let frontier = [key];
  let truncated = false;
  for (let step = 0; step < Math.min(depth, VIEW_LIMITS.depth) && frontier.length > 0 && !truncated; step++) {
    const byLabel = new Map<NodeType, string[]>();
    for (const k of frontier) byLabel.set(labelOfKey(k), [...(byLabel.get(labelOfKey(k)) ?? []), k]);
    const next: string[] = [];
    for (const [label, keys] of byLabel) {
      const room = limit - seen.size;
      if (room <= 0) {
        truncated = true;
        break;
      }
      // One more than there is room for: a full answer says the limit was reached.
      const found = await read(driver, settings, fillTemplate(readCypher('view/expand.cypher'), { LABEL: label }), { ...params, keys, limit: neo4j.int(room * 4 + 1) });
      for (const row of found) {
        const m = row.m as Node;
        const mKey = m.properties.key as string;
        if (!seen.has(mKey)) {
          if (seen.size >= limit) {
            truncated = true;
            continue;
          }
          seen.add(mKey);
          next.push(mKey);
          rows.push([m]);
        }
        rows.push([row.r]);
      }
      if (found.length === room * 4 + 1) truncated = true;
    }
    frontier = next;
  }
  return { graph: await rowsToGraph(driver, settings, rows), truncated };
}

export async function neo4jPath(driver: Driver, settings: Neo4jSettings, documents: DocumentInfo[], from: string, to: string, filter: ViewFilter) {
  const { relations, docs } = filterParams(documents, filter);
  const query = fillTemplate(readCypher('view/path.cypher'), { SOURCE: labelOfKey(from), TARGET: labelOfKey(to) });
  const rows = await read(driver, settings, query, { from, to, relations, docs });
  if (rows.length === 0) return null;
  return { graph: await rowsToGraph(driver, settings, [[rows[0]!.p]]), truncated: false };
}

export async function neo4jOverview(driver: Driver, settings: Neo4jSettings, documents: DocumentInfo[], filter: ViewFilter): Promise<Overview> {
  const { relations, docs } = filterParams(documents, filter);
  const rows = await read(driver, settings, readCypher('view/agencies.cypher'), { relations, docs });
  const agencies = rows.map((r) => ({ key: r.key as string, name: r.name as string, facts: Number(toPlain(r.facts)) }));
  return groupOverview(agencies, documents, filter, await neo4jCounts(driver, settings));
}

interface FactRow {
  key: string;
  type: EdgeAttributes['type'];
  source: string;
  target: string;
  status: EdgeAttributes['status'];
  implicit: boolean;
  rule: string;
  /** JSON strings as stored (toPlain has read them already), one per report; null where none matched. */
  evidence: Array<Evidence | string | null>;
}

const factEdge = (f: FactRow): SerializedEdge => ({
  key: f.key,
  source: f.source,
  target: f.target,
  attributes: { type: f.type, status: f.status, implicit: f.implicit, rule: f.rule, evidence: f.evidence.filter((e) => e !== null).map((e) => (typeof e === 'string' ? (JSON.parse(e) as Evidence) : e)) },
});

/**
 * An entity over the years, from Neo4j: the facts its timeline and fate are read from, and the figures
 * of the series it is charted with, read into a small graph that the same code as for a graph file reads.
 */
export async function neo4jTime(driver: Driver, settings: Neo4jSettings, documents: DocumentInfo[], key: string): Promise<TimeView> {
  const [row] = await read(driver, settings, fillTemplate(readCypher('view/time.cypher'), { LABEL: labelOfKey(key) }), { key });
  if (!row) throw new ViewError(`time: no entity with the key ${JSON.stringify(key)}`);
  const nodes = new Map<string, SerializedNode>([[key, { key, attributes: nodeAttributes(row.n as Node) }]]);
  const edges = new Map<string, SerializedEdge>();
  for (const f of toPlainRows<FactRow>(row.facts)) edges.set(f.key, factEdge(f));
  for (const v of (row.variants as Array<{ node: Node; fact: unknown }>) ?? []) {
    const node = v.node;
    nodes.set(node.properties.key as string, { key: node.properties.key as string, attributes: nodeAttributes(node) });
    const f = toPlain(v.fact) as FactRow;
    edges.set(f.key, factEdge(f));
  }
  const docs = new Map(documents.map((d) => [d.id, d]));
  const pairs = figurePairs(docs, toPlainRows<MeasuredFigure>(row.measured));
  if (pairs.length > 0) {
    for (const r of await read(driver, settings, readCypher('view/time-figures.cypher'), { pairs })) {
      const m = r.m as Node;
      nodes.set(m.properties.key as string, { key: m.properties.key as string, attributes: nodeAttributes(m) });
      for (const f of toPlainRows<FactRow>(r.facts)) edges.set(f.key, factEdge(f));
    }
  }
  const graph: SerializedGraph = { attributes: { documents, extractorVersion: '' }, options: { ...GRAPH_OPTIONS }, nodes: [...nodes.values()], edges: [...edges.values()] };
  return timeView(new TimeIndex(graph), key, pairs);
}

/** A list of maps from a row, as plain values; nulls (an OPTIONAL MATCH that found nothing) dropped. */
const toPlainRows = <T>(value: unknown): T[] => ((toPlain(value) as Array<T | null>) ?? []).filter((x): x is T => x !== null);
