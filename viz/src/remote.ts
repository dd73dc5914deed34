/** The server's API, as the viewer calls it (src/server/server.ts documents each endpoint). */
import { NODE_TYPES, RELATION_TYPES, type SerializedGraph } from '../../src/graph/model.js';
import type { Match } from '../../src/graph/search.js';
import type { TimeView } from '../../src/graph/track.js';
import type { Overview } from '../../src/graph/view.js';
import type { DocumentSummary } from '../../src/server/source.js';
import type { ViewerState } from './state.js';

export interface Info {
  source: 'file' | 'neo4j';
  label: string;
  cypher: boolean;
  /** Served with a corrections file: the panel may correct the graph. */
  corrections: boolean;
  nodes: number;
  relations: number;
  documents: DocumentSummary[];
  /** Small enough to load whole. */
  whole: boolean;
  wholeGraphLimit: number;
}

export interface View {
  graph: SerializedGraph;
  truncated: boolean;
}

/** Bytes of every API answer received, for the benchmarks. */
export const received = { bytes: 0 };

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  received.bytes += text.length;
  const body = JSON.parse(text) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${url}: HTTP ${res.status}`);
  return body;
}

/** The filters of the state as a query string (the server's filter parameters). */
export function filterQuery(state: ViewerState): URLSearchParams {
  const q = new URLSearchParams();
  if (state.yearFrom !== null) q.set('yearFrom', String(state.yearFrom));
  if (state.yearTo !== null) q.set('yearTo', String(state.yearTo));
  if (state.doc) q.append('doc', state.doc);
  if (state.jurisdiction) q.append('jurisdiction', state.jurisdiction);
  // Types and relations ticked off are not loaded either (the overview's agencies always are).
  if (state.types.size < NODE_TYPES.length) for (const t of state.types) q.append('type', t);
  if (state.relations.size < RELATION_TYPES.length) for (const r of state.relations) q.append('relation', r);
  return q;
}

const withFilter = (state: ViewerState, extra: Record<string, string>) => {
  const q = filterQuery(state);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
};

export const api = {
  info: () => fetchJson<Info>('/api/info'),
  graph: () => fetchJson<SerializedGraph>('/api/graph'),
  search: (text: string, limit = 10) => fetchJson<Match[]>(`/api/search?${new URLSearchParams({ q: text, limit: String(limit) })}`),
  neighbourhood: (state: ViewerState, key: string, depth = 1) => fetchJson<View>(`/api/neighbourhood?${withFilter(state, { key, depth: String(depth) })}`),
  path: (state: ViewerState, from: string, to: string) => fetchJson<View>(`/api/path?${withFilter(state, { from, to })}`),
  time: (key: string) => fetchJson<TimeView>(`/api/time?${new URLSearchParams({ key })}`),
  overview: (state: ViewerState) => {
    const q = filterQuery(state);
    q.delete('type');
    return fetchJson<Overview>(`/api/overview?${q}`);
  },
};
