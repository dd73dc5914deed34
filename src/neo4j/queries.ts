/**
 * The curated questions in cypher/queries/: each file's header says what it answers (first comment
 * lines) and its parameters (`// @param name  description`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import { cypherPath } from '../paths.js';
import { stripComments } from './cypher.js';

export interface CuratedQuery {
  name: string;
  description: string;
  /** An optional parameter's description starts with `(optional)`: left out, it is null. */
  params: Array<{ name: string; description: string; optional: boolean }>;
  text: string;
}

export function parseQuery(name: string, source: string): CuratedQuery {
  const header = source.split('\n').filter((l) => l.trim().startsWith('//')).map((l) => l.trim().replace(/^\/\/\s?/, ''));
  const params = header
    .filter((l) => l.startsWith('@param'))
    .map((l) => /^@param\s+(\w+)\s*(.*)$/.exec(l)!)
    .map((m) => ({ name: m[1]!, description: m[2]!.trim(), optional: m[2]!.trim().startsWith('(optional)') }));
  const description = header.filter((l) => !l.startsWith('@param') && !l.startsWith('(no parameters')).join(' ');
  return { name, description, params, text: stripComments(source) };
}

export function listQueries(): CuratedQuery[] {
  return readdirSync(cypherPath('queries'))
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseQuery(basename(f, '.cypher'), readFileSync(cypherPath('queries', f), 'utf8')));
}

/** A curated query by name, or any .cypher file by path. */
export function resolveQuery(nameOrFile: string): CuratedQuery {
  if (nameOrFile.endsWith('.cypher') || nameOrFile.includes('/')) {
    if (!existsSync(nameOrFile)) throw new UsageError(`query: ${nameOrFile} does not exist; give a curated query name or a .cypher file.`);
    return parseQuery(basename(nameOrFile, '.cypher'), readFileSync(nameOrFile, 'utf8'));
  }
  const found = listQueries().find((q) => q.name === nameOrFile);
  if (!found) throw new UsageError(`query: no curated query "${nameOrFile}"; run \`report2graph query --list\` to see them.`);
  return found;
}

/** `k=v` pairs to parameters; whole numbers become numbers. Every declared parameter must be given, but an optional one is null when left out. */
export function parseParams(query: CuratedQuery, pairs: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`query: --param "${pair}" is not of the form name=value.`);
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    params[key] = /^-?\d+$/.test(value) ? Number(value) : value;
  }
  for (const p of query.params) if (p.optional && !(p.name in params)) params[p.name] = null;
  const missing = query.params.filter((p) => !(p.name in params));
  if (missing.length > 0) {
    throw new UsageError(`query ${query.name}: missing ${missing.map((p) => `--param ${p.name}=… (${p.description})`).join(', ')}.`);
  }
  return params;
}
