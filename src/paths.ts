import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root, where data/, cypher/ and viz/ live. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const dataPath = (...parts: string[]): string => join(PACKAGE_ROOT, 'data', ...parts);
export const cypherPath = (...parts: string[]): string => join(PACKAGE_ROOT, 'cypher', ...parts);
