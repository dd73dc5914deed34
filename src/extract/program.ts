/**
 * Programs: quoted initiatives extended to their head noun (“放管服”改革, “莞薪無憂”專項行動,
 * 行政執法“三項制度”) and named reforms, mechanisms, systems and platforms introduced by a verb of
 * carrying out (建成東莞市信用分級分類評價系統) or heading a section. Ideologies, goals, slogans and
 * requirements are not programs (習近平法治思想, “關鍵少數”, “摘牌即動工”, “一培訓兩講座”要求).
 */
import { claim, isFree, type EntityMention, type ExtractContext } from './context.js';
import { alternation, programLexicon } from './lexicon.js';

const QUOTE = /“([^“”\n]{1,40})”/g;
const EXTENSION_STOP = /[^\p{Script=Han}]|[的和与及或、等对在将为并把被从以于中是了也都零一二三四五六七八九十百千万两]/u;

export function findPrograms(ctx: ExtractContext): EntityMention[] {
  const lex = programLexicon();
  const { view, clean } = ctx;
  const found: EntityMention[] = [];
  const heads = [...lex.headNouns].sort((a, b) => b.length - a.length);
  /** `gap`: a span of the surface left out of the name (the 等 of “莞薪無憂”等專項行動). */
  const push = (start: number, end: number, rule: string, gap?: [number, number]) => {
    if (!isFree(ctx, start, end)) return;
    const surface = clean.slice(start, end);
    const cut = (text: string) => (gap ? text.slice(0, gap[0] - start) + text.slice(gap[1] - start) : text);
    const name = stripScope(cut(surface), cut(view.slice(start, end)));
    found.push({ type: 'Program', start, end, surface, name: name.name, nameSimplified: name.simplified, rule });
    claim(ctx, start, end);
  };

  for (const m of view.matchAll(QUOTE)) {
    const inner = m[1]!;
    const qStart = m.index;
    const qEnd = m.index + m[0].length;
    if (!isFree(ctx, qStart, qEnd)) continue;
    if (inner.length < lex.quoteMinLength || /^[\d\s.+-]+$/.test(inner)) continue;
    if (lex.notPrograms.includes(inner) || lex.sloganMarkers.some((s) => inner.includes(s))) continue;
    if (lex.notProgramHeadsOfDocuments.some((s) => inner.endsWith(s))) continue;
    const inList = view[qStart - 1] === '、' || view[qEnd] === '、' || view.startsWith('”、“', qEnd - 1);
    // Extend to the head noun that follows: “放管服”改革, “莞薪無憂”等專項行動.
    let end = qEnd;
    let from = qEnd;
    if (!inList && view[from] === lex.extendOver) from++;
    let stretch = '';
    for (let i = from; i < Math.min(view.length, from + lex.maxExtension); i++) {
      if (EXTENSION_STOP.test(view[i]!)) break;
      stretch += view[i];
    }
    if (lex.notProgramAfter.some((w) => stretch.includes(w))) continue;
    if (!inList || view[qEnd] !== '、') {
      for (let len = stretch.length; len > 0; len--) {
        const part = stretch.slice(0, len);
        if (heads.some((h) => part.endsWith(h)) && (ctx.tokenEnd[from + len] || len === stretch.length)) {
          end = from + len;
          break;
        }
      }
    }
    // A domain noun just before the quote is part of the name: 行政執法“三項制度”.
    const prefix = lex.domainPrefixes.find((p) => view.slice(qStart - p.length, qStart) === p);
    const start = prefix ? qStart - prefix.length : qStart;
    const named = end > qEnd ? view.slice(qEnd, end) : inner;
    if (lex.notProgramHeadsOfDocuments.some((s) => named.endsWith(s))) continue;
    // A bare quote is a program only if it reads like one: not a scare-quoted word, a slogan list, a title or an award.
    if (end === qEnd && !prefix) {
      if (inner.length < lex.bareQuoteMinLength || /[、，,！!。；;]/.test(inner)) continue;
      if (lex.titleVerbsBefore.some((v) => view.slice(qStart - v.length, qStart) === v)) continue;
      if (lex.titleWordsAfter.some((w) => view.startsWith(w, qEnd)) || inner.endsWith('奖')) continue;
    }
    push(start, end, end > qEnd ? 'program-quoted-head' : prefix ? 'program-quoted-prefix' : 'program-quoted', from > qEnd ? [qEnd, from] : undefined);
  }

  // Unquoted names after a verb of carrying out, or opening a section heading.
  const starts = alternation(lex.unquotedStart);
  const unquotedHeads = [...lex.unquotedHeads].sort((a, b) => b.length - a.length);
  const scan = (from: number, rule: string) => {
    let best = -1;
    for (let i = from, n = 0; i < view.length && n < lex.unquotedMaxLength; i++, n++) {
      const ch = view[i]!;
      if (!/\p{Script=Han}/u.test(ch) || '的对在将为并把被从以于是了也都、'.includes(ch) || ctx.taken[i]) break;
      const len = i + 1 - from;
      if (len >= lex.unquotedMinLength && unquotedHeads.some((h) => h.length <= len && view.startsWith(h, i + 1 - h.length)) && ctx.tokenEnd[i + 1]) best = i + 1;
    }
    if (best < 0) return -1;
    const name = view.slice(from, best);
    if (lex.notPrograms.some((n) => name.endsWith(n))) return -1;
    push(from, best, rule);
    return best;
  };
  for (const m of view.matchAll(new RegExp(`(?:${starts})`, 'g'))) {
    let at = m.index + m[0].length;
    while (at >= 0) {
      const end = scan(at, 'program-unquoted');
      // Coordinated names: 第三批全國…示範創建和廣東省第二批…示範創建.
      at = end >= 0 && (view[end] === '和' || view[end] === '、') ? end + 1 : -1;
    }
  }
  for (const s of ctx.doc.sentences) {
    const marker = /^[(（][一二三四五六七八九十]+[)）]/.exec(s.clean);
    const from = s.cleanStart + (marker?.[0].length ?? 0);
    if (marker && s.section.at(-1) === s.clean.replace(/[。；;]$/, '') && !lex.unquotedStart.some((v) => view.startsWith(v, from))) {
      scan(from, 'program-heading');
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Drop batch ordinals (第三批) from a name, in both scripts. */
function stripScope(surface: string, simplified: string): { name: string; simplified: string } {
  const re = /第[一二三四五六七八九十\d]+批/g;
  return { name: surface.replace(re, ''), simplified: simplified.replace(re, '') };
}
