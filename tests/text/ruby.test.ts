import { describe, expect, it } from 'vitest';
import { findRubyReadings, isReadingOf } from '../../src/text/ruby.js';
import { normalize } from '../../src/text/normalize.js';
import { seedText } from '../helpers/seed.js';

describe('leaked pinyin readings', () => {
  it('removes a reading that belongs to the character before it', () => {
    expect(normalize('科技創(chuàng)新+先進制造').clean).toBe('科技創新+先進制造');
    expect(normalize('鎮(zhèn)街綜合行政執(zhí)法').clean).toBe('鎮街綜合行政執法');
  });

  it('keeps a Latin word that is not a reading of the character before it', () => {
    for (const text of ['人工智能(AI)應用', '政府和社會資本合作(PPP)項目', '創(chuang)新', '發(zhǎn)展', '市(ai)場']) {
      expect(normalize(text).clean).toBe(text);
    }
  });

  it('knows readings of traditional characters and of polyphones', () => {
    expect(isReadingOf('發', 'fā')).toBe(true);
    expect(isReadingOf('幹', 'gàn')).toBe(true);
    expect(isReadingOf('行', 'háng')).toBe(true);
    expect(isReadingOf('行', 'xíng')).toBe(true);
    expect(isReadingOf('行', 'fā')).toBe(false);
  });

  it('finds all 176 leaked readings of the seed and touches no genuine parenthesis', () => {
    const text = normalize(seedText());
    expect(text.readings).toHaveLength(176);
    const genuine = ['(2021-2025)', '(修訂)', '(街道)', '(一)', '(二)', '(三)', '(四)'];
    const count = (s: string, needle: string) => s.split(needle).length - 1;
    for (const g of genuine) expect(count(text.clean, g), g).toBe(count(seedText(), g));
    expect(text.clean).not.toMatch(/\p{Script=Han}\([a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü]+\)/u);
    expect(findRubyReadings(seedText()).map((r) => r.char + r.reading).slice(0, 3)).toEqual(['創chuàng', '發fā', '創chuàng']);
  });
});
