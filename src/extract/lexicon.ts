/** The extraction rules kept as data under data/extract/, read once. All strings are simplified. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

export interface AgencyLexicon {
  levels: Record<string, string>;
  suffixes: string[];
  stemStop: string;
  maxStem: number;
  stemExpansions: Record<string, string>;
  national: { prefixes: string[]; fixed: string[]; authors: string[] };
  courts: string[];
  selfReference: Record<string, string>;
  scopeWords: Record<string, string>;
  placeStop: string[];
  provinces: string[];
  municipalities: string[];
  strongContext: string[];
  singleCharSuffixStop: string[];
  stemVerbs: string[];
}

export interface RelationLexicon {
  issue: string[];
  submit: { verb: string; then: string };
  implement: string[];
  cooperate: string[];
  notIssue: string[];
  block: string[];
}

export interface ProgramLexicon {
  headNouns: string[];
  extendOver: string;
  maxExtension: number;
  domainPrefixes: string[];
  unquotedHeads: string[];
  unquotedMaxLength: number;
  unquotedMinLength: number;
  unquotedStart: string[];
  notPrograms: string[];
  notProgramHeadsOfDocuments: string[];
  sloganMarkers: string[];
  notProgramAfter: string[];
  quoteMinLength: number;
  scopePrefixes: string[];
  bareQuoteMinLength: number;
  titleVerbsBefore: string[];
  titleWordsAfter: string[];
}

export interface MetricLexicon {
  units: string[];
  zhNumeralUnits: string[];
  countedAfterGe: string[];
  prefixQualifiers: string[];
  suffixQualifiers: string[];
  notBefore: string[];
  notAfter: string[];
  durationPrefixes: string[];
  unitAliases: Record<string, string>;
}

export interface RegulationLexicon {
  documentSuffixes: string[];
  notRegulationSuffixes: string[];
  maxUnbracketed: number;
}

const cache = new Map<string, unknown>();
function load<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(dataPath('extract', `${name}.json`), 'utf8')));
  return cache.get(name) as T;
}

export const agencyLexicon = (): AgencyLexicon => load('agency');
export const relationLexicon = (): RelationLexicon => load('relations');
export const programLexicon = (): ProgramLexicon => load('program');
export const metricLexicon = (): MetricLexicon => load('metric');
export const regulationLexicon = (): RegulationLexicon => load('regulation');

/** Alternation of literal strings, longest first, for building regular expressions. */
export function alternation(words: string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
