/**
 * The view in the URL, so a link reopens it: the selection, the path's other end, the nodes expanded (in
 * order), every filter and the camera. Read once when the viewer opens, written on every change.
 */
import { NODE_TYPES, RELATION_TYPES, type NodeType, type RelationType, type Status } from '../../src/graph/model.js';
import type { ViewerState } from './state.js';

const STATUSES: Status[] = ['done', 'planned'];

export interface UrlView {
  selected: string | null;
  pathTo: string | null;
  expanded: string[];
  yearFrom: number | null;
  yearTo: number | null;
  doc: string | null;
  jurisdiction: string | null;
  camera: { x: number; y: number; ratio: number } | null;
  /** The type, relation and status filters (null: as the viewer opens) and the minimum degree. */
  types: NodeType[] | null;
  relations: RelationType[] | null;
  statuses: Status[] | null;
  minDegree: number;
}

/** A list of known values from a comma-joined parameter; null when absent. */
function listOf<T extends string>(value: string | null, known: readonly T[]): T[] | null {
  if (value === null) return null;
  return value.split(',').filter((v): v is T => known.includes(v as T));
}

const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : null);

export function readUrl(hash: string): UrlView {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const cam = (q.get('cam') ?? '').split(',').map(Number);
  return {
    selected: q.get('sel'),
    pathTo: q.get('path'),
    expanded: q.getAll('exp'),
    yearFrom: year(q.get('from')),
    yearTo: year(q.get('to')),
    doc: q.get('doc'),
    jurisdiction: q.get('jur'),
    camera: cam.length === 3 && cam.every(Number.isFinite) ? { x: cam[0]!, y: cam[1]!, ratio: cam[2]! } : null,
    types: listOf(q.get('types'), NODE_TYPES),
    relations: listOf(q.get('rel'), RELATION_TYPES),
    statuses: listOf(q.get('status'), STATUSES),
    minDegree: Math.max(0, Number(q.get('deg')) || 0),
  };
}

export function writeUrl(state: ViewerState, camera: { x: number; y: number; ratio: number } | null): string {
  const q = new URLSearchParams();
  if (state.selected) q.set('sel', state.selected);
  if (state.pathTo) q.set('path', state.pathTo);
  for (const key of state.expanded) q.append('exp', key);
  if (state.yearFrom !== null) q.set('from', String(state.yearFrom));
  if (state.yearTo !== null) q.set('to', String(state.yearTo));
  if (state.doc) q.set('doc', state.doc);
  if (state.jurisdiction) q.set('jur', state.jurisdiction);
  if (state.types.size < NODE_TYPES.length) q.set('types', NODE_TYPES.filter((t) => state.types.has(t)).join(','));
  if (state.relations.size < RELATION_TYPES.length) q.set('rel', RELATION_TYPES.filter((r) => state.relations.has(r)).join(','));
  if (state.statuses.size < STATUSES.length) q.set('status', STATUSES.filter((x) => state.statuses.has(x)).join(','));
  if (state.minDegree > 0) q.set('deg', String(state.minDegree));
  if (camera) q.set('cam', [camera.x, camera.y, camera.ratio].map((v) => v.toFixed(4)).join(','));
  return `#${q}`;
}
