/** The export formats, one writer each; `writeExport` puts the result on disk without half-written files. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../files.js';
import { OutputError, UsageError } from '../errors.js';
import { serializeGraph } from '../graph/io.js';
import type { SerializedGraph } from '../graph/model.js';
import { writeCsv } from './csv.js';
import { writeCypherScript } from './cypher-script.js';
import { writeGexf } from './gexf.js';
import { writeGraphml } from './graphml.js';

export const FORMATS = ['graphml', 'gexf', 'json', 'csv', 'cypher'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if (!FORMATS.includes(value as Format)) throw new UsageError(`export: --format must be one of ${FORMATS.join(', ')}, not "${value}".`);
  return value as Format;
}

/** The file (or, for csv, the files) of a graph in a format. */
export function render(graph: SerializedGraph, format: Format): string | Record<string, string> {
  switch (format) {
    case 'graphml':
      return writeGraphml(graph);
    case 'gexf':
      return writeGexf(graph);
    case 'json':
      return serializeGraph(graph);
    case 'csv':
      return { ...writeCsv(graph) };
    case 'cypher':
      return writeCypherScript(graph);
  }
}

export async function writeExport(out: string, content: string | Record<string, string>): Promise<void> {
  if (typeof content === 'string') return writeFileAtomic(out, content);
  const tmp = `${out.replace(/\/$/, '')}.tmp-${process.pid}`;
  try {
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    for (const [name, text] of Object.entries(content)) await writeFile(`${tmp}/${name}`, text);
    await rm(out, { recursive: true, force: true });
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw new OutputError(`export: cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose a writable folder.`, { cause: error });
  }
}
