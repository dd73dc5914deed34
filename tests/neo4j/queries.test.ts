/** The curated questions' headers: what each answers and its parameters, optional ones null when left out. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { listQueries, parseParams, parseQuery, resolveQuery } from '../../src/neo4j/queries.js';

describe('curated query parameters', () => {
  it('reads optional parameters from the header and gives them null when left out', () => {
    const track = resolveQuery('track');
    expect(track.params.map((p) => [p.name, p.optional])).toEqual([['jurisdiction', false], ['from', true], ['to', true]]);
    expect(parseParams(track, ['jurisdiction=盐田区'])).toEqual({ jurisdiction: '盐田区', from: null, to: null });
    expect(parseParams(track, ['jurisdiction=盐田区', 'from=2022'])).toEqual({ jurisdiction: '盐田区', from: 2022, to: null });
  });

  it('still refuses a required parameter left out, naming it', () => {
    const q = parseQuery('q', '// A question.\n// @param name  a name\n// @param limit  (optional) how many\nRETURN $name, $limit');
    expect(() => parseParams(q, ['limit=3'])).toThrow(UsageError);
    expect(() => parseParams(q, ['limit=3'])).toThrow('query q: missing --param name=… (a name).');
  });

  it('lists the questions across the years with the others', () => {
    expect(listQueries().map((q) => q.name)).toEqual(expect.arrayContaining(['track', 'series', 'planned-vs-done']));
  });
});
