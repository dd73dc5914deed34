/**
 * What the viewer's server answers from: a graph file held in memory (graphology), or Neo4j, queried for
 * what is asked and never read whole. One contract for both, so the server and the viewer do not know
 * which one they talk to.
 */
import type { Driver } from 'neo4j-driver';
import type { CorrectionOutcome, DocumentInfo, SerializedGraph } from '../graph/model.js';
import { applyCorrections, type Correction } from '../resolve/corrections.js';
import { appendCorrection, readCorrectionsFile, reportTexts } from '../resolve/corrections-file.js';
import { buildSearchIndex, type Match } from '../graph/search.js';
import { toGraphology } from '../graph/store.js';
import { figurePairs, measuredBy, TimeIndex, timeView, type TimeView } from '../graph/track.js';
import { neighbourhoodOf, overviewOf, pathBetween, subgraphOf, ViewError, type Overview, type ReportRef, type ViewFilter } from '../graph/view.js';
import type { Neo4jSettings } from '../neo4j/connection.js';
import { queryGraph, resolveReadLimits, type ReadLimits } from '../neo4j/reader.js';
import { neo4jCounts, neo4jDocuments, neo4jNeighbourhood, neo4jOverview, neo4jPath, neo4jSearch, neo4jTime, readWholeGraph } from '../neo4j/view.js';

/** A document as the viewer lists it (for its filters). */
export type DocumentSummary = ReportRef & Pick<DocumentInfo, 'title'>;

export interface SourceInfo {
  nodes: number;
  relations: number;
  documents: DocumentSummary[];
}

/** A part of the graph, and whether a limit cut it short. */
export interface View {
  graph: SerializedGraph;
  truncated: boolean;
}

export interface GraphSource {
  kind: 'file' | 'neo4j';
  label: string;
  info(): Promise<SourceInfo>;
  /** The whole graph (the server sends it only when it is small). */
  graph(): Promise<SerializedGraph>;
  search(query: string, limit: number): Promise<Match[]>;
  neighbourhood(key: string, depth: number, filter: ViewFilter, limit: number): Promise<View>;
  /** The shortest chain of facts between two entities; null when none is within reach. */
  path(from: string, to: string, filter: ViewFilter): Promise<View | null>;
  overview(filter: ViewFilter): Promise<Overview>;
  /** An entity over the years: where it is seen, what became of it where planned, the series of its figures. */
  time(key: string): Promise<TimeView>;
  /** Present when served with a corrections file: the viewer may correct the graph. */
  corrections?: CorrectionsHandle;
  /** Present for a Neo4j source: a read-only query's graph. */
  cypher?: (query: string, params: Record<string, unknown>) => Promise<SerializedGraph>;
}

const summary = (d: DocumentInfo): DocumentSummary => ({ id: d.id, title: d.title, year: d.year, jurisdiction: d.jurisdiction });

/** A graph file as the viewer's source, held in memory. */
export function fileSource(label: string, serialized: SerializedGraph): GraphSource {
  const graph = toGraphology(serialized);
  const { documents, extractorVersion } = serialized.attributes;
  let index: ReturnType<typeof buildSearchIndex> | undefined;
  let time: TimeIndex | undefined;
  return {
    kind: 'file',
    label,
    info: async () => ({ nodes: graph.order, relations: graph.size, documents: documents.map(summary) }),
    graph: async () => serialized,
    search: async (query, limit) => (index ??= buildSearchIndex(graph)).search(query, limit),
    neighbourhood: async (key, depth, filter, limit) => {
      const selection = neighbourhoodOf(graph, documents, key, { depth, filter, limit });
      return { graph: subgraphOf(graph, documents, extractorVersion, selection), truncated: selection.truncated };
    },
    path: async (from, to, filter) => {
      const selection = pathBetween(graph, documents, from, to, filter);
      return selection && { graph: subgraphOf(graph, documents, extractorVersion, selection), truncated: false };
    },
    overview: async (filter) => overviewOf(graph, documents, filter),
    time: async (key) => {
      if (!graph.hasNode(key)) throw new ViewError(`time: no entity with the key ${JSON.stringify(key)}`);
      time ??= new TimeIndex(serialized);
      return timeView(time, key, figurePairs(time.documents, measuredBy(time, key)));
    },
  };
}

/** The Cypher box's limits unless told otherwise (serve --max-rows, --timeout): tighter than a command's, as a person waits. */
export const CYPHER_BOX_LIMITS: ReadLimits = { maxRows: 5000, timeoutMs: 15_000 };

/** Neo4j as the viewer's source: every answer a bounded query; a read-only Cypher box within limits. */
export function neo4jSource(driver: Driver, settings: Neo4jSettings, given: Partial<ReadLimits> = {}): GraphSource {
  const limits = resolveReadLimits(given, CYPHER_BOX_LIMITS);
  let documents: Promise<DocumentInfo[]> | undefined;
  const docs = () => (documents ??= neo4jDocuments(driver, settings));
  return {
    kind: 'neo4j',
    label: settings.uri,
    info: async () => ({ ...(await neo4jCounts(driver, settings)), documents: (await docs()).map(summary) }),
    graph: () => readWholeGraph(driver, settings),
    search: (query, limit) => neo4jSearch(driver, settings, query, limit),
    neighbourhood: async (key, depth, filter, limit) => neo4jNeighbourhood(driver, settings, await docs(), key, depth, filter, limit),
    path: async (from, to, filter) => neo4jPath(driver, settings, await docs(), from, to, filter),
    overview: async (filter) => neo4jOverview(driver, settings, await docs(), filter),
    time: async (key) => neo4jTime(driver, settings, await docs(), key),
    cypher: (query, params) => queryGraph(driver, settings, query, params, limits),
  };
}

/** The viewer's way to correct the graph, present when the server was started with a corrections file. */
export interface CorrectionsHandle {
  file: string;
  /** Add one correction to the file (refused when it conflicts), apply the whole file again; what became of it, and the entity it left. */
  add(correction: Correction): Promise<{ outcome: CorrectionOutcome; key: string | null }>;
}

/**
 * A graph file served with its corrections file: the graph as the file holds it with every correction
 * applied; a correction from the viewer is written to the corrections file (never the graph file) and
 * the whole file applied again, so a restart shows the same.
 */
export async function correctedFileSource(label: string, base: SerializedGraph, file: string): Promise<GraphSource & { corrections: CorrectionsHandle }> {
  const texts = reportTexts(base.attributes.documents);
  const build = async () => fileSource(label, (await applyCorrections(base, await readCorrectionsFile(file), texts, file)).graph);
  let current = await build();
  let queue: Promise<unknown> = Promise.resolve();
  const corrections: CorrectionsHandle = {
    file,
    add: (correction) => {
      // One correction at a time: each reads the file the one before wrote.
      const run = queue.then(async () => {
        const all = await appendCorrection(file, correction);
        const result = await applyCorrections(base, all, texts, file);
        current = fileSource(label, result.graph);
        const outcome = result.outcomes.at(-1)!;
        return { outcome, key: outcome.keys[0] ?? null };
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return {
    kind: 'file',
    label,
    info: () => current.info(),
    graph: () => current.graph(),
    search: (q, limit) => current.search(q, limit),
    neighbourhood: (key, depth, filter, limit) => current.neighbourhood(key, depth, filter, limit),
    path: (from, to, filter) => current.path(from, to, filter),
    overview: (filter) => current.overview(filter),
    time: (key) => current.time(key),
    corrections,
  };
}
