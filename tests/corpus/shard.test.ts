import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/corpus/shard.js';
import { UsageError } from '../../src/errors.js';
import { expandInputs } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';

const CORPUS = 'data/corpus/shenzhen';

describe('shards of a corpus', () => {
  it('reads I/N and refuses anything else with the form it wants', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/3', '1/2/3']) expect(() => parseShard(bad), bad).toThrow(UsageError);
    expect(() => parseShard('5/4')).toThrow(/--shard takes I\/N with 1 ≤ I ≤ N/);
  });

  it('puts every report in exactly one share, by its document id wherever its folder is', async () => {
    const files = await expandInputs([CORPUS]);
    for (const count of [1, 2, 3, 7]) {
      const shares = files.map((f) => shardOf(f, count));
      expect(shares.every((s) => s >= 1 && s <= count)).toBe(true);
      // Roughly even: no share holds more than twice its part.
      for (let i = 1; i <= count; i++) expect(shares.filter((s) => s === i).length, `${i}/${count}`).toBeLessThanOrEqual((2 * files.length) / count);
    }
    expect(shardOf('/mnt/a/深圳市南山区2019年政府工作报告.txt', 5)).toBe(shardOf('/home/b/reports/深圳市南山区2019年政府工作报告.txt', 5));
  });
});

describe('extract --shard and merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'r2g-shard-'));
  const setup = (async () => {
    const files = (await expandInputs([CORPUS])).filter((f) => /南山|罗湖/.test(f)).slice(0, 5);
    for (const f of files) copyFileSync(f, join(dir, f.split('/').pop()!));
    return files;
  })();
  const at = (name: string) => join(dir, name);

  it('the shards of a run, merged, are byte for byte the graph of a single run', async () => {
    await setup;
    const single = runCli(['extract', dir, '--out', at('single.json'), '--no-cache']);
    expect(single.code, single.stderr).toBe(0);
    const shards = [1, 2, 3].map((i) => runCli(['extract', dir, '--shard', `${i}/3`, '--out', at(`s${i}.json`), '--no-cache']));
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const counts = shards.map((s) => Number(/shard \d\/3: (\d+) of 5 report/.exec(s.stdout)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    const merged = runCli(['merge', at('s3.json'), at('s1.json'), at('s2.json'), '--out', at('merged.json')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/merged 3 file\(s\), 5 document\(s\)/);
    expect(readFileSync(at('merged.json'), 'utf8')).toBe(readFileSync(at('single.json'), 'utf8'));
  }, 180_000);

  it('a share no report falls in is an empty shard, and the run still merges whole', async () => {
    const files = await setup;
    const count = 8;
    const used = new Set(files.map((f) => shardOf(f, count)));
    const empty = Array.from({ length: count }, (_, i) => i + 1).find((i) => !used.has(i))!;
    const r = runCli(['extract', dir, '--shard', `${empty}/${count}`, '--out', at('empty.json'), '--no-cache']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`shard ${empty}/${count}: none of the 5 report(s) falls in this share`);
    expect(JSON.parse(readFileSync(at('empty.json'), 'utf8')).graphs).toEqual([]);
  }, 60_000);

  it('refuses a run with a shard missing, given twice or of another run, and a report in two inputs', async () => {
    await setup;
    const missing = runCli(['merge', at('s1.json'), at('s3.json'), '--out', at('x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 is missing');
    const twice = runCli(['merge', at('s1.json'), at('s1.json'), at('s2.json'), at('s3.json'), '--out', at('x.json')]);
    expect(twice.stderr).toContain('shard 1/3 is given twice');
    const other = runCli(['merge', at('s1.json'), at('s2.json'), at('s3.json'), at('empty.json'), '--out', at('x.json')]);
    expect(other.stderr).toMatch(/is shard \d\/8, but .* is of a run in 3 shards/);
    const both = runCli(['merge', at('single.json'), at('s1.json'), at('s2.json'), at('s3.json'), '--out', at('x.json')]);
    expect(both.stderr).toMatch(/the report .* is in both .*single\.json and .*s\d\.json; each report belongs in one input/);
    const neo4j = runCli(['extract', dir, '--shard', '1/3', '--neo4j', '--out', at('x.json')]);
    expect(neo4j.code).toBe(2);
    expect(neo4j.stderr).toContain('`merge` the shards first and `load` the merged graph');
    const shardAsGraph = runCli(['explain', at('s1.json'), '区政府']);
    expect(shardAsGraph.stderr).toContain('is a shard file of `extract --shard`, not a graph; join the shards of the run with `report2graph merge` first');
    const notThere = runCli(['merge', at('nowhere.json')]);
    expect(notThere.code).toBe(1);
    expect(notThere.stderr).toMatch(/merge: cannot read .*nowhere\.json \(ENOENT\)/);
  }, 120_000);

  it('merges graph files of single reports into the graph of one run over them', async () => {
    const files = await setup;
    const [a, b] = files.map((f) => join(dir, f.split('/').pop()!));
    for (const [f, out] of [[a!, 'a.json'], [b!, 'b.json']] as const) expect(runCli(['extract', f, '--out', at(out), '--no-cache']).code).toBe(0);
    expect(runCli(['extract', a!, b!, '--out', at('ab.json'), '--no-cache']).code).toBe(0);
    const r = runCli(['merge', at('b.json'), at('a.json'), '--out', at('merged-ab.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(at('merged-ab.json'), 'utf8')).toBe(readFileSync(at('ab.json'), 'utf8'));
  }, 120_000);
});
