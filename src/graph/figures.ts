/**
 * Figures over time: the figures of one headline measure (MetricAttributes.measure) in the reports of one
 * jurisdiction's series, one point per year and status — reported (done) or set as a target (planned) —
 * each with its value in the measure's base unit, qualifier and evidence. When the reports give one year
 * and status two different values, none of them is a point: they are listed as left out, with why,
 * rather than one picked silently.
 */
import type { Evidence, MetricAttributes, SerializedGraph, Status } from './model.js';
import type { ReportSeries } from './series.js';

export interface FigurePoint {
  year: number;
  status: Status;
  /** In the measure's base unit (元, %, 个…), a fall negated. */
  value: number;
  unit: string;
  qualifier: string;
  /** As written (2636.8亿元) and what it counts, in the report's words. */
  raw: string;
  label: string;
  doc: string;
  metric: string;
  evidence: Evidence | null;
  /** Other reports that give the same value for the same year. */
  alsoIn: string[];
}

export interface LeftOut {
  metric: string;
  doc: string;
  year: number | null;
  status: Status;
  raw: string;
  reason: string;
}

export interface FigureSeries {
  series: string;
  measure: string;
  unit: string;
  points: FigurePoint[];
  leftOut: LeftOut[];
}

/** The first evidence sentence of each metric (from the facts that measured it). */
export function metricEvidence(graph: SerializedGraph): Map<string, Evidence> {
  const out = new Map<string, Evidence>();
  for (const e of graph.edges) {
    if (e.attributes.type !== 'MEASURED' || out.has(e.target)) continue;
    const ev = e.attributes.evidence[0];
    if (ev) out.set(e.target, ev);
  }
  return out;
}

/** Every headline measure's series in the reports of `series` (only `measure`'s when given), by measure. */
export function figureSeries(graph: SerializedGraph, series: ReportSeries, measure?: string, evidence = metricEvidence(graph)): FigureSeries[] {
  const order = new Map(series.reports.map((r, i) => [r.id, i]));
  const figures = graph.nodes
    .filter((n) => n.attributes.type === 'Metric' && order.has((n.attributes as MetricAttributes).doc))
    .map((n) => ({ key: n.key, m: n.attributes as MetricAttributes }))
    .filter(({ m }) => m.measure !== undefined && m.measureValue !== undefined && (measure === undefined || m.measure === measure))
    .sort((a, b) => order.get(a.m.doc)! - order.get(b.m.doc)! || a.m.mentions[0]!.start - b.m.mentions[0]!.start);
  const byMeasure = new Map<string, typeof figures>();
  for (const f of figures) byMeasure.set(f.m.measure!, [...(byMeasure.get(f.m.measure!) ?? []), f]);
  const out: FigureSeries[] = [];
  for (const [name, list] of [...byMeasure].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const points: FigurePoint[] = [];
    const leftOut: LeftOut[] = [];
    const byPoint = new Map<string, typeof figures>();
    for (const f of list) {
      if (f.m.year === null) {
        leftOut.push({ metric: f.key, doc: f.m.doc, year: null, status: f.m.status, raw: f.m.raw, reason: 'its report says no year' });
        continue;
      }
      const at = `${f.m.year}|${f.m.status}`;
      byPoint.set(at, [...(byPoint.get(at) ?? []), f]);
    }
    for (const same of byPoint.values()) {
      const first = same[0]!;
      const values = [...new Set(same.map((f) => f.m.measureValue!))];
      if (values.length > 1) {
        const given = same.map((f) => `${f.m.raw} in ${f.m.doc}`).join(', ');
        for (const f of same) leftOut.push({ metric: f.key, doc: f.m.doc, year: f.m.year, status: f.m.status, raw: f.m.raw, reason: `the reports give ${f.m.year} (${f.m.status}) ${values.length} values: ${given}` });
        continue;
      }
      points.push({
        year: first.m.year!,
        status: first.m.status,
        value: first.m.measureValue!,
        unit: first.m.unit,
        qualifier: first.m.qualifier,
        raw: first.m.raw,
        label: first.m.label,
        doc: first.m.doc,
        metric: first.key,
        evidence: evidence.get(first.key) ?? null,
        alsoIn: [...new Set(same.slice(1).map((f) => f.m.doc).filter((d) => d !== first.m.doc))],
      });
    }
    points.sort((a, b) => a.year - b.year || (a.status === 'done' ? -1 : 1));
    out.push({ series: series.series, measure: name, unit: list[0]!.m.unit, points, leftOut });
  }
  return out;
}

/** The unit a series is shown in: 元 figures in 亿元 or 万元 when they are that large; others as they are. */
export function displayUnit(unit: string, values: number[]): { unit: string; scale: number } {
  if (unit !== '元' && unit !== '平方米') return { unit, scale: 1 };
  const largest = Math.max(0, ...values.map(Math.abs));
  if (largest >= 1e8) return { unit: `亿${unit}`, scale: 1e8 };
  if (largest >= 1e4) return { unit: `万${unit}`, scale: 1e4 };
  return { unit, scale: 1 };
}

/** A value in a display unit, without the noise of binary fractions (2636.8, not 2636.8000000000002). */
export const scaled = (value: number, scale: number): number => Number((value / scale).toPrecision(12));
