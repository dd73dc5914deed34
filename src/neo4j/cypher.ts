/**
 * All Cypher lives in cypher/. This module reads it: statements split on `;` at line ends, comments
 * dropped, and whitelisted names (labels, relationship types) put in place of __PLACEHOLDERS__.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { NODE_TYPES, RELATION_TYPES } from '../graph/model.js';
import { cypherPath } from '../paths.js';

/** Labels and relationship types that may ever appear in Cypher text; nothing else is interpolated. */
export const LABELS = [...NODE_TYPES, 'Document'] as const;
export const REL_TYPES = [...RELATION_TYPES, 'MENTIONED_IN'] as const;

const cache = new Map<string, string>();

/** The text of a Cypher file with `//` comment lines removed. */
export function readCypher(relative: string): string {
  if (!cache.has(relative)) {
    const text = readFileSync(cypherPath(relative), 'utf8');
    cache.set(relative, stripComments(text));
  }
  return cache.get(relative)!;
}

export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
}

/** Statements of a script, split on `;` that ends a line. */
export function splitStatements(text: string): string[] {
  return stripComments(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Put whitelisted names in place of __NAME__ placeholders. */
export function fillTemplate(template: string, names: Record<string, string>): string {
  return template.replace(/__([A-Z]+)__/g, (_, name: string) => {
    const value = names[name];
    const allowed: readonly string[] = name === 'TYPE' ? REL_TYPES : LABELS;
    if (value === undefined || !allowed.includes(value)) {
      throw new UsageError(`fillTemplate: ${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`);
    }
    return value;
  });
}
