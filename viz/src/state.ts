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
}

export const initialState = (): ViewerState => ({
  types: new Set(NODE_TYPES),
  relations: new Set(RELATION_TYPES),
  statuses: new Set<Status>(['done', 'planned']),
  minDegree: 0,
  selected: null,
  traced: null,
  hovered: null,
});
