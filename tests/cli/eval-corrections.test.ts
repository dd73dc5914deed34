/** `eval --corrections`: what a user's corrections bought against a gold set (the dev set's independent annotations). */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-eval-corrections-'));
const golds = readdirSync('data/gold/dev').filter((f) => f.endsWith('.gold.json')).map((f) => `data/gold/dev/${f}`);

interface Scores {
  scores: Array<{ kind: string; type: string; precision: number; recall: number; f1: number }>;
}
const score = (r: Scores, kind: string, type: string) => r.scores.find((s) => s.kind === kind && s.type === type)!;

describe('report2graph eval --corrections', () => {
  it('scores the graph as extracted and corrected, and shows the difference', () => {
    const graph = join(dir, 'dev.json');
    expect(runCli(['extract', 'data/gold/dev', '--out', graph, '--no-cache', '--no-corrections']).code).toBe(0);
    // Two errors a reader of `eval --errors` sees, corrected as a user would.
    const corrections = join(dir, 'corrections.yaml');
    writeFileSync(corrections, 'corrections:\n  - reject: 开发“爱坪山”\n    note: a verb taken into the name\n  - reject-fact: { type: IMPLEMENTED, source: 深圳市坪山新区管理委员会, target: 厦深高铁 }\n');
    const json = runCli(['eval', graph, ...golds, '--corrections', corrections, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const { before, after } = JSON.parse(json.stdout) as { before: Scores; after: Scores };
    expect(score(after, 'entity', 'Program').precision).toBeGreaterThan(score(before, 'entity', 'Program').precision);
    expect(score(after, 'relation', 'IMPLEMENTED').precision).toBeGreaterThan(score(before, 'relation', 'IMPLEMENTED').precision);
    expect(score(after, 'entity', 'Agency')).toEqual(score(before, 'entity', 'Agency'));
    const text = runCli(['eval', graph, ...golds, '--corrections', corrections]).stdout;
    expect(text).toContain(`corrections (${corrections}): 2 of 2 applied`);
    expect(text).toMatch(/what the corrections bought \(F1\):\n(.|\n)*entity\s+Program\s+0\.\d{3} → 0\.\d{3} \(\+0\.\d{3}\)/);
  });
});
