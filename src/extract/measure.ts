/**
 * What a figure measures, when it is one of the headline measures a domain expert listed in
 * `data/extract/measures.json`: the same measure in every report (地区生产总值 in one, 全区生产总值 or
 * GDP in another), so a jurisdiction's figures of it form a series across years. The match is exact
 * and explainable: the figure's label without its lead and trail words is one of the measure's labels,
 * and its unit is the measure's. Anything else — a change over years (从…增加到…), an average (年均增长),
 * a share (占…比重), a unit of another kind — measures nothing listed and stays out of every series.
 */
import type { Level } from './jurisdiction.js';
import { loadLexicon } from './lexicon.js';

export interface MeasureLexicon {
  leadWords: string[];
  trailWords: string[];
  measures: Array<{ name: string; unit: string; labels: string[]; fallLabels: string[]; levels?: Level[] }>;
}

export const measureLexicon = (): MeasureLexicon => loadLexicon('measures');

/** A figure that joins a measure: its name, the value in the measure's terms (a fall negated), and why. */
export interface MeasureMatch {
  measure: string;
  value: number;
  /** The measure's label the figure's label came down to (地区生产总值下降). */
  matched: string;
  why: string;
}

/** Why a figure joins no measure, when its label is one of a measure's (its unit or level differs). */
export interface MeasureMiss {
  measure: null;
  why: string;
}

let index: Map<string, { measure: MeasureLexicon['measures'][number]; sign: 1 | -1 }> | undefined;
function labelIndex() {
  if (!index) {
    index = new Map();
    for (const m of measureLexicon().measures) {
      for (const label of m.labels) index.set(label, { measure: m, sign: 1 });
      for (const label of m.fallLabels) index.set(label, { measure: m, sign: -1 });
    }
  }
  return index;
}

/** The label without the words around it that say nothing of what is measured (全区…, …完成, …控制在). */
export function measureCore(labelSimplified: string): string {
  const lex = measureLexicon();
  let core = labelSimplified;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of lex.leadWords) {
      if (core.length > w.length && core.startsWith(w) && !labelIndex().has(core)) {
        core = core.slice(w.length);
        changed = true;
      }
    }
    for (const w of lex.trailWords) {
      if (core.length > w.length && core.endsWith(w) && !labelIndex().has(core)) {
        core = core.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return core;
}

/**
 * The measure a figure (its simplified label, base unit and value) of a report of `level` is of; a
 * MeasureMiss when its label names a measure but its unit or level is not the measure's; null when its
 * label names none.
 */
export function measureOf(labelSimplified: string, unit: string, value: number, level: Level | null): MeasureMatch | MeasureMiss | null {
  if (!labelSimplified) return null;
  const core = measureCore(labelSimplified);
  const hit = labelIndex().get(core);
  if (!hit) return null;
  const { measure, sign } = hit;
  const file = 'data/extract/measures.json';
  if (unit !== measure.unit) return { measure: null, why: `its label “${core}” is a label of ${measure.name}, but its unit ${unit} is not ${measure.unit} (${file})` };
  if (measure.levels && (level === null || !measure.levels.includes(level))) {
    return { measure: null, why: `its label “${core}” is a label of ${measure.name}, which is only that of ${measure.levels.join(', ')} reports, and this report's level is ${level ?? 'unknown'} (${file})` };
  }
  const trimmed = core === labelSimplified ? '' : ` (“${labelSimplified}” without the words around it)`;
  const fall = sign < 0 ? `; a fall, so its value counts negated` : '';
  return { measure: measure.name, value: sign * value, matched: core, why: `its label “${core}”${trimmed} is a label of ${measure.name} and its unit is ${unit} (${file})${fall}` };
}
