/** What the user has chosen; reducers read it, nothing writes styles into the graph. */
import { NODE_TYPES, RELATION_TYPES, type NodeType, type RelationType, type Status } from '../../src/graph/model.js';

export interface ViewerState {
  types: Set<NodeType>;
  relations: Set<RelationType>;
  statuses: Set<Status>;
  minDegree: number;
  /** The clicked node, and what its trace highlights (null: nothing traced). */
  selected: string | null;
  traced: { nodes: Set<string>; edges: Set<string> } | null;
  hovered: string | null;
  /** Reports kept by the report filters (year range, document, jurisdiction); null keeps every report. */
  allowedDocs: Set<string> | null;
  yearFrom: number | null;
  yearTo: number | null;
  doc: string | null;
  jurisdiction: string | null;
  /** Exploring a graph kept on the server: the nodes expanded, in order, and the path's other end. */
  expanded: string[];
  pathTo: string | null;
}

export const initialState = (): ViewerState => ({
  types: new Set(NODE_TYPES),
  relations: new Set(RELATION_TYPES),
  statuses: new Set<Status>(['done', 'planned']),
  minDegree: 0,
  selected: null,
  traced: null,
  hovered: null,
  allowedDocs: null,
  yearFrom: null,
  yearTo: null,
  doc: null,
  jurisdiction: null,
  expanded: [],
  pathTo: null,
});
