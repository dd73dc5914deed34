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

/** A JSON file written by report2graph, parsed: `call` names who asks, `expected` says what to give instead. */
export async function readJsonFile(path: string, call: string, expected: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${call}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); ${expected}.`, path, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GraphContractError(`${call}: ${path} is not JSON (${(error as Error).message.split('\n')[0]}); ${expected}.`, { cause: error });
  }
}

export async function readGraphFile(path: string): Promise<SerializedGraph> {
  const data = await readJsonFile(path, 'readGraphFile', 'run `report2graph extract` first or give the path of a graph file written by report2graph');
  if ((data as { format?: unknown } | null)?.format === 'report2graph-shard') {
    throw new GraphContractError(`readGraphFile: ${path} is a shard file of \`extract --shard\`, not a graph; join the shards of the run with \`report2graph merge\` first.`);
  }
  return validateGraph(data, `readGraphFile(${path})`);
}
