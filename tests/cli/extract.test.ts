import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SEED_PATH } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-extract-'));
const graph = join(dir, 'graph.json');

describe('report2graph extract, eval and explain', () => {
  it('extracts the seed, printing counts per type and the damaged spans', () => {
    const r = runCli(['extract', SEED_PATH, '--out', graph]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nodes: Agency \d+, Regulation \d+, Program \d+, Metric \d+/);
    expect(r.stdout).toContain('damaged text at 329–337 "??茝V?,F將"');
    expect(JSON.parse(readFileSync(graph, 'utf8')).attributes.documents[0].id).toBe('dongguan-2023');
  });

  it('scores the seed against its gold annotation above the targets', () => {
    const r = runCli(['eval', graph, 'data/gold/dongguan-2023.json', '--json']);
    expect(r.code).toBe(0);
    const { scores } = JSON.parse(r.stdout) as { scores: Array<{ kind: string; type: string; f1: number }> };
    expect(scores.map((s) => s.type)).toEqual(['Agency', 'Regulation', 'Program', 'Metric', 'ISSUED', 'IMPLEMENTED', 'MEASURED']);
    for (const s of scores) expect(s.f1, s.type).toBeGreaterThanOrEqual(s.kind === 'entity' ? 0.9 : 0.75);
  });

  it('explains an entity found by a short name in simplified characters', () => {
    const r = runCli(['explain', graph, '市发展改革局']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('東莞市發展和改革局 (Agency)');
    expect(r.stdout).toContain('-[IMPLEMENTED]-> “信用畫像全景式應用”');
    expect(r.stdout).toContain('implemented-possessive');
  });

  it('refuses a report over --max-bytes, saying how to raise the limit, and reads it under a higher one', () => {
    const size = readFileSync(SEED_PATH).length;
    const refused = runCli(['extract', SEED_PATH, '--out', join(dir, 'small.json'), '--max-bytes', String(size - 1), '--no-cache']);
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toContain(`is ${size} bytes, more than the limit of ${size - 1}; split it, or raise the limit with --max-bytes (extract, normalize).`);
    expect(runCli(['extract', SEED_PATH, '--out', join(dir, 'small.json'), '--max-bytes', String(size), '--no-cache']).code).toBe(0);
    const normalize = runCli(['normalize', SEED_PATH, '--max-bytes', '100']);
    expect(normalize.code).toBe(1);
    expect(normalize.stderr).toContain('more than the limit of 100; split it, or raise the limit with --max-bytes');
    expect(runCli(['extract', SEED_PATH, '--max-bytes', '0']).stderr).toMatch(/--max-bytes/);
  });

  it('fails with a clear error for an unknown name or a missing input', () => {
    const unknown = runCli(['explain', graph, '東莞市政府辦公室不存在']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no entity named/);
    const missing = runCli(['extract', join(dir, 'nothing-here'), '--out', join(dir, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not a file, a folder or a glob/);
  });
});
