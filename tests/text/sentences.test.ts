import { detectPeriod } from '../../src/text/period.js';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';
import { splitSentences } from '../../src/text/sentences.js';
import { seedText } from '../helpers/seed.js';

const split = (s: string) => splitSentences(normalize(s));

describe('sentences', () => {
  it('splits on 。；！？ and line breaks', () => {
    expect(split('甲。乙；丙！丁？\n戊').map((s) => s.clean)).toEqual(['甲。', '乙；', '丙！', '丁？', '戊']);
  });

  it('never splits inside 《》, “” or parentheses', () => {
    const text = '印發《方案。附件》和“一網通辦；一次辦”(試行。)等文件。下一句。';
    expect(split(text).map((s) => s.clean)).toEqual(['印發《方案。附件》和“一網通辦；一次辦”(試行。)等文件。', '下一句。']);
  });

  it('is not stuck by a bracket that never closes', () => {
    expect(split('專家?guī)欤劢股。下一句。').map((s) => s.clean)).toEqual(['專家?guī)欤劢股。', '下一句。']);
  });

  it('keeps offsets into the original even where readings were removed', () => {
    const seed = seedText();
    for (const s of splitSentences(normalize(seed))) expect(seed.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('sections and the planned part of the seed', () => {
  const sentences = splitSentences(normalize(seedText()));
  const find = (needle: string) => sentences.find((s) => s.clean.includes(needle))!;

  it('counts the sentences of the seed', () => {
    expect(sentences).toHaveLength(91);
  });

  it('gives each sentence the headings above it', () => {
    expect(find('輪訓黨員干部3萬多人').section).toEqual(['一、堅持黨的領導,法治政府建設有力推進', '(一)深入學習貫徹黨的二十大精神和習近平法治思想']);
    expect(find('完成食品抽檢5.34萬批次').section).toEqual(['四、堅持執法為民,行政執法效能穩步提升', '(三)重點領域執法服務民生']);
    expect(find('一、堅持黨的領導').section).toEqual(['一、堅持黨的領導,法治政府建設有力推進']);
    expect(find('2023年,東莞市堅持以').section).toEqual([]);
  });

  it('adds an inline 一是/二是 item to the path', () => {
    expect(find('二是全面開展行政執法質量提升行動').section.at(-1)).toBe('二是全面開展行政執法質量提升行動');
  });

  it('flags the 2024 part as planned and the 2023 part as done', () => {
    const plan = sentences.findIndex((s) => s.clean.startsWith('2024年,東莞市將'));
    expect(plan).toBeGreaterThan(70);
    expect(sentences.slice(0, plan).every((s) => !s.planned)).toBe(true);
    expect(sentences.slice(plan).every((s) => s.planned)).toBe(true);
    expect(find('二是全面開展行政執法質量提升行動').section[0]).toMatch(/^2024年,東莞市將/);
  });

  it('detects the year the report looks back on', () => {
    expect(detectPeriod(normalize(seedText()).clean)).toMatchObject({ reviews: 2023, plans: 2024, guessed: false });
  });
});
