/** Files written so that a failure never leaves a half-written one. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OutputError } from './errors.js';

/**
 * Write `data` (or its pieces, in order) to `path` through a temporary file, so a failure never leaves a
 * half-written file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new OutputError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose a writable path.`, { cause: error });
  }
}

