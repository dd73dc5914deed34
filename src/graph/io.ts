/** Reading and writing graph files (graphology's serialized form), checked against the contract. */
import { readFile } from 'node:fs/promises';
import { GraphContractError, InputError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { graphChunks, serializeGraph } from './serialize.js';
import { validateGraph } from './validate.js';
import type { SerializedGraph } from './model.js';

export { serializeGraph };

export async function writeGraphFile(path: string, graph: SerializedGraph): Promise<void> {
  validateGraph(graph, `writeGraphFile(${path})`);
  await writeFileAtomic(path, graphChunks(graph));
}

export async function readGraphFile(path: string): Promise<SerializedGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`readGraphFile: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); run \`report2graph extract\` first or give the path of a graph file.`, path, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GraphContractError(`readGraphFile: ${path} is not JSON (${(error as Error).message}); give a graph file written by report2graph.`, { cause: error });
  }
  if ((data as { format?: unknown } | null)?.format === 'report2graph-shard') {
    throw new GraphContractError(`readGraphFile: ${path} is a shard file of \`extract --shard\`, not a graph; join the shards of the run with \`report2graph merge\` first.`);
  }
  return validateGraph(data, `readGraphFile(${path})`);
}
