import { describe, expect, it } from 'vitest';
import { extractText, names } from '../helpers/extract.js';

describe('programs', () => {
  it('extends a quoted initiative to its head noun', () => {
    const x = extractText('深化“放管服”改革。完善“雙隨機、一公開”監管,深入推進“粵執法”辦案平臺應用。開展全市“全民反詐”專項行動。');
    expect(names(x, 'Program')).toEqual(['“放管服”改革', '“雙隨機、一公開”監管', '“粵執法”辦案平臺', '“全民反詐”專項行動']);
  });

  it('names “莞薪無憂”等專項行動 without the 等 and keeps a domain prefix', () => {
    const x = extractText('開展“莞薪無憂”等專項行動,檢查用人單位16455家。全面落實行政執法“三項制度”。');
    expect(names(x, 'Program')).toEqual(['“莞薪無憂”專項行動', '行政執法“三項制度”']);
  });

  it('does not extend the members of a quoted list', () => {
    const x = extractText('首創城管領域“小微執法”、“生態環境違法道歉承諾從輕處罰”等執法新模式。');
    expect(names(x, 'Program')).toEqual(['“小微執法”', '“生態環境違法道歉承諾從輕處罰”']);
  });

  it('finds named reforms, systems and mechanisms without quotes after a verb of carrying out', () => {
    const x = extractText('以開展全國法治政府建設示范創建為契機。建成東莞市信用分級分類評價系統,實現跨部門信用數據歸集共享。健全跨部門綜合執法協同機制。');
    expect(names(x, 'Program')).toEqual(['全國法治政府建設示范創建', '東莞市信用分級分類評價系統', '跨部門綜合執法協同機制']);
  });

  it('drops batch ordinals so a program is one entity', () => {
    const x = extractText('積極開展第三批全國法治政府建設示范創建和廣東省第二批法治政府建設示范創建工作。');
    expect(names(x, 'Program')).toEqual(['全國法治政府建設示范創建', '廣東省法治政府建設示范創建']);
  });

  it('does not take ideologies, goals, slogans, requirements or numbers for programs', () => {
    const x = extractText(
      '深入學習習近平法治思想,推進法治政府建設。充分發揮“關鍵少數”引領作用。圍繞省委“1310”具體部署和市委“科技創新+先進制造”城市特色。落實領導干部“一培訓兩講座”要求。實現“摘牌即動工”“完工即投產”。提升城市“颜值”,獲評“全國文明城市”稱號。',
    );
    expect(names(x, 'Program')).toEqual([]);
  });
});
