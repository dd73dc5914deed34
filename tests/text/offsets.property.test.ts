import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';
import { segment } from '../../src/text/segment.js';
import { splitSentences } from '../../src/text/sentences.js';

const piece = fc.oneof(
  fc.constantFrom('創(chuàng)', '發(fā)', '執(zhí)', '(AI)', '(PPP)', '(一)', '《', '》', '“', '”', '(', ')', '（', '）', '。', '；', '?', '\ufffd', '\n', ' ', '2023年', '東莞市', '市政府', '𠀋', '𡃁', 'chuàng', '(zhí)', '(xx)', 'A+', '、'),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('the offset map', () => {
  it('slices the original to the reported text for every sentence and token, and never throws', () => {
    fc.assert(
      fc.property(text, (original) => {
        const n = normalize(original);
        expect(n.view.length).toBe(n.clean.length);
        for (const s of splitSentences(n)) expect(original.slice(s.start, s.end)).toBe(s.text);
        for (const t of segment(n)) {
          expect(original.slice(t.start, t.end)).toBe(t.text);
          expect(n.clean.slice(t.cleanStart, t.cleanEnd).length).toBe(t.view.length);
        }
        for (const d of n.damage) expect(original.slice(d.start, d.end)).toBe(d.text);
      }),
      { numRuns: 400 },
    );
  });
});
