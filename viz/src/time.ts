/**
 * The panel's part about time: where the entity is seen report by report (a row of years, done or
 * planned), what became of it where a report planned it, and a line chart of each headline figure's
 * series (reported values and targets) with uPlot. Text from documents goes in as textContent only.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { displayUnit, scaled, type FigureSeries } from '../../src/graph/figures.js';
import type { TimeView } from '../../src/graph/track.js';
import { el } from './panel.js';

const OUTCOME_TITLES: Record<string, string> = {
  kept: 'kept 已完成',
  'carried-over': 'carried over 再次部署',
  mentioned: 'mentioned 再次提及',
  'not-reported': 'not reported 未见下文',
  open: 'open 尚無後續報告',
};


/** The section of the panel for `view`; charts are drawn once the section is in the page (they need its width). */
export function renderTime(view: TimeView): { section: HTMLElement; draw: () => void } {
  const section = el('section', undefined, 'time');
  section.dataset.key = view.key;
  section.append(el('h3', 'Over the years 歷年'));
  const timeline = el('ol', undefined, 'timeline');
  for (const s of view.timeline) {
    const li = el('li', `${s.year ?? '?'} ${s.status === 'done' ? 'done' : 'planned'}`, s.status);
    li.title = `${s.doc}${s.name ? ` — “${s.name}”` : ''}: ${s.evidence.sentence}`;
    li.dataset.year = String(s.year ?? '');
    li.dataset.status = s.status;
    timeline.append(li);
  }
  if (view.timeline.length > 0) section.append(timeline);
  for (const p of view.promises) {
    const item = el('div', undefined, `promise ${p.outcome}`);
    item.dataset.outcome = p.outcome;
    const done = p.done ? ` → ${p.done.year ?? '?'}${p.done.name !== p.planned.name ? ` (as “${p.done.name}”)` : ''}` : '';
    item.append(el('h4', `planned for ${p.planned.year ?? '?'}: ${OUTCOME_TITLES[p.outcome]}${done}`), el('p', p.why, 'meta'));
    section.append(item);
  }
  const charts: Array<() => void> = [];
  for (const f of view.figures) {
    const box = el('div', undefined, 'chart');
    box.dataset.measure = f.measure;
    const shown = displayUnit(f.unit, f.points.map((p) => p.value));
    box.append(el('h4', `${f.measure} (${shown.unit}) · ${f.series}`));
    section.append(box);
    charts.push(() => drawChart(box, f, shown));
    if (f.leftOut.length > 0) box.append(el('p', `${f.leftOut.length} figure(s) left out: ${f.leftOut[0]!.reason}`, 'meta'));
  }
  if (view.timeline.length === 0 && view.promises.length === 0 && view.figures.length === 0) section.append(el('p', 'No report places it in time.', 'hint'));
  return { section, draw: () => charts.forEach((draw) => draw()) };
}

/** A line per status: what the reports say was reached, and the targets they set. */
function drawChart(box: HTMLElement, f: FigureSeries, shown: { unit: string; scale: number }): void {
  const years = [...new Set(f.points.map((p) => p.year))].sort((a, b) => a - b);
  const value = (year: number, status: 'done' | 'planned') => {
    const p = f.points.find((x) => x.year === year && x.status === status);
    return p ? scaled(p.value, shown.scale) : null;
  };
  const data: uPlot.AlignedData = [years, years.map((y) => value(y, 'done')), years.map((y) => value(y, 'planned'))];
  const width = Math.max(240, box.clientWidth || 320);
  new uPlot(
    {
      width,
      height: 180,
      scales: { x: { time: false } },
      axes: [{ values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }, { size: 60 }],
      series: [
        { label: 'year' },
        { label: 'reported', stroke: '#1a7f37', width: 2, points: { show: true }, spanGaps: true },
        { label: 'target', stroke: '#bc4c00', width: 1, dash: [4, 4], points: { show: true }, spanGaps: true },
      ],
    },
    data,
    box,
  );
}
