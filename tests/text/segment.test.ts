import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';
import { segment } from '../../src/text/segment.js';
import { seedText } from '../helpers/seed.js';

describe('segmentation', () => {
  it('cuts traditional text into words, not single characters', () => {
    const tokens = segment(normalize('市政府常務會議專題學習黨的二十大報告'));
    expect(tokens.map((t) => t.text)).toEqual(['市政府', '常務會議', '專題學習', '黨', '的', '二十大', '報告']);
    expect(tokens[1]!.view).toBe('常务会议');
  });

  it('keeps 《》 titles and quoted names whole', () => {
    const tokens = segment(normalize('印發《東莞市優化營商環境條例》,開展“莞薪無憂”專項行動')).map((t) => t.text);
    expect(tokens).toContain('東莞市優化營商環境條例');
    expect(tokens).toContain('莞薪無憂');
  });

  it('keeps agency names from the user dictionary whole', () => {
    const tokens = segment(normalize('高質量完成中央依法治國辦督察整改檢查組的實地檢查')).map((t) => t.text);
    expect(tokens).toContain('中央依法治國辦');
  });

  it('gives tokens original offsets across removed readings', () => {
    const seed = seedText();
    const tokens = segment(normalize(seed));
    const token = tokens.find((t) => t.view === '发展')!;
    expect(token.text).toBe('發(fā)展');
    for (const t of tokens) expect(seed.slice(t.start, t.end)).toBe(t.text);
  });
});
