/**
 * Across the years: where an entity is seen in each report (its timeline), and what became of what a
 * report planned. A program or regulation a report plans is *kept* when a later report of the same
 * jurisdiction reports it done (in its review), *carried over* when later reports only plan it again,
 * *mentioned* when a later report names it without a fact saying either, *not reported* when no later
 * report mentions it, and *open* when no later report is in the graph yet.
 * Only the reports of the planning report's own series are looked at: the same program in another
 * district's report is never taken for it. The match is the entity itself (two mentions are one program
 * when resolution made them one node) or, for done, a variant of its name (NodeAttributes.variants,
 * src/resolve/variants.ts); `why` says on what ground.
 */
import { variantOf } from '../resolve/variants.js';
import { foldName } from '../text/fold.js';
import { figureSeries, metricEvidence, type FigureSeries } from './figures.js';
import type { DocumentInfo, Evidence, MetricAttributes, SerializedGraph, SerializedNode, Status } from './model.js';
import { laterReports, reportSeries, type ReportInTime, type ReportSeries } from './series.js';

/** An entity as one report speaks of it: done (in its review) or planned, the name as written, one sentence. */
export interface Sighting {
  doc: string;
  /** The year it is about: the year the report reviews (done) or plans (planned). */
  year: number | null;
  status: Status;
  /** As the report writes it. */
  name: string;
  evidence: Evidence;
}

export type PromiseOutcome = 'kept' | 'carried-over' | 'mentioned' | 'not-reported' | 'open';
export const PROMISE_OUTCOMES: readonly PromiseOutcome[] = ['kept', 'carried-over', 'mentioned', 'not-reported', 'open'];

export interface TrackedPromise {
  series: string;
  key: string;
  type: 'Program' | 'Regulation';
  name: string;
  planned: Sighting;
  outcome: PromiseOutcome;
  /** The first later report that reports it done. */
  done: Sighting | null;
  /** Later reports (before `done`) that plan it again. */
  plannedAgain: Sighting[];
  /** When `done` is another entity's sighting, a variant of this one's name (src/resolve/variants.ts): its key. */
  doneAs: string | null;
  /** Why the outcome: which reports were looked at, and why a later mention is the same entity. */
  why: string;
}

export interface TrackOptions {
  /** Only promises of reports planning these years (inclusive). */
  from?: number;
  to?: number;
}

type BySight = Map<string, { done?: Sighting; planned?: Sighting }>;

/** Every entity's sightings, report by report, from the evidence of its facts: built once per graph. */
export class TimeIndex {
  readonly documents: Map<string, DocumentInfo>;
  readonly series: ReportSeries[];
  readonly nodes: Map<string, SerializedNode>;
  /** Every entity's sightings through any of its facts (the timeline). */
  private readonly sightings = new Map<string, BySight>();
  /** Programs' and regulations' sightings as what an agency implemented or issued (what `track` follows). */
  private readonly acts = new Map<string, BySight>();

  constructor(readonly graph: SerializedGraph) {
    this.documents = new Map(graph.attributes.documents.map((d) => [d.id, d]));
    this.series = reportSeries(graph.attributes.documents);
    this.nodes = new Map(graph.nodes.map((n) => [n.key, n]));
    for (const e of graph.edges) {
      const act = e.attributes.type === 'IMPLEMENTED' || e.attributes.type === 'ISSUED';
      for (const ev of e.attributes.evidence) {
        this.see(this.sightings, e.source, e.attributes.status, ev);
        this.see(this.sightings, e.target, e.attributes.status, ev);
        if (act) this.see(this.acts, e.target, e.attributes.status, ev);
      }
    }
  }

  /** A variant of `key`'s name (NodeAttributes.variants) that report `doc` reports done, and why it is one. */
  private variantDone(key: string, doc: string): { key: string; why: string } | null {
    const node = this.nodes.get(key)!;
    for (const other of node.attributes.variants ?? []) {
      if (!this.acts.get(other)?.get(doc)?.done) continue;
      const why = variantOf(node.attributes.nameSimplified, this.nodes.get(other)!.attributes.nameSimplified);
      return { key: other, why: why ?? `${other} is linked as a variant of ${key}` };
    }
    return null;
  }

  private see(into: Map<string, BySight>, key: string, status: Status, ev: Evidence): void {
    let byDoc = into.get(key);
    if (!byDoc) into.set(key, (byDoc = new Map()));
    let at = byDoc.get(ev.doc);
    if (!at) byDoc.set(ev.doc, (at = {}));
    const seen = at[status];
    // The earliest sentence; of facts from one sentence, the rule first by name (the same whatever the order of the facts).
    if (seen && (seen.evidence.start < ev.start || (seen.evidence.start === ev.start && seen.evidence.rule <= ev.rule))) return;
    const d = this.documents.get(ev.doc);
    const year = d ? (status === 'planned' ? (d.plans ?? null) : d.year) : null;
    at[status] = { doc: ev.doc, year, status, name: this.writtenName(key, ev), evidence: ev };
  }

  /** The entity's name as the evidence sentence writes it (its mention inside the sentence), else its canonical name. */
  private writtenName(key: string, ev: Evidence): string {
    const node = this.nodes.get(key);
    if (!node) return key;
    const m = node.attributes.mentions.find((x) => x.doc === ev.doc && x.start >= ev.start && x.end <= ev.end);
    return m ? ev.sentence.slice(m.start - ev.start, m.end - ev.start) : node.attributes.name;
  }

  /** Where and how each report speaks of the entity: done and planned, in series order then year. */
  timeline(key: string): Sighting[] {
    const out: Sighting[] = [];
    for (const at of this.sightings.get(key)?.values() ?? []) {
      if (at.done) out.push(at.done);
      if (at.planned) out.push(at.planned);
    }
    const rank = (s: Sighting) => this.documents.get(s.doc)?.series ?? '';
    return out.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0) || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0) || (a.status === 'done' ? -1 : 1));
  }

  private evidence: Map<string, Evidence> | undefined;
  /** Each figure's first evidence sentence (figureSeries), found once per graph. */
  metricEvidence(): Map<string, Evidence> {
    return (this.evidence ??= metricEvidence(this.graph));
  }

  /** A program's or regulation's sighting in one report, with one status, as what an agency implemented or issued. */
  sighting(key: string, doc: string, status: Status): Sighting | undefined {
    return this.acts.get(key)?.get(doc)?.[status];
  }

  /** What became of every program and regulation the reports of `series` plan. */
  track(series: ReportSeries, options: TrackOptions = {}): TrackedPromise[] {
    const out: TrackedPromise[] = [];
    const plannedIn = new Map<string, ReportInTime>(series.reports.map((r) => [r.id, r]));
    const entities = this.graph.nodes.filter((n) => n.attributes.type === 'Program' || n.attributes.type === 'Regulation');
    for (const report of series.reports) {
      if (report.plans === null) continue;
      if (options.from !== undefined && report.plans < options.from) continue;
      if (options.to !== undefined && report.plans > options.to) continue;
      const later = laterReports(series, report);
      for (const n of entities) {
        const planned = this.sighting(n.key, report.id, 'planned');
        if (!planned) continue;
        out.push(this.outcome(series, n, planned, later, plannedIn));
      }
    }
    const rank = new Map(series.reports.map((r, i) => [r.id, i]));
    const order = (p: TrackedPromise) => rank.get(p.planned.doc)!;
    return out.sort((a, b) => order(a) - order(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** What became of one program or regulation wherever a report planned it, report by report. */
  promisesOf(key: string): TrackedPromise[] {
    const n = this.nodes.get(key);
    if (!n || (n.attributes.type !== 'Program' && n.attributes.type !== 'Regulation')) return [];
    const out: TrackedPromise[] = [];
    for (const series of this.series) {
      const reports = new Map<string, ReportInTime>(series.reports.map((r) => [r.id, r]));
      for (const report of series.reports) {
        const planned = report.plans === null ? undefined : this.sighting(key, report.id, 'planned');
        if (planned) out.push(this.outcome(series, n, planned, laterReports(series, report), reports));
      }
    }
    return out;
  }

  private outcome(series: ReportSeries, n: SerializedNode, planned: Sighting, later: ReportInTime[], reports: Map<string, ReportInTime>): TrackedPromise {
    const plannedAgain: Sighting[] = [];
    let done: Sighting | null = null;
    let variant: { key: string; why: string } | null = null;
    for (const r of later) {
      const d = this.sighting(n.key, r.id, 'done');
      if (d) {
        done = d;
        break;
      }
      variant = this.variantDone(n.key, r.id);
      if (variant) {
        done = this.sighting(variant.key, r.id, 'done')!;
        break;
      }
      const p = this.sighting(n.key, r.id, 'planned');
      if (p) plannedAgain.push(p);
    }
    const laterIds = new Set(later.map((r) => r.id));
    const mentionedIn = done || plannedAgain.length > 0 ? [] : [...new Set(n.attributes.mentions.filter((m) => laterIds.has(m.doc)).map((m) => m.doc))];
    const outcome: PromiseOutcome = done ? 'kept' : plannedAgain.length > 0 ? 'carried-over' : mentionedIn.length > 0 ? 'mentioned' : later.length === 0 ? 'open' : 'not-reported';
    const plans = reports.get(planned.doc)?.plans;
    const looked = later.length === 0 ? `no later report of ${series.series} reviews ${plans} or after` : `${later.length} later report(s) of ${series.series} reviewing ${plans} or after`;
    const same = (s: Sighting) =>
      s.name === planned.name
        ? `written “${s.name}” in both`
        : foldName(s.name) === foldName(planned.name)
          ? `“${planned.name}” and “${s.name}” are one name once folded (script, quotes, readings)`
          : `“${planned.name}” and “${s.name}” were resolved to one ${n.attributes.type} (${n.key}; aliases ${n.attributes.aliases.join('、')})`;
    const why =
      outcome === 'kept'
        ? `${looked}; ${done!.doc} reports it done (${variant ? variant.why : same(done!)})`
        : outcome === 'carried-over'
          ? `${looked}; planned again in ${plannedAgain.map((s) => `${s.doc} (${same(s)})`).join(', ')}, reported done in none`
          : outcome === 'mentioned'
            ? `${looked}; ${mentionedIn.join(', ')} name(s) it in no fact that says it was done or is planned`
            : outcome === 'open'
              ? looked
              : `${looked}; none of them mentions ${n.key}`;
    return { series: series.series, key: n.key, type: n.attributes.type as 'Program' | 'Regulation', name: n.attributes.name, planned, outcome, done, plannedAgain, doneAs: variant?.key ?? null, why };
  }
}

/** What the viewer's panel shows of an entity over the years. */
export interface TimeView {
  key: string;
  timeline: Sighting[];
  promises: TrackedPromise[];
  /** A figure's own series; for another entity, the series of the headline figures it measured (the largest first, at most `VIEW_SERIES`). */
  figures: FigureSeries[];
}

/** How many series of figures an entity's panel charts at most. */
export const VIEW_SERIES = 6;

/** A headline figure as the panel's charts start from it: its report and measure. */
export interface MeasuredFigure {
  doc: string;
  measure: string;
}

/** The headline figures of an entity of the index's graph: itself, for a figure; else those it measured. */
export function measuredBy(index: TimeIndex, key: string): MeasuredFigure[] {
  const figure = (k: string): MeasuredFigure[] => {
    const m = index.nodes.get(k)?.attributes as MetricAttributes | undefined;
    return m?.type === 'Metric' && m.measure ? [{ doc: m.doc, measure: m.measure }] : [];
  };
  if (index.nodes.get(key)?.attributes.type === 'Metric') return figure(key);
  return index.graph.edges.filter((e) => e.source === key && e.attributes.type === 'MEASURED').flatMap((e) => figure(e.target));
}

/** The (jurisdiction, measure) series the panel charts for these figures: most figures first, at most VIEW_SERIES. */
export function figurePairs(documents: Map<string, DocumentInfo>, figures: MeasuredFigure[]): Array<{ series: string; measure: string }> {
  const counts = new Map<string, { series: string; measure: string; n: number }>();
  for (const f of figures) {
    const series = documents.get(f.doc)?.series;
    if (!series) continue;
    const at = `${series}|${f.measure}`;
    const c = counts.get(at) ?? { series, measure: f.measure, n: 0 };
    c.n++;
    counts.set(at, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || (a.series + a.measure < b.series + b.measure ? -1 : 1)).slice(0, VIEW_SERIES).map(({ series, measure }) => ({ series, measure }));
}

/** An entity over the years, from a graph that holds at least its facts, its variants' and the figures of the `pairs` series. */
export function timeView(index: TimeIndex, key: string, pairs: Array<{ series: string; measure: string }>): TimeView {
  const figures = pairs.flatMap(({ series, measure }) => {
    const s = index.series.find((x) => x.series === series);
    return s ? figureSeries(index.graph, s, measure, index.metricEvidence()) : [];
  });
  return { key, timeline: index.timeline(key), promises: index.promisesOf(key), figures };
}
