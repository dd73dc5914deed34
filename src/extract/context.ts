/**
 * What every extractor sees of a document: the clean text and its simplified view (same offsets),
 * token boundaries, the sentences, the jurisdiction, and which spans earlier extractors have claimed.
 * Offsets here are clean-text offsets; they become original offsets when the graph is built.
 */
import { wordBoundaries } from '../text/segment.js';
import type { ReportDocument } from '../text/document.js';
import { detectJurisdiction, type Jurisdiction } from './jurisdiction.js';

export type EntityKind = 'Agency' | 'Regulation' | 'Program';

export interface EntityMention {
  type: EntityKind;
  /** Clean-text offsets of the name as written. */
  start: number;
  end: number;
  /** The name as written (document script, readings removed). */
  surface: string;
  /** Canonical name in the document script, and simplified. */
  name: string;
  nameSimplified: string;
  rule: string;
  /** A short form whose place the report never names: kept to its own report. */
  unresolved?: true;
}

export interface MetricMention {
  type: 'Metric';
  start: number;
  end: number;
  raw: string;
  rawSimplified: string;
  value: number;
  unit: string;
  qualifier: string;
  /** What is measured, in the document's script, and simplified (see metric-label.ts). */
  label: string;
  labelSimplified: string;
  rule: string;
}

export type Mention = EntityMention | MetricMention;

export interface ExtractContext {
  doc: ReportDocument;
  clean: string;
  view: string;
  jurisdiction: Jurisdiction;
  /** 1 where a token starts / ends (clean offsets; index = offset). */
  tokenStart: Uint8Array;
  tokenEnd: Uint8Array;
  /** 1 where an entity found earlier already lies. */
  taken: Uint8Array;
}

export function createContext(doc: ReportDocument): ExtractContext {
  const { clean, view } = doc.text;
  const { starts: tokenStart, ends: tokenEnd } = wordBoundaries(doc.text);
  return {
    doc,
    clean,
    view,
    jurisdiction: detectJurisdiction(view, doc.title, doc.text.script),
    tokenStart,
    tokenEnd,
    taken: new Uint8Array(clean.length + 1),
  };
}

export const isFree = (ctx: ExtractContext, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) if (ctx.taken[i]) return false;
  return true;
};

export const claim = (ctx: ExtractContext, start: number, end: number): void => {
  ctx.taken.fill(1, start, end);
};
