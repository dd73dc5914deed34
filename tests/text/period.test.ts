/**
 * Which year a report reviews and which it plans. Every corpus report against the periods annotated
 * by hand from the texts (data/gold/time/periods.tsv, written blind to the rules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/text/load.js';
import { normalize } from '../../src/text/normalize.js';
import { detectPeriod } from '../../src/text/period.js';
import { traditionalize } from '../../src/text/script.js';
import { ROOT } from '../helpers/cli.js';
import { CORPUS } from '../helpers/time.js';

interface GoldPeriod {
  file: string;
  reviews_last: string;
  plans_first: string;
  notes: string;
}

function goldPeriods(): GoldPeriod[] {
  const [header, ...lines] = readFileSync(join(ROOT, 'data/gold/time/periods.tsv'), 'utf8').trimEnd().split('\n');
  const keys = header!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [keys[i], v])) as unknown as GoldPeriod);
}

describe('the period of a report', () => {
  it('matches the hand-annotated years of every corpus report', async () => {
    const gold = goldPeriods();
    expect(gold.map((g) => g.file).sort()).toEqual(readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort());
    const wrong: string[] = [];
    for (const g of gold) {
      const p = detectPeriod(normalize((await loadReport(join(CORPUS, g.file))).text).clean, g.file.replace(/\.txt$/, ''));
      const expected = { reviews: g.reviews_last === '' ? null : Number(g.reviews_last), plans: g.plans_first === '' ? null : Number(g.plans_first) };
      // The one truncated report the annotator could give no reviewed year: the year before the one it plans, said so.
      if (g.file === '大鹏新区2023年管理委员会工作报告_2023.txt') {
        expect(expected).toEqual({ reviews: null, plans: 2023 });
        expect(p).toMatchObject({ reviews: 2022, plans: 2023 });
        expect(p.basis).toContain('reviews 2022: the year before the one it plans');
        continue;
      }
      if (p.reviews !== expected.reviews || p.plans !== expected.plans) wrong.push(`${g.file}: ${p.reviews}/${p.plans}, annotated ${expected.reviews}/${expected.plans}`);
    }
    expect(wrong).toEqual([]);
  });

  it('reads both years from one heading, in either script', () => {
    const text = '各位代表：\n一、2015年工作回顾和2016年工作安排\n过去一年，我们……\n';
    expect(detectPeriod(text)).toMatchObject({ reviews: 2015, plans: 2016, guessed: false });
    expect(detectPeriod(traditionalize(text))).toMatchObject({ reviews: 2015, plans: 2016 });
  });

  it('takes one year from the other when only one heading names it', () => {
    expect(detectPeriod('一、2023年工作回顾\n……\n二、今年工作安排\n')).toMatchObject({ reviews: 2023, plans: 2024 });
    expect(detectPeriod('……\n二、2024年工作安排\n')).toMatchObject({ reviews: 2023, plans: 2024 });
  });

  it('places a new term’s report that names no year by its title’s date', () => {
    const text = '各位代表：\n一、过去五年工作回顾\n……\n二、今后五年的主要工作\n';
    expect(detectPeriod(text, '南山区政府工作报告（2021年10月17日）')).toMatchObject({ reviews: 2021, plans: 2022, multiYear: true });
    expect(detectPeriod(text, '某区政府工作报告（2021年1月8日）')).toMatchObject({ reviews: 2020, plans: 2021, multiYear: true });
    // A year without a month: a district's new term, elected in the autumn.
    expect(detectPeriod(text, '2021年政府工作报告（在福田区第八届人民代表大会第一次会议上）')).toMatchObject({ reviews: 2021, plans: 2022 });
  });

  it('says when it only guessed', () => {
    const p = detectPeriod('各位代表：2019年以来，我们……');
    expect(p).toMatchObject({ reviews: 2019, guessed: true });
    expect(p.basis[0]).toMatch(/guessed/);
    expect(detectPeriod('各位代表：我们……')).toMatchObject({ reviews: null, plans: null });
  });
});
