/**
 * The view in the URL, so a link reopens it: the selection, the path's other end, the nodes expanded (in
 * order), the report filters and the camera. Read once when the viewer opens, written on every change.
 */
import type { ViewerState } from './state.js';

export interface UrlView {
  selected: string | null;
  pathTo: string | null;
  expanded: string[];
  yearFrom: number | null;
  yearTo: number | null;
  doc: string | null;
  jurisdiction: string | null;
  camera: { x: number; y: number; ratio: number } | null;
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
  if (camera) q.set('cam', [camera.x, camera.y, camera.ratio].map((v) => v.toFixed(4)).join(','));
  return `#${q}`;
}
