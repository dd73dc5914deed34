/** `track`, `series` and `explain` over the years, as a user runs them, on real corpus reports. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CORPUS } from '../helpers/time.js';

const graph = join(mkdtempSync(join(tmpdir(), 'r2g-time-')), 'graph.json');
const REPORTS = ['盐田区2022年政府工作报告_2022', '盐田区2023年政府工作报告_2023', '龙岗区2015年政府工作报告_2015', '龙岗区2016年政府工作报告_2016', '龙岗区2017年政府工作报告_2017'];

beforeAll(() => {
  const r = runCli(['extract', ...REPORTS.map((id) => join(CORPUS, `${id}.txt`)), '--out', graph, '--no-cache']);
  expect(r.code, r.stderr).toBe(0);
}, 300_000);

describe('report2graph track', () => {
  it('lists what a report planned and whether the next one reports it done, with the evidence in CSV', () => {
    const r = runCli(['track', '盐田', '-g', graph, '--outcome', 'kept', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    const row = rows.find((x) => x.name === '盐港东立交')!;
    expect(row).toMatchObject({ plans: '2022', type: 'Program', outcome: 'kept', done_year: '2022', done_in: '盐田区2023年政府工作报告_2023', planned_in: '盐田区2022年政府工作报告_2022' });
    expect(row.plan_sentence).toContain('建成盐港东立交等项目');
    expect(row.done_sentence).toContain('盐港东立交建成通车');
    expect(rows.every((x) => x.outcome === 'kept')).toBe(true);
  });

  it('prints a table by default and JSON on request', () => {
    const table = runCli(['track', '深圳市盐田区', '-g', graph, '--from', '2022', '--to', '2022']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^plans\s+type\s+name\s+outcome\s+done_year\s+done_as\s+planned_in$/);
    expect(table.stdout).toMatch(/智慧菜篮子工程\s+kept\s+2022\s+全市首个智慧菜篮子系统/);
    const json = JSON.parse(runCli(['track', '盐田区', '-g', graph, '--format', 'json']).stdout) as Array<{ outcome: string; planned: { doc: string } }>;
    expect(new Set(json.map((p) => p.outcome))).toEqual(new Set(['kept', 'carried-over', 'mentioned', 'not-reported', 'open']));
    expect(json.filter((p) => p.planned.doc === '盐田区2023年政府工作报告_2023').every((p) => p.outcome === 'open')).toBe(true);
  });

  it('says what it holds when the jurisdiction is none of its series, and refuses a backwards range', () => {
    const r = runCli(['track', '南山区', '-g', graph]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('track: no jurisdiction named "南山区" in the graph; it holds: 深圳市盐田区 (2), 深圳市龙岗区 (3).');
    const backwards = runCli(['track', '盐田区', '-g', graph, '--from', '2025', '--to', '2022']);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain('track: --from 2025 is after --to 2022.');
    expect(runCli(['track', '盐田区', '-g', graph, '--outcome', 'done']).stderr).toContain('track: --outcome must be one of kept, carried-over, mentioned, not-reported, open, not "done".');
  });

  it('has --help', () => {
    const r = runCli(['track', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--from', '--to', '--outcome', '--format', '--graph']) expect(r.stdout).toContain(option);
  });
});

describe('report2graph series', () => {
  it('gives a figure year by year in a readable unit, reported values and targets', () => {
    const r = runCli(['series', '龙岗区', '地区生产总值', '-g', graph]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes(' 2014 '))).toMatch(/地区生产总值\s+2014\s+reported\s+2358\s+亿元\s+2358亿元\s+龙岗区2015年政府工作报告_2015/);
    expect(lines.find((l) => l.includes(' 2015 '))).toMatch(/2015\s+reported\s+2636\.8\s+亿元/);
    expect(lines.find((l) => l.includes(' 2020 '))).toMatch(/2020\s+target\s+3900\s+亿元\s+达/);
  });

  it('lists the measures its reports give when asked for one they do not', () => {
    const r = runCli(['series', '龙岗区', '城镇调查失业率', '-g', graph]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/series: the reports of 深圳市龙岗区 give no figure of "城镇调查失业率"; they give: .*地区生产总值/);
    expect(runCli(['series', '--help']).stdout).toContain('[measure]');
  });
});

describe('report2graph explain over the years', () => {
  it('says where a program was planned, what became of it and why the later mention is the same', () => {
    const r = runCli(['explain', graph, '智慧菜篮子工程']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('over time:\n  2022 planned in 盐田区2022年政府工作报告_2022');
    expect(r.stdout).toMatch(/planned in 盐田区2022年政府工作报告_2022 for 2022: kept — .*“全市首个智慧菜篮子系统” is a variant of “智慧菜篮子工程”/);
  });

  it('says which measure a figure is of and where it stands in its series', () => {
    const json = JSON.parse(runCli(['series', '龙岗区', '地区生产总值', '-g', graph, '--format', 'json']).stdout) as Array<{ points: Array<{ year: number; metric: string }> }>;
    const metric = json[0]!.points.find((p) => p.year === 2015)!.metric;
    const r = runCli(['explain', graph, metric]);
    expect(r.stdout).toContain('measure: 地区生产总值 — its label “地区生产总值” is a label of 地区生产总值 and its unit is 元 (data/extract/measures.json)');
    expect(r.stdout).toContain('in the series 深圳市龙岗区 · 地区生产总值: 2015 reported');
  });
});
