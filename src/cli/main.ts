/**
 * The report2graph command line: the one composition root. Commands parse their options, build the
 * parts they need (documents, graph store, Neo4j driver) and hand them to the pure stages.
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { Command, CommanderError } from 'commander';
import { Report2GraphError, UsageError } from '../errors.js';
import { readDocument } from '../text/document.js';
import { normalizeReport } from './normalize.js';
import { writeStdout } from './output.js';

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
    .action(async (file: string, opts: { json?: boolean }) => {
      const doc = await readDocument(file);
      if (opts.json) await writeStdout(`${JSON.stringify(normalizeReport(doc), null, 2)}\n`);
      else await writeStdout(doc.text.clean.endsWith('\n') ? doc.text.clean : `${doc.text.clean}\n`);
    });

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
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return error instanceof UsageError ? 2 : 1;
}

process.exitCode = await main(process.argv.slice(2));
