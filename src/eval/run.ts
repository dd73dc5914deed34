/**
 * `eval` on files: one or more gold annotations against a graph, pooled over documents. Reads the gold
 * files and the annotated texts; the scoring itself is pure (eval.ts, annotated.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from '../errors.js';
import type { SerializedGraph } from '../graph/model.js';
import { readDocument } from '../text/document.js';
import { loadReport } from '../text/load.js';
import { isAnnotatedGold, poolScores, scoreAnnotated, validateAnnotatedGold, type DocumentScoring } from './annotated.js';
import { evaluate, type Gold } from './eval.js';
import { labelUsable, labelWellFormed } from './labels.js';
import { formatScores, type Score } from './score.js';

export interface EvalReport {
  scores: Score[];
  /** Metric labels: matched to a required gold metric, how many usable, how many well formed. */
  labels: { matched: number; usable: number; wellFormed: number };
  documents: Array<{ doc: string; gold: string; errors: string[] }>;
}

export interface EvalOptions {
  /** The graph document the (single) gold file annotates, when its id is not the gold's text file name. */
  doc?: string;
}

const docIdOf = (file: string) => basename(file).replace(/\.[^.]+$/, '');

export async function evaluateFiles(graph: SerializedGraph, goldFiles: string[], options: EvalOptions = {}): Promise<EvalReport> {
  if (options.doc && goldFiles.length > 1) throw new UsageError('eval: --doc names the document of one gold file; give one gold file with it.');
  const scorings: DocumentScoring[] = [];
  const documents: EvalReport['documents'] = [];
  let seed: Score[] | undefined;
  for (const file of goldFiles) {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8').catch((e: Error) => Promise.reject(new UsageError(`eval: cannot read gold file ${file} (${e.message}).`))));
    if (isAnnotatedGold(parsed)) {
      const gold = validateAnnotatedGold(parsed, file);
      const doc = options.doc ?? docIdOf(gold.document);
      const info = graph.attributes.documents.find((d) => d.id === doc);
      if (!info) throw new UsageError(`eval: the graph has no document "${doc}" (annotated by ${file}); extract it first, or name the graph's document with --doc.`);
      const raw = (await loadReport(info.path)).text;
      const scoring = scoreAnnotated(graph, doc, gold, raw, labelUsable);
      scorings.push(scoring);
      documents.push({ doc, gold: file, errors: scoring.errors });
    } else {
      if (goldFiles.length > 1) throw new UsageError(`eval: ${file} is in the seed format (data/gold/README.md), which is scored on its own; give it alone.`);
      const gold = parsed as Gold;
      const text = (await readDocument(gold.document.path)).text;
      seed = evaluate(graph, gold, text);
    }
  }
  if (seed) return { scores: seed, labels: { matched: 0, usable: 0, wellFormed: 0 }, documents };
  const labels = scorings.flatMap((s) => s.labels);
  return {
    scores: poolScores(scorings),
    labels: { matched: labels.length, usable: labels.filter((l) => l.usable).length, wellFormed: labels.filter((l) => labelWellFormed(l.predicted)).length },
    documents,
  };
}

export function formatEvalReport(report: EvalReport, withErrors: boolean): string {
  let out = formatScores(report.scores);
  const { matched, usable, wellFormed } = report.labels;
  if (matched > 0) {
    const pct = (n: number) => `${((100 * n) / matched).toFixed(1)}%`;
    out += `metric labels: ${usable} of ${matched} usable (${pct(usable)}), ${wellFormed} well formed (${pct(wellFormed)})\n`;
  }
  if (withErrors) for (const d of report.documents) out += `\n${d.doc} (${d.gold}):\n${d.errors.map((e) => `  ${e}`).join('\n')}\n`;
  return out;
}
