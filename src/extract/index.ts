/**
 * Extraction of one document: names first (regulations, then programs, then agencies, so a name inside
 * another is not taken twice), then metrics outside names, then relations. Pure: a document in,
 * mentions and relations out.
 */
import type { ReportDocument } from '../text/document.js';
import { findAgencies } from './agency.js';
import { createContext, type ExtractContext, type Mention } from './context.js';
import { findMetrics } from './metric.js';
import { findPrograms } from './program.js';
import { findRegulations } from './regulation.js';
import { findRelations, type RelationMention } from './relations.js';

export const EXTRACTOR_VERSION = '0.2.0';

export interface Extraction {
  context: ExtractContext;
  mentions: Mention[];
  relations: RelationMention[];
}

export function extractDocument(doc: ReportDocument): Extraction {
  return extractWith(createContext(doc));
}

/** Extraction on a context already built (segmentation done). */
export function extractWith(context: ExtractContext): Extraction {
  const mentions: Mention[] = [
    ...findRegulations(context),
    ...findPrograms(context),
    ...findAgencies(context),
    ...findMetrics(context),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return { context, mentions, relations: findRelations(context, mentions) };
}
