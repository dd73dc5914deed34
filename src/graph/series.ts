/**
 * Reports in time: the reports of one jurisdiction form a series (DocumentInfo.series; a zone's reports
 * join the district it became), ordered by the year each plans, then the year it reviews. A report
 * follows another when it reviews the year the other planned, or a later one.
 */
import { UsageError } from '../errors.js';
import { foldName } from '../text/fold.js';
import type { DocumentInfo } from './model.js';

export interface ReportInTime {
  id: string;
  title: string;
  /** The year it reviews (DocumentInfo.year) and the year it plans. */
  reviews: number | null;
  plans: number | null;
  multiYear: boolean;
}

export interface ReportSeries {
  /** The qualified name of the jurisdiction (深圳市坪山区). */
  series: string;
  /** Every name a user may give it. */
  names: string[];
  /** In order: by the year planned, then reviewed, then id. */
  reports: ReportInTime[];
}

const order = (a: ReportInTime, b: ReportInTime) => (a.plans ?? 0) - (b.plans ?? 0) || (a.reviews ?? 0) - (b.reviews ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The series of the reports of a graph, by name; reports whose jurisdiction or period is unknown are in none. */
export function reportSeries(documents: DocumentInfo[]): ReportSeries[] {
  const bySeries = new Map<string, ReportSeries>();
  for (const d of documents) {
    if (!d.series || d.plans === undefined || (d.year === null && d.plans === null)) continue;
    const s = bySeries.get(d.series) ?? { series: d.series, names: [], reports: [] };
    bySeries.set(d.series, s);
    for (const n of d.seriesNames ?? []) if (!s.names.includes(n)) s.names.push(n);
    s.reports.push({ id: d.id, title: d.title, reviews: d.year, plans: d.plans, multiYear: d.multiYear ?? false });
  }
  for (const s of bySeries.values()) s.reports.sort(order);
  return [...bySeries.values()].sort((a, b) => (a.series < b.series ? -1 : 1));
}

/** The reports of a series that follow `report`: those that review the year it planned, or a later one. */
export function laterReports(series: ReportSeries, report: ReportInTime): ReportInTime[] {
  if (report.plans === null) return [];
  return series.reports.filter((r) => r.id !== report.id && r.reviews !== null && r.reviews >= report.plans!);
}

/**
 * The series a user names (深圳市光明区, 光明区, 光明新区, in either script). `call` names the command
 * in the error: a name of no series, or of several, lists what the graph holds.
 */
export function findSeries(documents: DocumentInfo[], name: string, call: string): ReportSeries {
  const all = reportSeries(documents);
  if (all.length === 0) {
    const old = documents.length > 0 && documents.every((d) => d.plans === undefined);
    throw new UsageError(`${call}: the graph has no series of reports${old ? ' (it was written before reports knew their years: extract it again)' : ' (no report\'s jurisdiction and years are known)'}.`);
  }
  const key = foldName(name);
  const hits = all.filter((s) => foldName(s.series) === key || s.names.some((n) => foldName(n) === key));
  if (hits.length === 1) return hits[0]!;
  const list = (xs: ReportSeries[]) => xs.map((s) => `${s.series} (${s.reports.length})`).join(', ');
  if (hits.length > 1) throw new UsageError(`${call}: "${name}" names ${hits.length} jurisdictions: ${list(hits)}; give the qualified name.`);
  throw new UsageError(`${call}: no jurisdiction named "${name}" in the graph; it holds: ${list(all)}.`);
}
