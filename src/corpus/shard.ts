/**
 * Shards: one corpus run split over many machines. `extract --shard I/N` takes the reports whose
 * document id falls in share I of N (by a hash of the id, so every machine picks the same share of the
 * same corpus wherever its folder is mounted) and writes a shard file: those reports' own graphs, each
 * as a single-report run builds it. `merge` joins the shard files of a run into one graph, equal byte for
 * byte to a single run over the whole corpus (a corpus run is the merge of single-report graphs, in any
 * order). Plain graph files can be merged too (two corpora): entity by entity, each node named as the
 * file holding the earliest document names it.
 */
import { createHash } from 'node:crypto';
import { GraphContractError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { validateGraph } from '../graph/validate.js';
import type { SerializedGraph } from '../graph/model.js';
import { readJsonFile } from '../graph/io.js';
import { graphChunks } from '../graph/serialize.js';
import { documentId } from '../text/document.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const SHARD_FORMAT = 'report2graph-shard';
const SHARD_VERSION = 1;

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: number;
  shard: Shard;
  extractorVersion: string;
  /** The extractor's version, rules and lexicons: shards of one run were extracted by the same rules. */
  fingerprint: string;
  /** Each report's graph, by document id. */
  graphs: SerializedGraph[];
}

/** `I/N` (1 ≤ I ≤ N) as a shard; a clear error otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`extract: --shard takes I/N with 1 ≤ I ≤ N (e.g. --shard 2/8 for the second of eight shares), not "${text}".`);
  }
  return { index, count };
}

/** The share (1-based) of `count` that a report belongs to, from its document id alone. */
export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(documentId(path)).digest().readUInt32BE(0) % count) + 1;
}

export const inShard = (path: string, shard: Shard): boolean => shardOf(path, shard.count) === shard.index;

/** Write a shard file, each report's graph streamed in pieces (a shard may hold more than a string can). */
export async function writeShardFile(path: string, file: Omit<ShardFile, 'format' | 'version'>): Promise<void> {
  const { graphs, ...head } = file;
  function* text() {
    yield `${JSON.stringify({ format: SHARD_FORMAT, version: SHARD_VERSION, ...head }).slice(0, -1)},"graphs":[`;
    for (let i = 0; i < graphs.length; i++) {
      if (i > 0) yield ',';
      for (const piece of graphChunks(graphs[i]!)) yield piece.endsWith('\n') ? piece.slice(0, -1) : piece;
    }
    yield ']}\n';
  }
  await writeFileAtomic(path, text());
}

/** A shard file or a graph file, told apart by its `format`. */
export type MergeInput = { kind: 'shard'; path: string; shard: ShardFile } | { kind: 'graph'; path: string; graph: SerializedGraph };

export async function readMergeInput(path: string): Promise<MergeInput> {
  const parsed = await readJsonFile(path, 'merge', 'give shard files written by `extract --shard` or graph files written by `extract`');
  const o = parsed as Partial<ShardFile>;
  if (o?.format === SHARD_FORMAT) {
    if (o.version !== SHARD_VERSION || !Array.isArray(o.graphs) || !o.shard || typeof o.fingerprint !== 'string') {
      throw new GraphContractError(`merge: ${path} is a shard file of another version (${String(o.version)}); this report2graph reads version ${SHARD_VERSION}.`);
    }
    for (const g of o.graphs) validateGraph(g, `merge: ${path}`);
    return { kind: 'shard', path, shard: o as ShardFile };
  }
  validateGraph(parsed, `merge: ${path}`);
  return { kind: 'graph', path, graph: parsed as SerializedGraph };
}

/**
 * What `merge` joins: every graph of the inputs, after checking that shard files make one whole run
 * (one count, one extractor, every share once) and that no report is in two inputs.
 */
export function graphsToMerge(inputs: MergeInput[]): SerializedGraph[] {
  const shards = inputs.filter((i): i is Extract<MergeInput, { kind: 'shard' }> => i.kind === 'shard');
  if (shards.length > 0) {
    const { count } = shards[0]!.shard.shard;
    const other = shards.find((s) => s.shard.shard.count !== count);
    if (other) throw new UsageError(`merge: ${other.path} is shard ${other.shard.shard.index}/${other.shard.shard.count}, but ${shards[0]!.path} is of a run in ${count} shards; merge the shards of one run.`);
    const rules = shards.find((s) => s.shard.fingerprint !== shards[0]!.shard.fingerprint);
    if (rules) throw new UsageError(`merge: ${rules.path} was extracted by other rules than ${shards[0]!.path} (extractor ${rules.shard.extractorVersion}, fingerprint ${rules.shard.fingerprint} against ${shards[0]!.shard.fingerprint}); extract every shard with the same report2graph.`);
    const seen = new Map<number, string>();
    for (const s of shards) {
      const twice = seen.get(s.shard.shard.index);
      if (twice) throw new UsageError(`merge: shard ${s.shard.shard.index}/${count} is given twice (${twice} and ${s.path}).`);
      seen.set(s.shard.shard.index, s.path);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length > 0) {
      throw new UsageError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing; a merged graph equals a single run only with every shard of the run.`);
    }
  }
  const graphs: SerializedGraph[] = [];
  const from = new Map<string, string>();
  for (const input of inputs) {
    for (const g of input.kind === 'shard' ? input.shard.graphs : [input.graph]) {
      for (const d of g.attributes.documents) {
        const before = from.get(d.id);
        if (before) throw new UsageError(`merge: the report ${d.id} is in both ${before} and ${input.path}; each report belongs in one input.`);
        from.set(d.id, input.path);
      }
      graphs.push(g);
    }
  }
  return graphs;
}
