/**
 * The reader: a Cypher result (nodes, relationships, paths, lists of them) back into the graph contract,
 * for the viewer and the exports. User queries run read-only by construction: write clauses are refused
 * before anything is sent, the server must plan the query as read-only (EXPLAIN), and it runs in a read
 * transaction with a time limit and a row limit.
 */
import neo4j, { type Driver, type Node, type Path, type Relationship } from 'neo4j-driver';
import { Neo4jError, QueryTimeoutError, UsageError } from '../errors.js';
import { GRAPH_OPTIONS, isNodeType, isRelationType, type DocumentInfo, type EdgeAttributes, type NodeAttributes, type SerializedGraph } from '../graph/model.js';
import { withDefaults } from '../options.js';
import type { Neo4jSettings } from './connection.js';
import { readCypher } from './cypher.js';

export interface ReadLimits {
  /** Stop after this many rows. */
  maxRows: number;
  /** Server-side transaction timeout. */
  timeoutMs: number;
}

/** The limits of a read-only query unless told otherwise (query --max-rows, --timeout). */
export const READ_DEFAULTS: ReadLimits = { maxRows: 10_000, timeoutMs: 30_000 };

/** Limits given over the defaults (a command's, or the Cypher box's), checked: whole numbers above 0. */
export function resolveReadLimits(partial: Partial<ReadLimits> = {}, defaults: ReadLimits = READ_DEFAULTS): ReadLimits {
  const limits = withDefaults(defaults, partial);
  for (const [name, v] of Object.entries(limits)) {
    if (!(Number.isInteger(v) && v > 0)) throw new UsageError(`read limits: ${name} must be a whole number above 0, not ${JSON.stringify(v)}.`);
  }
  return limits;
}

const WRITE_CLAUSES = /\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|GRANT|DENY|REVOKE|RENAME|TERMINATE|START\s+DATABASE|STOP\s+DATABASE)\b|\bCALL\s+(dbms|db\.create|db\.index\.fulltext\.(create|drop)|apoc\.(create|merge|refactor|periodic|do|cypher\.run(Write|Schema)))|\bIN\s+TRANSACTIONS\b/i;

/** Refuse a query that could write, naming the clause; strings and comments are not looked at. */
export function assertReadOnlyText(query: string): void {
  const code = query.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`/g, ' ');
  const m = WRITE_CLAUSES.exec(code);
  if (m) throw new UsageError(`read-only Cypher: "${m[0].trim()}" can change the database, and this query box only reads. Use \`report2graph load\` to write.`);
}

export interface QueryRows {
  keys: string[];
  rows: unknown[][];
  truncated: boolean;
}

/** Run a read-only query and return its raw rows (driver values), within the limits. */
export async function runReadQuery(driver: Driver, settings: Neo4jSettings, query: string, params: Record<string, unknown>, given: Partial<ReadLimits> = {}): Promise<QueryRows> {
  assertReadOnlyText(query);
  const limits = resolveReadLimits(given);
  const { maxRows } = limits;
  const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
  try {
    const plan = await session.executeRead((tx) => tx.run(`EXPLAIN ${query}`, params));
    const type = plan.summary.queryType;
    if (type !== 'r') throw new UsageError(`read-only Cypher: Neo4j plans this query as ${type === 'w' ? 'a write' : type === 's' ? 'a schema change' : `type "${type}"`}, and this query box only reads.`);
    return await session.executeRead(
      async (tx) => {
        const result = tx.run(query, params);
        const rows: unknown[][] = [];
        let keys: string[] = [];
        let truncated = false;
        for await (const record of result) {
          keys = record.keys as string[];
          if (rows.length >= maxRows) {
            truncated = true;
            break;
          }
          rows.push(keys.map((k) => record.get(k)));
        }
        if (keys.length === 0) keys = (await result.keys()) as string[];
        return { keys, rows, truncated };
      },
      { timeout: limits.timeoutMs },
    );
  } catch (error) {
    if (error instanceof UsageError || error instanceof Neo4jError) throw error;
    const e = error as { code?: string; message?: string };
    if (e.code?.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) throw new QueryTimeoutError(limits.timeoutMs / 1000, { cause: error });
    if (e.code?.startsWith('Neo.ClientError')) throw new UsageError(`Cypher: ${e.message?.split('\n')[0]}`, { cause: error });
    throw new Neo4jError(`query: Neo4j failed (${e.message?.split('\n')[0]}); check that it is running.`, { cause: error });
  } finally {
    await session.close();
  }
}

/** Everything graph-like in the rows: nodes, relationships, path segments, inside lists and maps too. */
function collect(value: unknown, nodes: Map<string, Node>, rels: Map<string, Relationship>): void {
  if (value === null || typeof value !== 'object') return;
  if (neo4j.isNode(value as Node)) nodes.set((value as Node).elementId, value as Node);
  else if (neo4j.isRelationship(value as Relationship)) rels.set((value as Relationship).elementId, value as Relationship);
  else if (neo4j.isPath(value as Path)) {
    const p = value as Path;
    nodes.set(p.start.elementId, p.start);
    nodes.set(p.end.elementId, p.end);
    for (const s of p.segments) {
      nodes.set(s.start.elementId, s.start);
      nodes.set(s.end.elementId, s.end);
      rels.set(s.relationship.elementId, s.relationship);
    }
  } else if (Array.isArray(value)) for (const v of value) collect(v, nodes, rels);
  else for (const v of Object.values(value)) collect(v, nodes, rels);
}

const modelLabel = (node: Node) => node.labels.find(isNodeType);

export function nodeAttributes(node: Node): NodeAttributes {
  const { key: _key, search: _search, aliasesSimplified: _as, loadHash: _hash, mentions, aliases, ...rest } = node.properties as Record<string, unknown>;
  const attributes = {
    ...rest,
    type: modelLabel(node)!,
    aliases: [...((aliases as string[]) ?? [])].sort(),
    mentions: ((mentions as string[]) ?? []).map((m) => JSON.parse(m)).sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end)),
  } as NodeAttributes & Record<string, unknown>;
  if (attributes.type === 'Metric' && !('year' in attributes)) attributes.year = null;
  return attributes;
}

function edgeAttributes(rel: Relationship): EdgeAttributes {
  const { key: _key, evidence, docs: _docs, loadHash: _hash, ...rest } = rel.properties as Record<string, unknown>;
  return {
    ...(rest as Omit<EdgeAttributes, 'type' | 'evidence'>),
    type: rel.type as EdgeAttributes['type'],
    evidence: ((evidence as string[]) ?? []).map((e) => JSON.parse(e)).sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end)),
  };
}

/** Turn query rows into a graph; relationship ends missing from the rows are fetched. */
export async function rowsToGraph(driver: Driver, settings: Neo4jSettings, rows: unknown[][]): Promise<SerializedGraph> {
  const nodes = new Map<string, Node>();
  const rels = new Map<string, Relationship>();
  collect(rows, nodes, rels);
  for (const [id, r] of rels) if (!isRelationType(r.type)) rels.delete(id);
  const missing = [...rels.values()].flatMap((r) => [r.startNodeElementId, r.endNodeElementId]).filter((id) => !nodes.has(id));
  const session = driver.session({ database: settings.database, defaultAccessMode: neo4j.session.READ });
  try {
    if (missing.length > 0) {
      const fetched = await session.executeRead((tx) => tx.run(readCypher('read/nodes-by-element-id.cypher'), { ids: [...new Set(missing)] }));
      for (const record of fetched.records) nodes.set((record.get('n') as Node).elementId, record.get('n') as Node);
    }
    const modelNodes = [...nodes.values()].filter((n) => modelLabel(n) && typeof n.properties.key === 'string');
    const keyOf = new Map(modelNodes.map((n) => [n.elementId, n.properties.key as string]));
    const docIds = new Set<string>();
    const serializedNodes = modelNodes
      .map((n) => ({ key: n.properties.key as string, attributes: nodeAttributes(n) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const n of serializedNodes) for (const m of n.attributes.mentions) docIds.add(m.doc);
    const edges = [...rels.values()]
      .filter((r) => keyOf.has(r.startNodeElementId) && keyOf.has(r.endNodeElementId))
      .map((r) => ({ key: r.properties.key as string, source: keyOf.get(r.startNodeElementId)!, target: keyOf.get(r.endNodeElementId)!, attributes: edgeAttributes(r) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const e of edges) for (const ev of e.attributes.evidence) docIds.add(ev.doc);
    const docs = await session.executeRead((tx) => tx.run(readCypher('read/documents.cypher'), { ids: [...docIds] }));
    let extractorVersion = '';
    const documents: DocumentInfo[] = docs.records.map((record) => {
      const { damage, extractorVersion: version, ...p } = (record.get('d') as Node).properties as Record<string, unknown>;
      extractorVersion ||= String(version ?? '');
      return { jurisdiction: null, year: null, ...p, damage: ((damage as string[]) ?? []).map((d) => JSON.parse(d)) } as unknown as DocumentInfo;
    });
    return { attributes: { documents, extractorVersion }, options: { ...GRAPH_OPTIONS }, nodes: serializedNodes, edges };
  } finally {
    await session.close();
  }
}

/** The graph of a read-only query's result. */
export async function queryGraph(driver: Driver, settings: Neo4jSettings, query: string, params: Record<string, unknown>, limits: Partial<ReadLimits> = {}): Promise<SerializedGraph> {
  return rowsToGraph(driver, settings, (await runReadQuery(driver, settings, query, params, limits)).rows);
}

/** The whole graph held by the database. */
export async function readWholeGraph(driver: Driver, settings: Neo4jSettings): Promise<SerializedGraph> {
  return queryGraph(driver, settings, readCypher('read/all.cypher'), {}, { maxRows: Number.MAX_SAFE_INTEGER, timeoutMs: 600_000 });
}
