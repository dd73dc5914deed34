/**
 * Corrections as a user keeps them: `correct` writes corrections.yaml next to the reports, `extract`
 * picks it up and applies it on every run — also after the rules change — and says what no longer
 * applies; `--strict` fails then; a conflicting file is refused.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SerializedGraph } from '../../src/graph/model.js';
import { runCli } from '../helpers/cli.js';
import { copyPackage, editLexicon } from '../helpers/package.js';
import { CORPUS } from '../helpers/time.js';

const REPORTS = ['盐田区2022年政府工作报告_2022', '盐田区2023年政府工作报告_2023'];
const DONE = '李克强总理亲临盐田港视察，用海审批等重大事项得以解决，东港区一期主体工程开工建设，平盐铁路电气化改造正式启动，盐港东立交建成通车，拖车服务中心一期完成主体建设，盐田港加快迈向全球领先的现代化港口。';

// The package is copied so a test can change its rules (data/extract/), as a domain expert would.
const root = copyPackage('r2g-correct-');
const bin = join(root, 'bin/report2graph.js');
const reports = join(root, 'reports');
const file = join(reports, 'corrections.yaml');
const cli = (args: string[]) => runCli(args, { bin });
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SerializedGraph;
const node = (g: SerializedGraph, key: string) => g.nodes.find((n) => n.key === key);

beforeAll(() => {
  mkdirSync(reports);
  for (const id of REPORTS) copyFileSync(join(CORPUS, `${id}.txt`), join(reports, `${id}.txt`));
  const start = readFileSync(join(reports, `${REPORTS[1]}.txt`), 'utf8').indexOf(DONE);
  const steps = [
    ['merge', '智慧菜篮子工程', '全市首个智慧菜篮子系统', '--note', 'one system', '--by', 'analyst'],
    ['rename', '盐港东立交', '盐港东立交工程'],
    ['reject', '“元宇宙”'],
    ['add', 'IMPLEMENTED:深圳市盐田区人民政府->拖车服务中心一期', '--target-type', 'Program', '--doc', REPORTS[1]!, '--start', String(start), '--end', String(start + DONE.length), '--quote', DONE],
  ];
  for (const step of steps) {
    const r = cli(['correct', ...step, '-f', file]);
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);

function checkCorrected(g: SerializedGraph) {
  expect(node(g, 'Program:智慧菜篮子工程')!.attributes.aliases).toEqual(['全市首个智慧菜篮子系统', '智慧菜篮子工程']);
  expect(node(g, 'Program:全市首个智慧菜篮子系统')).toBeUndefined();
  expect(node(g, 'Program:盐港东立交')!.attributes.name).toBe('盐港东立交工程');
  expect(node(g, 'Program:元宇宙')).toBeUndefined();
  expect(g.edges.find((e) => e.key === 'IMPLEMENTED|Agency:深圳市盐田区人民政府|Program:拖车服务中心一期|done')!.attributes.evidence[0]!.sentence).toBe(DONE);
}

describe('a corrections file kept with the reports', () => {
  it('is written by `correct` as YAML a person can read and edit', () => {
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# report2graph corrections/);
    expect(text).toContain('  - merge:\n      - 智慧菜篮子工程\n      - 全市首个智慧菜篮子系统\n    note: one system\n    by: analyst\n');
    expect(text).toContain('  - rename: 盐港东立交\n    to: 盐港东立交工程\n');
  });

  it('is picked up next to the inputs and applied; the summary says so', () => {
    const out = join(root, 'a.json');
    const r = cli(['extract', reports, '--out', out, '--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`corrections (${file}, found next to the inputs): 4 of 4 applied\n`);
    checkCorrected(read(out));
    expect(cli(['explain', out, '智慧菜篮子工程']).stdout).toContain('corrected by #1 merge: one system (analyst)');
  });

  it('survives a re-extraction after the rules change', () => {
    const before = read(join(root, 'a.json'));
    // A domain expert adds a program the rules did not know: the extraction changes.
    editLexicon(root, 'program', (lexicon) => {
      (lexicon.knownPrograms as string[]).push('近距离内陆港');
    });
    const out = join(root, 'b.json');
    const r = cli(['extract', reports, '--out', out, '--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    const after = read(out);
    expect(node(before, 'Program:近距离内陆港')).toBeUndefined();
    expect(node(after, 'Program:近距离内陆港')).toBeDefined();
    expect(r.stdout).toContain('4 of 4 applied');
    checkCorrected(after);
  });

  it('reports by name a correction whose target vanished, and fails under --strict without writing the graph', () => {
    writeFileSync(file, `${readFileSync(file, 'utf8')}  - rename: 深圳国际海洋开发银行\n    to: 国际海洋开发银行\n`);
    const out = join(root, 'c.json');
    const r = cli(['extract', reports, '--out', out, '--no-cache']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 of 5 applied\n  not applied: #5 rename 深圳国际海洋开发银行 → 国际海洋开发银行: no entity named “深圳国际海洋开发银行” in the graph (its target vanished, or the rules no longer find it)\n');
    const strict = join(root, 'd.json');
    const s = cli(['extract', reports, '--out', strict, '--no-cache', '--strict']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('extract: 1 correction(s) of');
    expect(existsSync(strict)).toBe(false);
  });

  it('refuses two conflicting corrections with a clear error, from the file or from `correct`', () => {
    const c = cli(['correct', 'reject', '盐港东立交', '-f', file]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('#2 rename 盐港东立交 → 盐港东立交工程 and #6 reject 盐港东立交 conflict: the second rejects 盐港东立交, which the first works on; keep one of them.');
    const conflicting = join(root, 'conflicting.yaml');
    writeFileSync(conflicting, 'corrections:\n  - rename: 盐港东立交\n    to: 甲\n  - rename: 盐港东立交\n    to: 乙\n');
    const r = cli(['extract', reports, '--out', join(root, 'e.json'), '--no-cache', '--corrections', conflicting]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('conflict: they rename 盐港东立交 to 甲 and to 乙; keep one of them.');
  });

  it('is left alone with --no-corrections; `correct` has --help', () => {
    const out = join(root, 'f.json');
    const r = cli(['extract', reports, '--out', out, '--no-cache', '--no-corrections']);
    expect(r.stdout).not.toContain('corrections (');
    expect(node(read(out), 'Program:元宇宙')).toBeDefined();
    const help = cli(['correct', '--help']);
    expect(help.code).toBe(0);
    for (const sub of ['merge', 'split', 'rename', 'retype', 'reject', 'add']) expect(help.stdout).toContain(sub);
  });
});
