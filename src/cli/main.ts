/**
 * The report2graph command line: the one composition root. Commands parse their options, build the
 * parts they need (documents, graph store, Neo4j driver) and hand them to the pure stages.
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { Command, CommanderError } from 'commander';
import { InterruptedError, Report2GraphError, UsageError } from '../errors.js';
import { onInterrupt } from './interrupt.js';
import { evaluateFiles, formatEvalReport } from '../eval/run.js';
import { diffGraphs, formatDiff } from '../graph/diff.js';
import { factsAbout, findNode, formatFacts } from '../graph/explain.js';
import { readGraphFile, writeGraphFile } from '../graph/io.js';
import { countGraph, formatCounts } from '../graph/summary.js';
import { expandInputs, extractFiles, type CorpusResult } from '../pipeline.js';
import { defaultCacheDir, defaultWorkers, extractorFingerprint } from '../corpus/run.js';
import { graphsToMerge, inShard, parseShard, readMergeInput, writeShardFile } from '../corpus/shard.js';
import { EXTRACTOR_VERSION } from '../extract/index.js';
import { mergeGraphs } from '../resolve/resolve.js';
import { readDocument } from '../text/document.js';
import { DEFAULT_MAX_BYTES } from '../text/load.js';
import { normalizeReport } from './normalize.js';
import { writeStdout } from './output.js';
import { collect, nonNegative, positive } from './options.js';
import { createProgress } from './progress.js';
import { addNeo4jCommands, loadIntoNeo4j, readFromNeo4j } from './neo4j-commands.js';
import { addTimeCommands, formatOverTime } from './time.js';
import { addCorrectCommands, correctGraph, correctionsFor } from './correct.js';
import { DEFAULT_CORRECTIONS } from '../resolve/corrections-file.js';
import { TimeIndex } from '../graph/track.js';
import { parseFormat, render, writeExport } from '../export/index.js';
import { parseRelations, parseTypes, selectSubgraph } from '../export/select.js';
import type { Status } from '../graph/model.js';

export const DEFAULT_GRAPH = 'out/graph.json';

export function buildProgram(): Command {
  const program = new Command('report2graph')
    .description('Knowledge graphs of agencies, regulations, programs and metrics from Chinese government reports')
    .version('0.1.0')
    .option('--verbose', 'print the stack of an error')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  program
    .command('normalize')
    .description('clean a report: remove leaked pinyin, report damaged spans, split sentences and sections')
    .argument('<file>', 'a report in UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5')
    .option('--json', 'print a JSON report (encoding, readings removed, damage, sentences) instead of the text')
    .option('--max-bytes <n>', 'refuse a report larger than this many bytes', positive('--max-bytes'), DEFAULT_MAX_BYTES)
    .action(async (file: string, opts: { json?: boolean; maxBytes: number }) => {
      const doc = await readDocument(file, { maxBytes: opts.maxBytes });
      if (opts.json) await writeStdout(`${JSON.stringify(normalizeReport(doc), null, 2)}\n`);
      else await writeStdout(doc.text.clean.endsWith('\n') ? doc.text.clean : `${doc.text.clean}\n`);
    });

  program
    .command('extract')
    .description('extract agencies, regulations, programs, metrics and their relations into one graph')
    .argument('<inputs...>', 'report files, folders (every .txt inside) or globs')
    .option('-o, --out <file>', 'where to write the graph (graphology JSON)', DEFAULT_GRAPH)
    .option('--workers <n>', `worker threads (default: one per core, here ${defaultWorkers(Number.MAX_SAFE_INTEGER)}, at most one per report)`, positive('--workers'))
    .option('--cache <dir>', 'keep per-report graphs here, so a re-run redoes only new or changed reports (default: next to --out)')
    .option('--no-cache', 'do not read or write the cache')
    .option('--fail-fast', 'stop at the first report that cannot be read')
    .option('--neo4j', 'also load the graph into Neo4j (see `load`)')
    .option('--max-bytes <n>', 'refuse a report larger than this many bytes (it is listed as failed; the others go on)', positive('--max-bytes'), DEFAULT_MAX_BYTES)
    .option('--shard <I/N>', 'process share I of N of the inputs (by document id) and write a shard file; join the shards with `merge`')
    .option('--corrections <file>', `apply this corrections file (default: a ${DEFAULT_CORRECTIONS} in the folder of the inputs; with --shard, \`merge\` applies it)`)
    .option('--no-corrections', 'apply no corrections file')
    .option('--strict', 'fail when a correction no longer applies (the graph is not written)')
    .action(async (inputs: string[], opts: { out: string; workers?: number; cache: string | boolean; failFast?: boolean; neo4j?: boolean; shard?: string; maxBytes: number; corrections?: string | boolean; strict?: boolean }, command: Command) => {
      const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
      if (shard && opts.neo4j) throw new UsageError('extract: --neo4j loads a whole graph; with --shard, `merge` the shards first and `load` the merged graph.');
      const all = await expandInputs(inputs);
      const files = shard ? all.filter((f) => inShard(f, shard)) : all;
      const out = shard && command.getOptionValueSource('out') === 'default' ? `out/graph.shard-${shard.index}-of-${shard.count}.json` : opts.out;
      const cacheDir = opts.cache === false ? null : typeof opts.cache === 'string' ? opts.cache : defaultCacheDir(out);
      if (shard && files.length === 0) {
        await writeShardFile(out, { shard, extractorVersion: EXTRACTOR_VERSION, fingerprint: extractorFingerprint(), graphs: [] });
        await writeStdout(`shard ${shard.index}/${shard.count}: none of the ${all.length} report(s) falls in this share\nwrote ${out}\n`);
        return;
      }
      const progress = files.length > 1 ? createProgress(process.stderr, 'reports') : undefined;
      const interrupt = onInterrupt('extract: stopping after the reports under way');
      const result = await extractFiles(files, { failFast: opts.failFast, workers: opts.workers, cacheDir, maxBytes: opts.maxBytes, keepDocumentGraphs: !!shard, signal: interrupt.signal, onProgress: (d, t, p) => progress?.tick(d, t, p) }).finally(() => {
        interrupt.dispose();
        progress?.stop();
      });
      const corrections = shard ? null : correctionsFor(opts.corrections, inputs);
      let corrected = '';
      if (corrections) ({ graph: result.graph, summary: corrected } = await correctGraph(result.graph, corrections, !!opts.strict, 'extract'));
      if (shard) await writeShardFile(out, { shard, extractorVersion: EXTRACTOR_VERSION, fingerprint: extractorFingerprint(), graphs: result.documentGraphs! });
      else await writeGraphFile(out, result.graph);
      const share = shard ? `shard ${shard.index}/${shard.count}: ${files.length} of ${all.length} report(s)\n` : '';
      await writeStdout(share + summary(result) + corrected + `wrote ${out}\n`);
      if (opts.neo4j) await writeStdout(await loadIntoNeo4j(result.graph, {}));
      if (result.failures.length > 0) throw new PartialFailure(result.failures.length, files.length);
    });

  program
    .command('merge')
    .description('join the shard files of a run (`extract --shard`) into one graph, equal to a single run; graph files merge too')
    .argument('<files...>', 'shard files (every share of one run) or graph files')
    .option('-o, --out <file>', 'where to write the merged graph', DEFAULT_GRAPH)
    .option('--corrections <file>', 'apply this corrections file to the merged graph')
    .option('--strict', 'fail when a correction no longer applies (the graph is not written)')
    .action(async (files: string[], opts: { out: string; corrections?: string; strict?: boolean }) => {
      const started = performance.now();
      const progress = files.length > 1 ? createProgress(process.stderr, 'files') : undefined;
      const inputs = [];
      for (const [i, f] of files.entries()) {
        inputs.push(await readMergeInput(f));
        progress?.tick(i + 1, files.length, f);
      }
      progress?.stop();
      let graph = mergeGraphs(graphsToMerge(inputs), EXTRACTOR_VERSION);
      const corrections = opts.corrections === undefined ? null : correctionsFor(opts.corrections, files);
      let corrected = '';
      if (corrections) ({ graph, summary: corrected } = await correctGraph(graph, corrections, !!opts.strict, 'merge'));
      await writeGraphFile(opts.out, graph);
      const counts = countGraph(graph);
      await writeStdout(`merged ${files.length} file(s), ${graph.attributes.documents.length} document(s), in ${((performance.now() - started) / 1000).toFixed(1)} s: ${graph.nodes.length} nodes, ${graph.edges.length} relations\n${formatCounts(counts)}${corrected}wrote ${opts.out}\n`);
    });

  program
    .command('eval')
    .description('score a graph against gold annotations: precision, recall and F1 per type, pooled over documents, and metric-label quality')
    .argument('<graph>', 'a graph file written by extract')
    .argument('<gold...>', 'gold annotations (data/gold/README.md; the independent format of data/gold/dev/ is pooled)')
    .option('--doc <id>', "the graph's document that a single gold file annotates (default: the gold's text file name)")
    .option('--errors', 'list every false positive and false negative')
    .option('--json', 'print the scores as JSON')
    .option('--corrections <file>', 'also score the graph with this corrections file applied, and show what the corrections bought')
    .action(async (graphFile: string, goldFiles: string[], opts: { doc?: string; errors?: boolean; json?: boolean; corrections?: string }) => {
      const graph = await readGraphFile(graphFile);
      const report = await evaluateFiles(graph, goldFiles, { doc: opts.doc });
      if (opts.corrections === undefined) {
        await writeStdout(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report, !!opts.errors));
        return;
      }
      const corrected = await correctGraph(graph, correctionsFor(opts.corrections, [])!, false, 'eval');
      const after = await evaluateFiles(corrected.graph, goldFiles, { doc: opts.doc });
      if (opts.json) {
        await writeStdout(`${JSON.stringify({ before: report, after }, null, 2)}\n`);
        return;
      }
      const gains = after.scores.map((s, i) => `${s.kind.padEnd(8)} ${s.type.padEnd(12)} ${report.scores[i]!.f1.toFixed(3)} → ${s.f1.toFixed(3)} (${s.f1 >= report.scores[i]!.f1 ? '+' : ''}${(s.f1 - report.scores[i]!.f1).toFixed(3)})`);
      await writeStdout(`as extracted:\n${formatEvalReport(report, false)}\nwith the corrections:\n${corrected.summary}${formatEvalReport(after, !!opts.errors)}\nwhat the corrections bought (F1):\n${gains.join('\n')}\n`);
    });

  program
    .command('diff')
    .description('what changed between two graphs (two runs, two rule versions): entities and facts added, removed and changed, per type')
    .argument('<old>', 'the earlier graph file')
    .argument('<new>', 'the later graph file')
    .option('--limit <n>', 'items listed per kind and type (0: the counts only)', nonNegative('--limit'), 20)
    .option('--json', 'print the whole diff as JSON')
    .action(async (oldFile: string, newFile: string, opts: { limit: number; json?: boolean }) => {
      const diff = diffGraphs(await readGraphFile(oldFile), await readGraphFile(newFile));
      await writeStdout(opts.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, opts.limit));
    });

  program
    .command('explain')
    .description('every fact about an entity, with its evidence and the rule that produced it; over the years: where it is seen, what became of it where planned, the series a figure is in')
    .argument('<graph>', 'a graph file written by extract')
    .argument('<name>', 'a name or alias, in traditional or simplified characters, or a key')
    .option('--json', 'print the facts as JSON')
    .action(async (graphFile: string, name: string, opts: { json?: boolean }) => {
      const graph = await readGraphFile(graphFile);
      const node = findNode(graph, name, 'explain');
      const facts = factsAbout(graph, node);
      const time = new TimeIndex(graph);
      if (opts.json) {
        const overTime = { timeline: time.timeline(node.key), promises: time.promisesOf(node.key) };
        await writeStdout(`${JSON.stringify({ node, facts: facts.map((f) => ({ direction: f.direction, other: f.other.key, ...f.attributes })), overTime }, null, 2)}\n`);
      } else {
        await writeStdout(formatFacts(node, facts, graph) + formatOverTime(graph, time, node));
      }
    });

  program
    .command('export')
    .description('write a subgraph as GraphML, GEXF, JSON, CSV (neo4j-admin import) or a Cypher script')
    .argument('[graph]', 'a graph file written by extract (ignored with --cypher)', DEFAULT_GRAPH)
    .requiredOption('--format <format>', 'graphml, gexf, json, csv or cypher')
    .requiredOption('-o, --out <path>', 'the file to write (for csv, a folder)')
    .option('--focus <name>', 'keep this entity (name or alias, either script) and its neighbourhood')
    .option('--depth <n>', 'how many steps around --focus', nonNegative('--depth'), 1)
    .option('--types <types>', 'keep these node types, e.g. Agency,Program')
    .option('--relations <types>', 'keep these relation types, e.g. ISSUED,IMPLEMENTED')
    .option('--doc <id>', 'keep what this document says')
    .option('--status <status>', 'done or planned')
    .option('--cypher <query>', 'select from Neo4j with a read-only query (text or a .cypher file)')
    .option('--param <k=v>', 'a parameter of --cypher (repeatable)', collect, [])
    .action(async (file: string, opts: { format: string; out: string; focus?: string; depth: number; types?: string; relations?: string; doc?: string; status?: string; cypher?: string; param: string[] }) => {
      const format = parseFormat(opts.format);
      if (opts.status && opts.status !== 'done' && opts.status !== 'planned') throw new UsageError(`export: --status must be done or planned, not "${opts.status}".`);
      const source = opts.cypher ? await readFromNeo4j(opts.cypher, opts.param) : await readGraphFile(file);
      const graph = selectSubgraph(source, {
        focus: opts.focus,
        depth: opts.depth,
        types: opts.types ? parseTypes(opts.types) : undefined,
        relations: opts.relations ? parseRelations(opts.relations) : undefined,
        doc: opts.doc,
        status: opts.status as Status | undefined,
      });
      await writeExport(opts.out, render(graph, format));
      await writeStdout(`wrote ${graph.nodes.length} nodes and ${graph.edges.length} relationships as ${format} to ${opts.out}\n`);
    });

  addNeo4jCommands(program, DEFAULT_GRAPH);
  addTimeCommands(program, DEFAULT_GRAPH);
  addCorrectCommands(program);

  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return report(error, argv.includes('--verbose'));
  }
}

function summary(result: CorpusResult): string {
  const docs = result.graph.attributes.documents;
  const counts = countGraph(result.graph);
  const entities = counts.nodes.Agency + counts.nodes.Regulation + counts.nodes.Program;
  let out = `extracted ${docs.length} document(s) (${result.extracted} processed, ${result.reused} unchanged from the cache) in ${result.seconds.toFixed(1)} s: ${entities} entities, ${counts.nodes.Metric} metrics, ${result.graph.edges.length} relations\n${formatCounts(counts)}`;
  const damage = docs.flatMap((d) => d.damage.filter((x) => x.kind === 'mojibake').map((x) => `  ${d.id}: damaged text at ${x.start}–${x.end} "${x.text}" (${x.reason})`));
  const lost = docs.reduce((n, d) => n + d.damage.filter((x) => x.kind === 'lost').length, 0);
  const notes = docs.flatMap((d) => (d.warnings ?? []).map((w) => `  ${d.id}: ${w}`));
  const warnings = notes.length + damage.length + (lost > 0 ? 1 : 0);
  if (warnings > 0) out += `warnings (${warnings}):\n${[...notes, ...damage].map((l) => `${l}\n`).join('')}${lost > 0 ? `  ${lost} lost character(s) in all (see \`normalize --json\`)\n` : ''}`;
  for (const f of result.failures) out += `failed: ${f.path}: ${f.reason}\n`;
  return out;
}

/** Some reports failed while the others were extracted: exit 1 after writing the graph. */
class PartialFailure extends Report2GraphError {
  constructor(failed: number, total: number) {
    super(`extract: ${failed} of ${total} report(s) could not be read (listed above); the graph holds the others.`);
  }
}

function report(error: unknown, verbose: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return 2; // commander has already printed the message
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Report2GraphError) {
    process.stderr.write(`report2graph: ${message}\n`);
  } else {
    process.stderr.write(`report2graph: unexpected error: ${message} (run again with --verbose for details)\n`);
  }
  // The stack of the error and of each cause (a worker's error keeps the stack it was thrown with).
  for (let e: unknown = error; verbose && e instanceof Error; e = e.cause) if (e.stack) process.stderr.write(`${e === error ? '' : 'caused by: '}${e.stack}\n`);
  return error instanceof UsageError ? 2 : error instanceof InterruptedError ? 130 : 1;
}

// A reader that stops reading (`| head`) ends the command quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
