import { describe, expect, it } from 'vitest';
import { toGraphology } from '../../src/graph/store.js';
import { groupOf, neighbourhoodOf, overviewOf, pathBetween, subgraphOf, validateFilter, ViewError, NATIONAL_GROUP, UNRESOLVED_GROUP } from '../../src/graph/view.js';
import { viewFixture } from '../helpers/views.js';

const serialized = viewFixture();
const graph = toGraphology(serialized);
const { documents } = serialized.attributes;
const NANSHAN = 'Agency:深圳市南山区人民政府';
const FUTIAN = 'Agency:深圳市福田区人民政府';
const WINDOW = 'Program:一窗通';
const METRIC = serialized.nodes.find((n) => n.attributes.type === 'Metric')!.key;
const sorted = (s: Set<string>) => [...s].sort();

describe('neighbourhoods', () => {
  it('holds the entity and what is one step away, either direction, and goes further with depth', () => {
    expect(sorted(neighbourhoodOf(graph, documents, FUTIAN).nodes)).toEqual([FUTIAN, WINDOW]);
    expect(sorted(neighbourhoodOf(graph, documents, FUTIAN, { depth: 2 }).nodes)).toEqual([NANSHAN, FUTIAN, METRIC, WINDOW].sort());
    expect(neighbourhoodOf(graph, documents, WINDOW).edges.size).toBe(3);
  });

  it('keeps to the reports of the years asked for', () => {
    const only2020 = neighbourhoodOf(graph, documents, WINDOW, { filter: { yearFrom: 2020, yearTo: 2020 } });
    expect(sorted(only2020.nodes)).toEqual([FUTIAN, WINDOW]);
    expect(sorted(neighbourhoodOf(graph, documents, WINDOW, { filter: { jurisdictions: ['深圳市南山区'] } }).nodes)).toEqual([NANSHAN, METRIC, WINDOW].sort());
  });

  it('stops at its limit and says it was cut short', () => {
    const cut = neighbourhoodOf(graph, documents, NANSHAN, { limit: 2 });
    expect(cut.nodes.size).toBe(2);
    expect(cut.truncated).toBe(true);
    expect(neighbourhoodOf(graph, documents, NANSHAN).truncated).toBe(false);
  });

  it('refuses a key that is no entity, by class', () => {
    expect(() => neighbourhoodOf(graph, documents, 'Agency:nowhere')).toThrow(ViewError);
  });
});

describe('paths', () => {
  it('is the shortest chain of facts between two agencies, through the program they share', () => {
    const path = pathBetween(graph, documents, NANSHAN, FUTIAN)!;
    expect(sorted(path.nodes)).toEqual([NANSHAN, FUTIAN, WINDOW].sort());
    expect(path.edges.size).toBe(2);
  });

  it('is none when the filters leave no chain', () => {
    expect(pathBetween(graph, documents, NANSHAN, FUTIAN, { yearTo: 2015 })).toBeNull();
  });

  it('becomes a subgraph that cites only its reports', () => {
    const sub = subgraphOf(graph, documents, 'v', neighbourhoodOf(graph, documents, FUTIAN));
    expect(sub.nodes.map((n) => n.key)).toEqual([FUTIAN, WINDOW]);
    expect(sub.attributes.documents.map((d) => d.id).sort()).toEqual(documents.map((d) => d.id).sort());
    expect(sub.nodes[0]!.attributes).not.toHaveProperty('x');
  });
});

describe('the overview', () => {
  it('groups agencies by jurisdiction, sized by their facts, with the reports of each year', () => {
    const overview = overviewOf(graph, documents);
    expect(overview.groups.map((g) => [g.id, g.agencies.map((a) => [a.name, a.facts]), g.reports])).toEqual([
      ['深圳市南山区', [['深圳市南山区人民政府', 3]], [{ year: 2014, count: 1 }]],
      ['深圳市福田区', [['深圳市福田区人民政府', 1]], [{ year: 2020, count: 1 }]],
    ]);
    expect(overview).toMatchObject({ nodes: graph.order, relations: graph.size, documents: 2 });
  });

  it('counts only the facts of the reports a filter keeps', () => {
    const overview = overviewOf(graph, documents, { yearFrom: 2020 });
    expect(overview.groups.map((g) => g.id)).toEqual(['深圳市福田区']);
    expect(overview.documents).toBe(1);
  });

  it('puts an agency under the longest jurisdiction its name holds, a national body under 全国', () => {
    const places = ['深圳市', '深圳市南山区', '广东省'].sort((a, b) => b.length - a.length);
    expect(groupOf('中共深圳市南山区委', places)).toBe('深圳市南山区');
    expect(groupOf('中共深圳市委', places)).toBe('深圳市');
    expect(groupOf('国务院办公厅', places)).toBe(NATIONAL_GROUP);
    expect(groupOf('区人民政府（辖区未识别：某报告）', places)).toBe(UNRESOLVED_GROUP);
  });
});

describe('view filters', () => {
  it('are refused with the field named when they make no sense', () => {
    expect(() => validateFilter({ yearFrom: 2021, yearTo: 2019 })).toThrow(/yearFrom \(2021\) is after yearTo \(2019\)/);
    expect(() => validateFilter({ types: ['Person' as never] })).toThrow(ViewError);
    expect(() => validateFilter({ yearFrom: 21 })).toThrow(/yearFrom must be a year/);
  });
});
