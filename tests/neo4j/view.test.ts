/** The viewer's Neo4j queries without I/O: the exact text sent and the parameters a filter becomes. */
import { describe, expect, it } from 'vitest';
import { fillTemplate, readCypher } from '../../src/neo4j/cypher.js';
import { filterParams, labelOfKey, luceneText } from '../../src/neo4j/view.js';
import { ViewError } from '../../src/graph/view.js';
import { viewFixture } from '../helpers/views.js';

const { documents } = viewFixture().attributes;

describe('the viewer queries', () => {
  it('expand one label at a time, bounded, with the label from the whitelist', () => {
    expect(fillTemplate(readCypher('view/expand.cypher'), { LABEL: labelOfKey('Agency:深圳市南山区人民政府') })).toBe(
      [
        'UNWIND $keys AS k',
        'MATCH (n:Agency {key: k})-[r:ISSUED|IMPLEMENTED|MEASURED]-(m)',
        'WHERE type(r) IN $relations',
        '  AND ($docs IS NULL OR any(d IN r.docs WHERE d IN $docs))',
        '  AND ($types IS NULL OR any(l IN labels(m) WHERE l IN $types))',
        'RETURN n.key AS from, r, m',
        "ORDER BY CASE type(r) WHEN 'MEASURED' THEN 1 ELSE 0 END, m.key, r.key",
        'LIMIT $limit',
      ].join('\n'),
    );
    expect(() => labelOfKey('Person:x')).toThrow(ViewError);
  });

  it('turn a filter into the reports it keeps, every relation type by default', () => {
    expect(filterParams(documents, {})).toEqual({ relations: ['ISSUED', 'IMPLEMENTED', 'MEASURED'], types: null, docs: null });
    expect(filterParams(documents, { yearFrom: 2020, types: ['Program'], relations: ['IMPLEMENTED'] })).toEqual({
      relations: ['IMPLEMENTED'],
      types: ['Program'],
      docs: ['2021年政府工作报告（在福田区第七届人民代表大会第七次会议上）_2021'],
    });
  });

  it('search the user text as text, never as Lucene syntax', () => {
    expect(luceneText('深圳市 (南山) AND "x"~2 /')).toBe('深圳市 \\(南山\\) AND \\"x\\"\\~2 \\/');
  });
});
