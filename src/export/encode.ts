/**
 * How attributes that are lists or objects travel in formats that only hold scalars (GraphML, GEXF,
 * CSV): as JSON text. `decodeAttributes` undoes it, so a file read back equals the graph it came from.
 */
import type { EdgeAttributes, NodeAttributes } from '../graph/model.js';

/** Attributes whose values are JSON text in GraphML, GEXF and CSV. */
export const JSON_ATTRIBUTES = ['aliases', 'mentions', 'evidence', 'documents'] as const;

export function encodeAttributes(attributes: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attributes)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);
  }
  return out;
}

export function decodeAttributes<T extends NodeAttributes | EdgeAttributes>(attributes: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...attributes };
  for (const k of JSON_ATTRIBUTES) if (typeof out[k] === 'string') out[k] = JSON.parse(out[k] as string);
  if (out.type === 'Metric') {
    // GEXF writers drop empty values: restore the contract's defaults.
    out.year ??= null;
    out.qualifier ??= '';
    out.label ??= '';
  }
  return out as T;
}

/** graphology-gexf formatters: labels from names (nodes) and types (edges), every attribute kept. */
export const gexfFormatters = {
  formatNode: (_key: string, attributes: Record<string, unknown>) => ({ label: String(attributes.name), attributes: encodeAttributes(attributes) }),
  formatEdge: (_key: string, attributes: Record<string, unknown>) => ({ label: String(attributes.type), attributes: encodeAttributes(attributes) }),
};
