/**
 * CSV for `neo4j-admin database import full`: nodes.csv and relationships.csv in its header format
 * (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed property columns), RFC 4180 quoting. Lists
 * (`string[]`) are separated by U+001F, which no report text contains: pass `--array-delimiter=U+001F`.
 */
import { stringify } from 'csv-stringify/sync';
import type { MetricAttributes, SerializedGraph } from '../graph/model.js';

export const ARRAY_DELIMITER = '\u001f';

export interface CsvFiles {
  'nodes.csv': string;
  'relationships.csv': string;
  'README.txt': string;
}

const NODE_HEADER = ['key:ID', ':LABEL', 'name', 'nameSimplified', 'aliases:string[]', 'mentions:string[]', 'doc', 'raw', 'value:double', 'unit', 'qualifier', 'label', 'year:int', 'status'];
const REL_HEADER = [':START_ID', ':END_ID', ':TYPE', 'key', 'rule', 'status', 'implicit:boolean', 'evidence:string[]'];

const list = (items: unknown[]) => items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i))).join(ARRAY_DELIMITER);

export function writeCsv(graph: SerializedGraph): CsvFiles {
  const nodes = graph.nodes.map(({ key, attributes: a }) => {
    const m = a as MetricAttributes;
    const metric = a.type === 'Metric';
    return [key, a.type, a.name, a.nameSimplified, list(a.aliases), list(a.mentions), metric ? m.doc : '', metric ? m.raw : '', metric ? m.value : '', metric ? m.unit : '', metric ? m.qualifier : '', metric ? m.label : '', metric && m.year !== null ? m.year : '', metric ? m.status : ''];
  });
  const rels = graph.edges.map(({ key, source, target, attributes: a }) => [source, target, a.type, key, a.rule, a.status, a.implicit, list(a.evidence)]);
  const csv = (rows: unknown[][]) => stringify(rows, { cast: { boolean: (b) => String(b), number: (n) => String(n) }, record_delimiter: '\n', quoted_match: /[,"\n\r\u001f]/ });
  return {
    'nodes.csv': csv([NODE_HEADER, ...nodes]),
    'relationships.csv': csv([REL_HEADER, ...rels]),
    'README.txt': [
      'report2graph export: CSV for neo4j-admin import (Neo4j 5).',
      '',
      'neo4j-admin database import full --array-delimiter=U+001F \\',
      '  --nodes=nodes.csv --relationships=relationships.csv neo4j',
      '',
      'mentions and evidence items are JSON objects; aliases are plain strings; lists are separated by U+001F.',
      '',
    ].join('\n'),
  };
}
