/** Driver values as plain JSON for output: nodes by key, type and name; JSON-string lists decoded. */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return /^\{".*\}$/s.test(value) ? safeParse(value) : value;
  if (typeof value !== 'object') return value;
  if (neo4j.isNode(value as Node)) {
    const n = value as Node;
    return { key: n.properties.key ?? n.properties.id, type: n.labels[0], name: n.properties.name ?? n.properties.title };
  }
  if (neo4j.isRelationship(value as Relationship)) return { type: (value as Relationship).type, key: (value as Relationship).properties.key };
  if (neo4j.isPath(value as Path)) {
    const p = value as Path;
    return { nodes: [p.start, ...p.segments.map((s) => s.end)].map((n) => n.properties.name), relationships: p.segments.map((s) => s.relationship.type) };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof (value as { toString?: unknown }).toString === 'function' && (neo4j.isDate(value as never) || neo4j.isDateTime(value as never))) return String(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
