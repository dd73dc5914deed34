import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-eval-'));
const goldsIn = (set: string) => readdirSync(`data/gold/${set}`).filter((f) => f.endsWith('.gold.json')).map((f) => `data/gold/${set}/${f}`);

interface Report {
  scores: Array<{ kind: string; type: string; f1: number; gold: number }>;
  labels: { matched: number; usable: number; wellFormed: number };
  documents: Array<{ doc: string; errors: string[] }>;
}
const f1 = (r: Report, kind: string, type = 'all') => r.scores.find((s) => s.kind === kind && s.type === type)!.f1;

describe('report2graph eval on independent annotations, and diff', () => {
  it('pools the dev set’s reports into one score per type, with metric-label quality and the errors to read', () => {
    const graph = join(dir, 'dev.json');
    expect(runCli(['extract', 'data/gold/dev', '--out', graph, '--no-cache']).code).toBe(0);
    const r = runCli(['eval', graph, ...goldsIn('dev'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.documents).toHaveLength(5);
    expect(report.scores.map((s) => `${s.kind}:${s.type}`)).toEqual([
      'entity:Agency', 'entity:Regulation', 'entity:Program', 'entity:Metric', 'entity:all',
      'relation:ISSUED', 'relation:IMPLEMENTED', 'relation:MEASURED', 'relation:all',
    ]);
    // Floors a little below today's figures (README): a rule change that breaks other reports shows here.
    expect(f1(report, 'entity')).toBeGreaterThanOrEqual(0.88);
    expect(f1(report, 'relation')).toBeGreaterThanOrEqual(0.82);
    expect(report.labels.usable / report.labels.matched).toBeGreaterThanOrEqual(0.85);
    const text = runCli(['eval', graph, ...goldsIn('dev'), '--errors']).stdout;
    expect(text).toMatch(/^metric labels: \d+ of \d+ usable \(\d+\.\d%\), \d+ well formed/m);
    expect(text).toMatch(/^ {2}(FN|FP) (Agency|Program|Regulation|Metric|ISSUED|IMPLEMENTED|MEASURED) /m);
  }, 120_000);

  it('scores the test set, never tuned on, above the issue’s targets', () => {
    const graph = join(dir, 'test.json');
    expect(runCli(['extract', 'data/gold/test', '--out', graph, '--no-cache']).code).toBe(0);
    const report = JSON.parse(runCli(['eval', graph, ...goldsIn('test'), '--json']).stdout) as Report;
    expect(report.documents).toHaveLength(7);
    expect(f1(report, 'entity')).toBeGreaterThanOrEqual(0.85);
    expect(f1(report, 'relation')).toBeGreaterThanOrEqual(0.7);
    expect(report.labels.usable / report.labels.matched).toBeGreaterThanOrEqual(0.8);
  }, 120_000);

  it('names the graph’s document when it is not the gold’s, and refuses a gold for a document the graph lacks', () => {
    const graph = join(dir, 'dev.json');
    const gold = goldsIn('dev')[0]!;
    const wrong = runCli(['eval', graph, gold, '--doc', 'no-such-report']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/the graph has no document "no-such-report"/);
    expect(runCli(['eval', graph, gold, '--doc', readdirSync('data/gold/dev').find((f) => f.endsWith('.txt'))!.replace(/\.txt$/, '')]).code).toBe(0);
  });

  it('diffs two runs: nothing between a run and its rerun, the changes of another report', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    expect(runCli(['extract', 'data/gold/dev', '--out', a, '--no-cache']).code).toBe(0);
    expect(runCli(['extract', 'data/gold/dev', '--out', b, '--no-cache']).code).toBe(0);
    const same = JSON.parse(runCli(['diff', a, b, '--json']).stdout) as { added: unknown[]; removed: unknown[]; changed: unknown[] };
    expect([same.added.length, same.removed.length, same.changed.length]).toEqual([0, 0, 0]);
    const other = runCli(['diff', a, join(dir, 'test.json'), '--limit', '2']);
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/^Agency\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+$/m);
    expect(other.stdout).toMatch(/… \d+ more \(--limit, or --json for all\)/);
    expect(runCli(['diff', '--help']).stdout).toContain('what changed between two graphs');
  }, 120_000);
});
