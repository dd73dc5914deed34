/**
 * The writer's contract, without I/O: a graph becomes batches of parameterized statements. Labels and
 * relationship types come only from the model's whitelist; every value is a parameter. Neo4j stores
 * lists of primitives only, so mentions and evidence are stored as lists of JSON strings (one per item)
 * and read back by the reader.
 */
import { createHash } from 'node:crypto';
import type { SerializedGraph } from '../graph/model.js';
import { matchingView } from '../text/script.js';
import { fillTemplate, readCypher } from './cypher.js';

export interface Statement {
  query: string;
  params: Record<string, unknown>;
  /**
   * Which of the batch's rows the database holds already as they are (their content hash stored with
   * them, `loadHash`): a re-load sends only the others. Merging is a union, so a row applied last time,
   * applied again, changes nothing — skipping it changes nothing either.
   */
  applied?: Statement;
  /** The same rows created without looking for them first: for a database that held none of the graph before this load. */
  firstLoad?: string;
}

/** A row's content hash: the same row, the same hash, on any machine. */
export const rowHash = (row: Record<string, unknown>): string => createHash('sha1').update(JSON.stringify(row)).digest('hex');
const withHash = <T extends Record<string, unknown> & { key: string }>(row: T): T & { hash: string } => ({ ...row, hash: rowHash(row) });

export const DEFAULT_BATCH_SIZE = 2000;

function batches<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function documentStatements(graph: SerializedGraph): Statement[] {
  const rows = graph.attributes.documents.map(({ id, damage, ...rest }) => ({
    id,
    props: { ...withoutNulls(rest), damage: damage.map((d) => JSON.stringify(d)), extractorVersion: graph.attributes.extractorVersion },
  }));
  return rows.length === 0 ? [] : [{ query: readCypher('write/merge-documents.cypher'), params: { rows } }];
}

type Row = Record<string, unknown> & { key: string; hash: string };

/**
 * One batch, its rows built when first asked for: a load builds the next batch while Neo4j writes the
 * ones before (the two cores of a small machine both busy), and holds no row it has not reached.
 */
function batchStatement(query: string, firstLoad: string, appliedQuery: string, build: () => Row[], appliedRow: (row: Row) => Record<string, unknown>): Statement {
  let params: { rows: Row[] } | undefined;
  const statement: Statement = {
    query,
    get params() {
      return (params ??= { rows: build() });
    },
    get applied() {
      return { query: appliedQuery, params: { rows: (statement.params.rows as Row[]).map(appliedRow) } };
    },
    firstLoad,
  };
  return statement;
}

function nodeRow({ key, attributes }: SerializedGraph['nodes'][number]): Row {
  const { aliases, mentions, x: _x, y: _y, ...rest } = attributes;
  return withHash({
    key,
    props: withoutNulls(rest as Record<string, unknown>),
    aliases,
    aliasesSimplified: [...new Set(aliases.map(matchingView))],
    mentions: mentions.map((m) => JSON.stringify(m)),
    docs: [...new Set(mentions.map((m) => m.doc))],
  });
}

function relationshipRow({ key, source, target, attributes }: SerializedGraph['edges'][number]): Row {
  const { evidence, type: _type, ...rest } = attributes;
  return withHash({ key, source, target, props: rest, evidence: evidence.map((e) => JSON.stringify(e)), docs: [...new Set(evidence.map((e) => e.doc))] });
}

export function nodeStatements(graph: SerializedGraph, batchSize = DEFAULT_BATCH_SIZE): Statement[] {
  const byLabel = new Map<string, SerializedGraph['nodes']>();
  for (const node of graph.nodes) {
    const list = byLabel.get(node.attributes.type) ?? [];
    list.push(node);
    byLabel.set(node.attributes.type, list);
  }
  const out: Statement[] = [];
  for (const [label, nodes] of [...byLabel.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const query = fillTemplate(readCypher('write/merge-nodes.cypher'), { LABEL: label });
    const applied = fillTemplate(readCypher('write/applied-nodes.cypher'), { LABEL: label });
    const firstLoad = fillTemplate(readCypher('write/create-nodes.cypher'), { LABEL: label });
    for (const batch of batches(nodes, batchSize)) out.push(batchStatement(query, firstLoad, applied, () => batch.map(nodeRow), ({ key, hash }) => ({ key, hash })));
  }
  return out;
}

export function relationshipStatements(graph: SerializedGraph, batchSize = DEFAULT_BATCH_SIZE): Statement[] {
  const typeOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.type]));
  const groups = new Map<string, { names: { TYPE: string; SOURCE: string; TARGET: string }; edges: SerializedGraph['edges'] }>();
  for (const edge of graph.edges) {
    const names = { TYPE: edge.attributes.type, SOURCE: typeOf.get(edge.source)!, TARGET: typeOf.get(edge.target)! };
    const group = `${names.TYPE}|${names.SOURCE}|${names.TARGET}`;
    if (!groups.has(group)) groups.set(group, { names, edges: [] });
    groups.get(group)!.edges.push(edge);
  }
  const out: Statement[] = [];
  for (const [, { names, edges }] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const query = fillTemplate(readCypher('write/merge-relationships.cypher'), names);
    const applied = fillTemplate(readCypher('write/applied-relationships.cypher'), names);
    const firstLoad = fillTemplate(readCypher('write/create-relationships.cypher'), names);
    for (const batch of batches(edges, batchSize)) out.push(batchStatement(query, firstLoad, applied, () => batch.map(relationshipRow), ({ key, source, target, hash }) => ({ key, source, target, hash })));
  }
  return out;
}

/** One statement per node and relationship: the baseline of the benchmark, never used to load. */
export function naiveStatements(graph: SerializedGraph): Statement[] {
  const typeOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.type]));
  const nodes = graph.nodes.map(({ key, attributes }) => {
    const { aliases, mentions, x: _x, y: _y, ...rest } = attributes;
    return {
      query: fillTemplate(readCypher('write/naive-node.cypher'), { LABEL: attributes.type }),
      params: { key, props: { ...withoutNulls(rest as Record<string, unknown>), aliases, mentions: mentions.map((m) => JSON.stringify(m)) } },
    };
  });
  const edges = graph.edges.map(({ key, source, target, attributes }) => {
    const { evidence, type, ...rest } = attributes;
    return {
      query: fillTemplate(readCypher('write/naive-relationship.cypher'), { TYPE: type, SOURCE: typeOf.get(source)!, TARGET: typeOf.get(target)! }),
      params: { key, source, target, props: { ...rest, evidence: evidence.map((e) => JSON.stringify(e)) } },
    };
  });
  return [...nodes, ...edges];
}

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

