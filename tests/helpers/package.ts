import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** A copy of the package (code and rules; node_modules linked) whose rules a test may change: they live in data/, read at run time. */
export function copyPackage(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['src', 'bin']) cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'data'));
  for (const dir of ['extract', 'lexicon']) cpSync(join(ROOT, 'data', dir), join(root, 'data', dir), { recursive: true });
  return root;
}

/** Change one lexicon of a package copy. */
export function editLexicon(root: string, name: string, edit: (lexicon: Record<string, unknown>) => void): void {
  const file = join(root, 'data/extract', `${name}.json`);
  const lexicon = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(lexicon);
  writeFileSync(file, JSON.stringify(lexicon, null, 2));
}
