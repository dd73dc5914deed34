/**
 * Corrections on the command line: `correct merge|split|rename|retype|reject|add …` edits the
 * corrections file (never a graph); `extract`, `merge` and `eval` apply it (src/resolve/corrections.ts).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CorrectionsError, UsageError } from '../errors.js';
import { isRelationType, RELATION_TYPES, type CorrectionOutcome, type RelationType, type SerializedGraph } from '../graph/model.js';
import { applyCorrections, describeCorrection, type Correction, type EntityType } from '../resolve/corrections.js';
import { appendCorrection, correctionsNextTo, DEFAULT_CORRECTIONS, readCorrectionsFile, reportTexts } from '../resolve/corrections-file.js';
import { nonNegative } from './options.js';
import { writeStdout } from './output.js';

/** Which corrections file a command applies: the one given, none (`--no-corrections`), or corrections.yaml next to the inputs. */
export function correctionsFor(option: string | boolean | undefined, inputs: string[]): { path: string; picked: boolean } | null {
  if (option === false) return null;
  if (typeof option === 'string') {
    if (!existsSync(option)) throw new UsageError(`--corrections: ${option} does not exist; give a corrections file (YAML or JSON), or create one with \`report2graph correct\`.`);
    return { path: option, picked: false };
  }
  const next = correctionsNextTo(inputs);
  return next ? { path: next, picked: true } : null;
}

/** Apply a corrections file to a graph; the summary lines say what was applied and what was not, and why. */
export async function correctGraph(graph: SerializedGraph, file: { path: string; picked: boolean }, strict: boolean, call: string): Promise<{ graph: SerializedGraph; summary: string }> {
  const corrections = await readCorrectionsFile(file.path);
  const result = await applyCorrections(graph, corrections, reportTexts(graph.attributes.documents), file.path);
  const summary = formatOutcomes(result.outcomes, file);
  const missed = result.outcomes.filter((o) => o.status === 'not-applied');
  if (strict && missed.length > 0) throw new CorrectionsError(`${call}: ${missed.length} correction(s) of ${file.path} no longer apply (--strict):\n${missed.map((o) => `  ${o.label}: ${o.reason}`).join('\n')}`, file.path);
  return { graph: result.graph, summary };
}

export function formatOutcomes(outcomes: CorrectionOutcome[], file: { path: string; picked: boolean }): string {
  const applied = outcomes.filter((o) => o.status !== 'not-applied');
  const missed = outcomes.filter((o) => o.status === 'not-applied');
  const source = file.picked ? `${file.path}, found next to the inputs` : file.path;
  let out = `corrections (${source}): ${applied.length} of ${outcomes.length} applied`;
  const unchanged = applied.filter((o) => o.status === 'unchanged').length;
  if (unchanged > 0) out += ` (${unchanged} already in effect)`;
  out += '\n';
  for (const o of missed) out += `  not applied: ${o.label}: ${o.reason}\n`;
  return out;
}

const parseType = (value: string): EntityType => {
  if (!['Agency', 'Regulation', 'Program'].includes(value)) throw new UsageError(`correct: the type must be Agency, Regulation or Program, not "${value}".`);
  return value as EntityType;
};

/** `TYPE:source->target`, e.g. `IMPLEMENTED:深圳市盐田区人民政府->“元宇宙”`. */
function parseFact(value: string): { type: RelationType; source: string; target: string } {
  const m = /^([A-Z]+):(.+?)->(.+)$/.exec(value);
  if (!m || !isRelationType(m[1])) throw new UsageError(`correct: a fact is TYPE:source->target with TYPE one of ${RELATION_TYPES.join(', ')}, not "${value}".`);
  return { type: m[1], source: m[2]!.trim(), target: m[3]!.trim() };
}

export function addCorrectCommands(program: Command): void {
  const correct = program
    .command('correct')
    .description(`add a correction to the corrections file (default ./${DEFAULT_CORRECTIONS}; never edits a graph): applied on every extract`);
  const withFile = (c: Command) =>
    c
      .option('-f, --file <file>', 'the corrections file (YAML, or JSON by its extension)', DEFAULT_CORRECTIONS)
      .option('--note <text>', 'why')
      .option('--by <who>', 'who');
  const save = async (opts: { file: string; note?: string; by?: string }, c: Correction) => {
    const said = { ...c, ...(opts.note ? { note: opts.note } : {}), ...(opts.by ? { by: opts.by } : {}) } as Correction;
    const all = await appendCorrection(opts.file, said);
    await writeStdout(`${describeCorrection(said, all.length - 1)}\nwrote ${opts.file} (${all.length} correction(s)); \`extract\` applies it\n`);
  };
  withFile(correct.command('merge').description('make several entities one: the first (or --keep) keeps its name, the others become its aliases'))
    .argument('<names...>', 'two or more names, aliases or keys')
    .option('--keep <name>', 'the entity whose name is kept')
    .action(async (names: string[], opts) => {
      if (names.length < 2) throw new UsageError('correct merge: name two or more entities.');
      await save(opts, { op: 'merge', targets: names, ...(opts.keep ? { keep: opts.keep } : {}) });
    });
  withFile(correct.command('split').description('take the mentions written as some aliases out of an entity into one of their own'))
    .argument('<name>', 'the entity wrongly merged')
    .requiredOption('--aliases <list>', 'the aliases whose mentions leave it, comma-separated')
    .requiredOption('--as <name>', 'the name of the new entity')
    .action(async (name: string, opts) => save(opts, { op: 'split', target: name, aliases: String(opts.aliases).split(/[,，、]/).map((s: string) => s.trim()).filter(Boolean), as: opts.as }));
  withFile(correct.command('rename').description('give an entity another name (the old one stays an alias)'))
    .argument('<name>', 'its name, an alias or its key')
    .argument('<new-name>', 'the name it should have')
    .action(async (name: string, to: string, opts) => save(opts, { op: 'rename', target: name, to }));
  withFile(correct.command('retype').description('make an entity another type (Agency, Regulation, Program)'))
    .argument('<name>', 'its name, an alias or its key')
    .argument('<type>', 'Agency, Regulation or Program')
    .action(async (name: string, type: string, opts) => save(opts, { op: 'retype', target: name, to: parseType(type) }));
  withFile(correct.command('reject').description('take an entity, or with --fact one fact, out of the graph'))
    .argument('[name]', 'the entity')
    .option('--fact <fact>', 'a fact instead: TYPE:source->target, e.g. IMPLEMENTED:深圳市盐田区人民政府->“元宇宙”')
    .option('--status <status>', 'with --fact: only the done or the planned fact')
    .action(async (name: string | undefined, opts) => {
      if (opts.fact) {
        if (opts.status && opts.status !== 'done' && opts.status !== 'planned') throw new UsageError(`correct reject: --status is done or planned, not "${opts.status}".`);
        await save(opts, { op: 'reject-fact', fact: { ...parseFact(opts.fact), ...(opts.status ? { status: opts.status } : {}) } });
      } else if (name) await save(opts, { op: 'reject', target: name });
      else throw new UsageError('correct reject: name an entity, or give --fact TYPE:source->target.');
    });
  withFile(correct.command('add').description('add a fact the extraction missed, with its evidence: a span of a report (checked against its text on every extract)'))
    .argument('<fact>', 'TYPE:source->target, e.g. IMPLEMENTED:深圳市盐田区人民政府->智慧菜篮子工程')
    .requiredOption('--doc <id>', 'the report (its document id)')
    .requiredOption('--start <n>', 'where the evidence starts (offset into the report)', nonNegative('--start'))
    .requiredOption('--end <n>', 'where it ends', nonNegative('--end'))
    .option('--quote <text>', 'the evidence as the report writes it (a changed report is then reported)')
    .option('--status <status>', 'done or planned', 'done')
    .option('--target-type <type>', 'the type of a target the graph does not hold yet')
    .option('--source-type <type>', 'the type of a source the graph does not hold yet')
    .action(async (fact: string, opts) => {
      if (opts.end <= opts.start) throw new UsageError('correct add: --end must be after --start.');
      if (opts.status !== 'done' && opts.status !== 'planned') throw new UsageError(`correct add: --status is done or planned, not "${opts.status}".`);
      await save(opts, {
        op: 'add',
        fact: { ...parseFact(fact), status: opts.status, ...(opts.targetType ? { targetType: parseType(opts.targetType) } : {}), ...(opts.sourceType ? { sourceType: parseType(opts.sourceType) } : {}) },
        evidence: { doc: opts.doc, start: opts.start, end: opts.end, ...(opts.quote ? { quote: opts.quote } : {}) },
      });
    });
}
