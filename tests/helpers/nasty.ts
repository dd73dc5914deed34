import type { SerializedGraph } from '../../src/graph/model.js';

/** Text that breaks naive escaping in every format: quotes, backslashes, commas, new lines, <, &, emoji, astral characters. */
export const NASTY = 'A "quoted" \'name\', with \\back\\slashes\nand a new line, <tag> & amp; 😀 𠀋 “引號” 《書名》';

/** A small graph whose names and sentences are all NASTY variants. */
export function nastyGraph(): SerializedGraph {
  return {
    attributes: { extractorVersion: 'test', documents: [{ id: 'doc "1"', title: NASTY, path: 'x.txt', sha256: 'x', chars: 1, year: 2023, encoding: 'utf-8', jurisdiction: null, script: 'simplified', damage: [] }] },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: [
      { key: `Agency:${NASTY}`, attributes: { type: 'Agency', name: NASTY, nameSimplified: NASTY, aliases: [NASTY, 'b,c'], mentions: [{ doc: 'doc "1"', start: 0, end: 5 }] } },
      { key: 'Program:p;1', attributes: { type: 'Program', name: `${NASTY} program`, nameSimplified: 'p', aliases: ['p;1'], mentions: [] } },
      {
        key: 'Metric:doc "1":7',
        attributes: { type: 'Metric', name: '3萬多人', nameSimplified: '3万多人', aliases: ['3萬多人'], mentions: [{ doc: 'doc "1"', start: 7, end: 12 }], doc: 'doc "1"', raw: '3萬多人', value: 30000.5, unit: '人', qualifier: '多', label: NASTY, year: null, status: 'planned' },
      },
    ],
    edges: [
      {
        key: `IMPLEMENTED|Agency:${NASTY}|Program:p;1|done`,
        source: `Agency:${NASTY}`,
        target: 'Program:p;1',
        attributes: { type: 'IMPLEMENTED', evidence: [{ doc: 'doc "1"', start: 0, end: 9, sentence: NASTY, section: ['一、', NASTY], rule: 'r' }], implicit: false, rule: 'r', status: 'done' },
      },
      {
        key: 'MEASURED|Program:p;1|Metric:doc "1":7|planned',
        source: 'Program:p;1',
        target: 'Metric:doc "1":7',
        attributes: { type: 'MEASURED', evidence: [{ doc: 'doc "1"', start: 3, end: 4, sentence: 'x', section: [], rule: 'm' }], implicit: true, rule: 'm', status: 'planned' },
      },
    ],
  };
}
