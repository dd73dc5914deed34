/** The commands across the years: `track` (what was promised, what was done) and `series` (figures over time). */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { displayUnit, figureSeries, scaled, type FigureSeries } from '../graph/figures.js';
import { readGraphFile } from '../graph/io.js';
import type { MetricAttributes, SerializedGraph, SerializedNode } from '../graph/model.js';
import { measureOf } from '../extract/measure.js';
import { simplify } from '../text/script.js';
import { findSeries } from '../graph/series.js';
import { PROMISE_OUTCOMES, TimeIndex, type TrackedPromise } from '../graph/track.js';
import { removeReadings } from '../text/ruby.js';
import { positive } from './options.js';
import { formatRows, parseRowFormat, writeStdout, type RowFormat } from './output.js';


const sentence = (s: { evidence: { sentence: string } | null } | null | undefined) => (s?.evidence ? removeReadings(s.evidence.sentence) : null);

/** Promises as rows: the table shows what a reader scans, CSV adds the evidence and why. */
export function formatTrack(promises: TrackedPromise[], format: RowFormat): string {
  if (format === 'json') return `${JSON.stringify(promises, null, 2)}\n`;
  const short = ['plans', 'type', 'name', 'outcome', 'done_year', 'done_as', 'planned_in'];
  const row = (p: TrackedPromise) => [p.planned.year, p.type, p.name, p.outcome, p.done?.year ?? null, p.done && p.done.name !== p.planned.name ? p.done.name : null, p.planned.doc];
  if (format === 'table') return formatRows(short, promises.map(row), format);
  const keys = [...short, 'key', 'done_in', 'planned_again', 'plan_sentence', 'done_sentence', 'why'];
  return formatRows(keys, promises.map((p) => [...row(p), p.key, p.done?.doc ?? null, p.plannedAgain.map((s) => s.year).join(' ') || null, sentence(p.planned), sentence(p.done), p.why]), format);
}

/** Series as rows, one per point, values in the series' display unit (亿元…). */
export function formatSeries(series: FigureSeries[], format: RowFormat): string {
  if (format === 'json') return `${JSON.stringify(series, null, 2)}\n`;
  const keys = ['measure', 'year', 'status', 'value', 'unit', 'qualifier', 'as_written', 'report'];
  const csv = format === 'csv';
  const rows = series.flatMap((s) => {
    const shown = displayUnit(s.unit, s.points.map((p) => p.value));
    return s.points.map((p) => {
      const row = [s.measure, p.year, p.status === 'done' ? 'reported' : 'target', scaled(p.value, shown.scale), shown.unit, p.qualifier || null, p.raw, p.doc];
      return csv ? [...row, sentence(p)] : row;
    });
  });
  const out = formatRows(csv ? [...keys, 'sentence'] : keys, rows, format);
  const left = series.flatMap((s) => s.leftOut.map((l) => `  ${s.measure} ${l.year ?? '?'} ${l.raw} (${l.doc}): ${l.reason}`));
  return format === 'table' && left.length > 0 ? `${out}left out (${left.length}):\n${left.join('\n')}\n` : out;
}

export function addTimeCommands(program: Command, defaultGraph: string): void {
  program
    .command('track')
    .description('what the reports of a jurisdiction planned, and whether a later report says it was done: kept, carried over, mentioned, not reported, or open')
    .argument('<jurisdiction>', 'its name: 深圳市光明区, 光明区 or 光明新区 (either script)')
    .option('-g, --graph <file>', 'a graph file written by extract', defaultGraph)
    .option('--from <year>', 'only what reports planning this year or later planned', positive('--from'))
    .option('--to <year>', 'only what reports planning this year or earlier planned', positive('--to'))
    .option('--outcome <outcome>', 'only this outcome: kept, carried-over, mentioned, not-reported or open')
    .option('--format <format>', 'table, csv (with the evidence and why) or json', 'table')
    .action(async (name: string, opts: { graph: string; from?: number; to?: number; outcome?: string; format: string }) => {
      const format = parseRowFormat('track', opts.format);
      if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) throw new UsageError(`track: --from ${opts.from} is after --to ${opts.to}.`);
      const graph = await readGraphFile(opts.graph);
      const series = findSeries(graph.attributes.documents, name, 'track');
      let promises = new TimeIndex(graph).track(series, { from: opts.from, to: opts.to });
      if (opts.outcome !== undefined) {
        if (!(PROMISE_OUTCOMES as readonly string[]).includes(opts.outcome)) throw new UsageError(`track: --outcome must be one of ${PROMISE_OUTCOMES.join(', ')}, not "${opts.outcome}".`);
        promises = promises.filter((p) => p.outcome === opts.outcome);
      }
      await writeStdout(formatTrack(promises, format));
    });

  program
    .command('series')
    .description("a headline figure of a jurisdiction over the years (data/extract/measures.json): each year's reported value and target, with its evidence")
    .argument('<jurisdiction>', 'its name: 深圳市龙岗区 or 龙岗区 (either script)')
    .argument('[measure]', 'a measure, e.g. 地区生产总值 (default: every measure its reports give)')
    .option('-g, --graph <file>', 'a graph file written by extract', defaultGraph)
    .option('--format <format>', 'table, csv (with the evidence) or json', 'table')
    .action(async (name: string, measure: string | undefined, opts: { graph: string; format: string }) => {
      const format = parseRowFormat('series', opts.format);
      const graph = await readGraphFile(opts.graph);
      const series = findSeries(graph.attributes.documents, name, 'series');
      const found = figureSeries(graph, series, measure);
      if (measure !== undefined && found.length === 0) {
        const known = figureSeries(graph, series).map((s) => s.measure);
        throw new UsageError(`series: the reports of ${series.series} give no figure of "${measure}"${known.length ? `; they give: ${known.join(', ')}` : ''}.`);
      }
      await writeStdout(formatSeries(found, format));
    });
}

/** `explain`'s part about time: where the entity is seen year by year, what became of it where it was planned, and the series a figure is in. */
export function formatOverTime(graph: SerializedGraph, index: TimeIndex, node: SerializedNode): string {
  const lines: string[] = [];
  const a = node.attributes;
  if (a.type === 'Metric') {
    const m = a as MetricAttributes;
    const doc = index.documents.get(m.doc);
    const match = measureOf(simplify(m.label), m.unit, m.value, doc?.level ?? null);
    if (m.measure) {
      const series = index.series.find((s) => s.series === doc?.series);
      const found = series ? figureSeries(graph, series, m.measure, index.metricEvidence())[0] : undefined;
      const point = found?.points.find((p) => p.metric === node.key || (p.year === m.year && p.status === m.status));
      const left = found?.leftOut.find((l) => l.metric === node.key);
      lines.push(`measure: ${m.measure} — ${match?.why ?? 'by its label and unit'}`);
      if (left) lines.push(`left out of the series ${doc?.series} · ${m.measure}: ${left.reason}`);
      else if (point) lines.push(`in the series ${doc?.series} · ${m.measure}: ${point.year} ${point.status === 'done' ? 'reported' : 'target'}${point.metric === node.key ? '' : ` (the same value as ${point.metric})`}`);
    } else if (match) {
      lines.push(`in no series: ${match.why}`);
    }
  } else {
    const timeline = index.timeline(node.key);
    if (timeline.length > 0) lines.push('over time:');
    for (const s of timeline) lines.push(`  ${s.year ?? '?'} ${s.status} in ${s.doc}${s.name !== a.name ? ` (as “${s.name}”)` : ''}`);
    for (const p of index.promisesOf(node.key)) lines.push(`planned in ${p.planned.doc} for ${p.planned.year}: ${p.outcome} — ${p.why}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
