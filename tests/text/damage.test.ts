import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';
import { seedText } from '../helpers/seed.js';

describe('damaged spans', () => {
  const seed = seedText();
  const text = normalize(seed);

  it('reports both mojibake runs of the seed with exact offsets', () => {
    const runs = text.damage.filter((d) => d.kind === 'mojibake');
    expect(runs.map((d) => d.text)).toEqual(['??茝V?,F將', '?guī)欤劢股鐣卫硪约懊裆I域']);
    for (const d of runs) {
      expect(seed.slice(d.start, d.end)).toBe(d.text);
      expect(d.reason).toMatch(/mojibake/);
    }
    expect(runs[0]!.start).toBe(seed.indexOf('??茝V'));
  });

  it('reports every lost character of the seed', () => {
    const lost = text.damage.filter((d) => d.kind === 'lost');
    const expected = [...seed.matchAll(/[?\ufffd]/g)].map((m) => m.index);
    expect(lost.map((d) => d.start)).toEqual(expected);
    expect(lost).toHaveLength(4);
    for (const d of lost) expect(seed.slice(d.start, d.end)).toMatch(/^[?\ufffd]$/);
  });

  it('does not flag sound text, Latin abbreviations or a question mark in English', () => {
    for (const sound of ['推動A股上市企業增加到12家', '建成5G基站3000個', '政府和社會資本合作(PPP)項目', 'What is it? Nothing.']) {
      expect(normalize(sound).damage, sound).toEqual([]);
    }
  });

  it('reports a replacement character even alone', () => {
    const d = normalize('城市管理\ufffd13147').damage;
    expect(d).toEqual([expect.objectContaining({ kind: 'lost', start: 4, end: 5 })]);
  });
});
