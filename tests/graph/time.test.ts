/**
 * Across the years, on real corpus reports (tests/helpers/time.ts): reports in series, what became of
 * what they planned, and a headline figure over the years. The pairs and figures written here were read
 * by hand from the texts (data/gold/time/promises.md, gdp-longgang.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { EXTRACTOR_VERSION, extractDocument } from '../../src/extract/index.js';
import { figureSeries } from '../../src/graph/figures.js';
import type { DocumentInfo, SerializedGraph } from '../../src/graph/model.js';
import { findSeries, reportSeries } from '../../src/graph/series.js';
import { TimeIndex, type TrackedPromise } from '../../src/graph/track.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { documentFromText } from '../../src/text/document.js';
import { CORPUS, LONGGANG, timeGraph, YANTIAN } from '../helpers/time.js';

let graph: SerializedGraph;
let index: TimeIndex;
const text = (id: string) => readFileSync(join(CORPUS, `${id}.txt`), 'utf8');

beforeAll(async () => {
  graph = await timeGraph();
  index = new TimeIndex(graph);
}, 300_000);

const promise = (jurisdiction: string, plans: number, name: string): TrackedPromise => {
  const found = index.track(findSeries(graph.attributes.documents, jurisdiction, 'test'), { from: plans, to: plans }).filter((p) => p.name === name);
  expect(found, `${name} planned for ${plans}`).toHaveLength(1);
  return found[0]!;
};

describe('reports in time', () => {
  it('orders a jurisdiction’s reports by the year each plans, each knowing the year it reviews', () => {
    const yantian = findSeries(graph.attributes.documents, '盐田区', 'test');
    expect(yantian.series).toBe('深圳市盐田区');
    expect(yantian.reports.map((r) => [r.id, r.reviews, r.plans])).toEqual(YANTIAN.map((id, i) => [id, 2021 + i, 2022 + i]));
    expect(reportSeries(graph.attributes.documents).map((s) => s.series)).toEqual(['深圳市盐田区', '深圳市龙岗区']);
  });

  it('finds a series by any of its names, in either script, and lists the series when the name is none', () => {
    for (const name of ['深圳市盐田区', '盐田区', '盐田', '鹽田區']) expect(findSeries(graph.attributes.documents, name, 'track').series).toBe('深圳市盐田区');
    expect(() => findSeries(graph.attributes.documents, '南山区', 'track')).toThrow(UsageError);
    expect(() => findSeries(graph.attributes.documents, '南山区', 'track')).toThrow('track: no jurisdiction named "南山区" in the graph; it holds: 深圳市盐田区 (4), 深圳市龙岗区 (11).');
  });

  it('joins a zone’s reports to the district it became, and refuses a name two series share', () => {
    const doc = (id: string, series: string, names: string[], year: number): DocumentInfo => ({ id, title: id, path: `${id}.txt`, sha256: id, chars: 1, year, plans: year + 1, series, seriesNames: names, encoding: 'utf-8', jurisdiction: series, script: 'simplified', damage: [] });
    const ping = [documentFromText('各位代表：\n一、2015年工作回顾\n', '坪山新区-2016', '2016年坪山新区管委会工作报告_2016'), documentFromText('各位代表：\n一、2017年工作回顾\n', '坪山区-2018', '2018年坪山区政府工作报告_2018')];
    const docs = buildGraph(ping.map((d) => extractDocument(d)), EXTRACTOR_VERSION).attributes.documents;
    expect(docs.map((d) => [d.id, d.jurisdiction, d.series])).toEqual([['坪山区-2018', '深圳市坪山区', '深圳市坪山区'], ['坪山新区-2016', '深圳市坪山新区', '深圳市坪山区']]);
    expect(findSeries(docs, '坪山新区', 'track').reports.map((r) => r.id)).toEqual(['坪山新区-2016', '坪山区-2018']);
    const shared = [doc('a', '深圳市南山区', ['深圳市南山区', '南山区'], 2020), doc('b', '鹤岗市南山区', ['鹤岗市南山区', '南山区'], 2020)];
    expect(() => findSeries(shared, '南山区', 'track')).toThrow('track: "南山区" names 2 jurisdictions: 深圳市南山区 (1), 鹤岗市南山区 (1); give the qualified name.');
  });
});

describe('what became of what a report planned', () => {
  it('keeps a program the next report says was done, with both sentences (盐港东立交, 盐田 2022 → 2023)', () => {
    const p = promise('盐田区', 2022, '盐港东立交');
    expect(p).toMatchObject({ outcome: 'kept', planned: { doc: YANTIAN[0], year: 2022, status: 'planned' }, done: { doc: YANTIAN[1], year: 2022, status: 'done', name: '盐港东立交' }, doneAs: null });
    expect(p.planned.evidence.sentence).toBe('开工平盐铁路复线改造，建成盐港东立交等项目，力争完成拖车服务中心主体工程，推动平湖、常胜等近距离内陆港建设，不断拓展港口经济腹地。');
    expect(p.done!.evidence.sentence).toContain('盐港东立交建成通车');
    expect(p.why).toContain('盐田区2023年政府工作报告_2023 reports it done (written “盐港东立交” in both)');
  });

  it('keeps the ones the texts show kept under the same name', () => {
    expect(promise('盐田区', 2022, '安全生产专项整治三年行动')).toMatchObject({ outcome: 'kept', done: { doc: YANTIAN[1] } });
    const gas = promise('盐田区', 2022, '燃气“瓶改管”');
    expect(gas).toMatchObject({ outcome: 'kept', done: { doc: YANTIAN[1] } });
    expect(gas.done!.evidence.sentence).toBe('全市率先完成燃气“瓶改管”，惠及居民2720户。');
  });

  it('keeps a program the later report names by a variant, and says by which rule (智慧菜篮子工程 → 全市首个智慧菜篮子系统)', () => {
    const p = promise('盐田区', 2022, '智慧菜篮子工程');
    expect(p).toMatchObject({ outcome: 'kept', doneAs: 'Program:全市首个智慧菜篮子系统', done: { doc: YANTIAN[1], name: '全市首个智慧菜篮子系统' } });
    expect(p.planned.evidence.sentence).toBe('实行最严格的食品药品监管制度，建成智慧菜篮子工程，确保所有食品来源可溯、安全可靠，让居民群众逛市场买菜成为一种享受。');
    expect(p.done!.evidence.sentence).toBe('建成全市首个智慧菜篮子系统，所有食品新鲜看得见、品质有保障，食品药品安全考核连续5年全市第一。');
    expect(p.why).toMatch(/is a variant of “智慧菜篮子工程”: its core is “智慧菜篮子” with “全市首个” before it/);
  });

  it('reports as not reported what no later report of the district mentions', () => {
    const cases: Array<[string, number, string, string[], string]> = [
      ['盐田区', 2022, '“元宇宙”', ['元宇宙', '愿望塔'], '盐田'],
      ['盐田区', 2022, '深圳模式动物公共服务平台项目', ['模式动物'], '盐田'],
      ['龙岗区', 2023, '华南城运通汽车商业综合体', ['华南城运通', '运通'], '龙岗'],
      ['龙岗区', 2023, '藏东南清洁能源基地送电工程', ['藏东南', '送电'], '龙岗'],
    ];
    for (const [jurisdiction, plans, name, words, district] of cases) {
      const later = (district === '盐田' ? YANTIAN : LONGGANG).filter((id) => Number(id.slice(-4)) > plans);
      for (const id of later) for (const w of words) expect(text(id), `${w} in ${id}`).not.toContain(w);
      expect(promise(jurisdiction, plans, name)).toMatchObject({ outcome: 'not-reported', done: null, plannedAgain: [] });
    }
  });

  it('never takes another district’s report for a district’s own (街道综合行政执法改革)', () => {
    // 龙岗区 planned it for 2023 and its 2024 report says it was done; 盐田区 planned it for 2022, and
    // none of its later reports names it, though the program is one node shared with 龙岗区.
    const longgang = promise('龙岗区', 2023, '街道综合行政执法改革');
    expect(longgang).toMatchObject({ outcome: 'kept', done: { doc: '龙岗区2024年政府工作报告_2024', year: 2023 } });
    for (const id of YANTIAN.slice(1)) expect(text(id)).not.toContain('街道综合行政执法改革');
    expect(promise('盐田区', 2022, '街道综合行政执法改革')).toMatchObject({ outcome: 'not-reported', done: null });
  });

  it('leaves open what the last report plans', () => {
    const last = index.track(findSeries(graph.attributes.documents, '盐田区', 'test'), { from: 2025 });
    expect(last.length).toBeGreaterThan(20);
    expect(new Set(last.map((p) => p.outcome))).toEqual(new Set(['open']));
  });
});

describe('a headline figure over the years', () => {
  it('gives 龙岗区’s 地区生产总值 for 2014–2021 as its reports wrote it', () => {
    const [gdp] = figureSeries(graph, findSeries(graph.attributes.documents, '龙岗区', 'test'), '地区生产总值');
    const reported = gdp!.points.filter((p) => p.status === 'done' && p.year <= 2021).map((p) => [p.year, p.value / 1e8, p.qualifier, p.raw, p.doc]);
    // data/gold/time/gdp-longgang.md: each value as the report of the next year writes it.
    expect(reported).toEqual([
      [2014, 2358, '', '2358亿元', LONGGANG[0]],
      [2015, 2636.8, '', '2636.8亿元', LONGGANG[1]],
      [2016, 3000, '突破', '3000亿元', LONGGANG[2]],
      [2017, 3858.62, '', '3858.62亿元', LONGGANG[3]],
      [2018, 4287.86, '', '4287.86亿元', LONGGANG[4]],
      [2019, 4600, '', '4600亿元', LONGGANG[5]],
      [2020, 4744.49, '', '4744.49亿元', LONGGANG[6]],
      [2021, 4496.45, '', '4496.45亿元', LONGGANG[7]],
    ]);
    expect(gdp!.points.find((p) => p.year === 2021)!.evidence!.sentence).toContain('地区生产总值4496.45亿元');
    // The 2016 report's goal for 2020 is a target of 2020, not a figure of 2015.
    expect(gdp!.points.find((p) => p.year === 2020 && p.status === 'planned')).toMatchObject({ value: 3900e8, doc: LONGGANG[1] });
  });

  it('gives growth as the reports state it, a fall negative, and the targets they set', () => {
    const [growth] = figureSeries(graph, findSeries(graph.attributes.documents, '龙岗区', 'test'), '地区生产总值增速');
    const at = (year: number, status: string) => growth!.points.find((p) => p.year === year && p.status === status)?.value;
    expect([at(2015, 'done'), at(2020, 'done'), at(2021, 'done')]).toEqual([10.5, 1.1, -7.6]);
    expect([at(2016, 'planned'), at(2021, 'planned'), at(2022, 'planned')]).toEqual([9.5, 3, 6]);
  });

  it('leaves out a year the reports give two values for, rather than pick one', () => {
    const first = documentFromText('一、2020年工作回顾\n实现地区生产总值4744.49亿元，增长1.1%。', 'longgang-a', '龙岗区2021年政府工作报告_2021');
    const second = documentFromText('一、2020年工作回顾\n全区生产总值4800亿元。', 'longgang-b', '龙岗区2021年政府工作报告（二）_2021');
    const g = buildGraph([extractDocument(first), extractDocument(second)], EXTRACTOR_VERSION);
    const [gdp] = figureSeries(g, findSeries(g.attributes.documents, '龙岗区', 'test'), '地区生产总值');
    expect(gdp!.points).toEqual([]);
    expect(gdp!.leftOut.map((l) => [l.doc, l.raw])).toEqual([['longgang-a', '4744.49亿元'], ['longgang-b', '4800亿元']]);
    expect(gdp!.leftOut[0]!.reason).toBe('the reports give 2020 (done) 2 values: 4744.49亿元 in longgang-a, 4800亿元 in longgang-b');
  });
});
