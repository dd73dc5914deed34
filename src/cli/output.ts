/** Output helpers for commands: stdout that respects back-pressure, and files written atomically. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OutputError } from '../errors.js';

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** Write `data` to `path` through a temporary file, so a failure never leaves a half-written file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
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
