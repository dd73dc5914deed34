import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SEED_PATH } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-cli-'));

describe('report2graph normalize', () => {
  it('prints the cleaned text in the document script', () => {
    const r = runCli(['normalize', SEED_PATH]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('市委“科技創新+先進制造”城市特色');
    expect(r.stdout).not.toContain('(chuàng)');
  });

  it('prints a JSON report with readings, damage and sentences', () => {
    const r = runCli(['normalize', SEED_PATH, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.encoding).toBe('utf-8');
    expect(report.readings.removed).toBe(176);
    expect(report.readings.examples[0]).toMatchObject({ char: '創', reading: 'chuàng' });
    expect(report.damage.filter((d: { kind: string }) => d.kind === 'mojibake')).toHaveLength(2);
    expect(report.sentences).toHaveLength(91);
  });

  it.each([
    ['an empty file', '', /is empty/],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /is a PNG image/],
    ['invalid UTF-8', Buffer.from([0xe6, 0x9d, 0xb1, 0xe8, 0x8e, 0x9e, 0xe5, 0xb8, 0x82, 0xe6, 0x88, 0x41, 0xe6, 0x9d, 0xb1, 0xe8, 0x8e, 0x9e, 0xe5, 0xb8, 0x82, 0xe6, 0x9d, 0xb1, 0xe8, 0x8e, 0x9e]), /not valid UTF-8 \(bad byte at offset 9\)/],
  ])('exits 1 with one clear sentence for %s', (_name, bytes, message) => {
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(path, bytes);
    const r = runCli(['normalize', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(path);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a usage error and 0 on --help', () => {
    expect(runCli(['normalize']).code).toBe(2);
    expect(runCli(['no-such-command']).code).toBe(2);
    const help = runCli(['normalize', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
  });

  it('prints the stack with --verbose', () => {
    const r = runCli(['normalize', join(dir, 'missing.txt'), '--verbose']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/at .*load\.ts/);
  });
});
