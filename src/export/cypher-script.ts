/**
 * A Cypher script that recreates a subgraph with MERGE when run by cypher-shell or the driver: the
 * schema first, then one statement per node and relationship. Every string is a single-quoted literal
 * with \, ', new lines and control characters escaped; labels and types come from the whitelist.
 */
import type { SerializedGraph } from '../graph/model.js';
import { fillTemplate, readCypher, splitStatements } from '../neo4j/cypher.js';
import { matchingView } from '../text/script.js';

export function cypherString(text: string): string {
  return `'${text.replace(/[\\'\u0000-\u001f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  })}'`;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'object' && v !== null ? cypherString(JSON.stringify(v)) : literal(v))).join(', ')}]`;
  return cypherString(JSON.stringify(value));
}

function map(props: Record<string, unknown>): string {
  return `{${Object.entries(props)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${literal(v)}`)
    .join(', ')}}`;
}

export function writeCypherScript(graph: SerializedGraph): string {
  const lines = ['// report2graph export: recreates this subgraph with MERGE (cypher-shell -f this-file, or the driver).', ''];
  for (const s of splitStatements(readCypher('schema.cypher'))) lines.push(`${s.replace(/\n/g, ' ')};`);
  lines.push('');
  const typeOf = new Map(graph.nodes.map((n) => [n.key, n.attributes.type]));
  for (const { key, attributes } of graph.nodes) {
    const { aliases, mentions, x: _x, y: _y, ...rest } = attributes;
    const label = fillTemplate('__LABEL__', { LABEL: attributes.type });
    const aliasesSimplified = [...new Set(aliases.map(matchingView))];
    const search = [...aliases, ...aliasesSimplified].map((a) => ` ${a}`).join('');
    const props = { ...rest, aliases, aliasesSimplified, search, mentions: mentions.map((m) => JSON.stringify(m)) };
    lines.push(`MERGE (n:${label} {key: ${cypherString(key)}}) SET n += ${map(props)};`);
  }
  for (const { key, source, target, attributes } of graph.edges) {
    const { evidence, type, ...rest } = attributes;
    const names = fillTemplate('__SOURCE__|__TARGET__|__TYPE__', { SOURCE: typeOf.get(source)!, TARGET: typeOf.get(target)!, TYPE: type }).split('|');
    lines.push(
      `MATCH (s:${names[0]} {key: ${cypherString(source)}}), (t:${names[1]} {key: ${cypherString(target)}}) MERGE (s)-[r:${names[2]} {key: ${cypherString(key)}}]->(t) SET r += ${map({ ...rest, evidence: evidence.map((e) => JSON.stringify(e)) })};`,
    );
  }
  return `${lines.join('\n')}\n`;
}
