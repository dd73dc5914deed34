/**
 * Programs: named initiatives, reforms, campaigns, projects, systems and mechanisms, quoted or not.
 * - Quoted names extended to their head noun (“放管服”改革, “莞薪無憂”專項行動) and to the noun phrase
 *   between the verb and the quote (推行政務服務“好差評”制度, 行政執法“三項制度”). A quote with no head
 *   is a program only when it reads as one (“織網工程”, “盐田通”) or a verb of carrying out governs it
 *   (實現“秒批”); periods and slogans never are (“十四五”, “四個意識”, “深圳標準”).
 * - Unquoted names ending in a head (改革, 機制, 攻堅戰, 三年行動, 項目…) after a verb of carrying out or
 *   opening a heading (一是街道綜合行政執法改革順利落地); coordinated names are two (A和B改革). A named
 *   project that work is on (推進華強北商業步行街建設). Known names without a head (河長制, 繁簡分流) anywhere.
 * - Named projects in a list of projects (蓮塘/香園圍口岸、粵澳新通道等項目) and the programs a clause
 *   opens with before a word of progress (雲校教育平臺、藍牙物聯網體溫監護系統還獲評): each a name
 *   (nodejieba's tags of places, brands and unknown words), not a kind of facility (會展中心), not a count
 *   (一批重大項目, 10個改革試點).
 * Ideologies, goals and requirements are not programs (習近平法治思想, “關鍵少數”, “一培訓兩講座”要求).
 */
import { claim, isFree, type EntityMention, type ExtractContext } from './context.js';
import { codeUnitTable, codeUnits, indexByFirst, indexByLast, wordEndingAt, wordStartingAt, type WordIndex } from '../text/lexicon.js';
import { tagWords } from '../text/segment.js';
import { alternation, programLexicon, relationLexicon, type ProgramLexicon } from './lexicon.js';

const QUOTE = /“([^“”\n]{1,40})”/g;
/** Chinese characters, by code unit (the scanners look at every character of a report). */
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const EXTENSION_STOPS = codeUnitTable('的和与及或、等对在将为并把被从以于中是了也都零一二三四五六七八九十百千万两');
/** Where a head-noun extension stops: anything not Chinese, a function word or a numeral. */
const stopsExtension = (c: number) => !isHan(c) || EXTENSION_STOPS[c] === 1;
const JOINS = codeUnitTable('和与及');
const HAN = /\p{Script=Han}/u;
/** After these a clause starts (by code unit: the subject scan looks at every character). */
const CLAUSE_OPENERS = codeUnitTable('，,；;：: \t\u3000');
/** Where a clause or a list of projects ends (by code unit). */
const CLAUSE_ENDS = codeUnitTable('，,；;：:。！？!?\n“”《》（）()');
const LIST_COMMA = '、'.charCodeAt(0);
const ETC = '等'.charCodeAt(0);
/** A count: what a metric is made of, never inside a project's name. */
const COUNT_INSIDE = /[一二三四五六七八九十百千万两]+(?:[个项家所条类批座宗件栋套台]|大类)|(?<![A-Za-z\d.])[\d.]+(?![\d.]*[号期英代])\p{Script=Han}/u;
/** How far back from its 等 a list of projects may start. */
const LIST_REACH = 80;
/** A project's name in a list: Chinese, with Latin letters, digits, - or / inside (东莞-盐田组合港). */
const LIST_MEMBER = /^\p{Script=Han}[\p{Script=Han}A-Za-z0-9\-/·]*$/u;

interface ProgramRules {
  lex: ProgramLexicon;
  /** Every head, quoted or not, for what follows a list of quotes; and the quoted heads, by their last character. */
  allHeadsByLast: WordIndex;
  headsByLast: WordIndex;
  /** Unquoted heads by their last character. */
  unquotedHeadsByLast: WordIndex;
  /** How a named project in a list ends (立交, 通道, 中心…), by the last character. */
  memberHeadsByLast: WordIndex;
  /** Verbs of carrying out by their last character, longest first. */
  verbsByLast: WordIndex;
  /** Verbs that govern a quote otherwise (block, not-issue, issue) by their last character. */
  stopsByLast: WordIndex;
  slogans: RegExp[];
  /** Verbs of carrying out (the relation lexicon's, with the program lexicon's starts), by their first character. */
  verbsByFirst: WordIndex;
  /** What is never a program's name's end (notPrograms), and a document's head (notProgramHeadsOfDocuments), by the last character. */
  notProgramsByLast: WordIndex;
  documentHeadsByLast: WordIndex;
  /** What opens a clause before its subject (clauseStartMarkers, subjectLeadWords), by the first character. */
  clauseMarkersByFirst: WordIndex;
  subjectLeadByFirst: WordIndex;
  starts: RegExp;
  countedClass: RegExp[];
  /** 等, a count, a few characters and a class head: what ends a list of projects. */
  listOfProjects: RegExp;
  listLeadByFirst: WordIndex;
  progressByFirst: WordIndex;
  progressAdverbsByFirst: WordIndex;
  workWordsByFirst: WordIndex;
  unbrokenByFirst: WordIndex;
  breakWordsByFirst: WordIndex;
  properNameTags: Set<string>;
  notSubjectTags: Set<string>;
  nameBreaks: Uint8Array;
  nameBreaksAsWords: Uint8Array;
}

let rulesCache: ProgramRules | undefined;
function programRules(): ProgramRules {
  if (rulesCache) return rulesCache;
  const lex = programLexicon();
  const relations = relationLexicon();
  rulesCache = {
    lex,
    allHeadsByLast: indexByLast([...lex.headNouns, ...lex.unquotedHeads]),
    headsByLast: indexByLast(lex.headNouns),
    unquotedHeadsByLast: indexByLast(lex.unquotedHeads),
    memberHeadsByLast: indexByLast(lex.listMemberHeads),
    verbsByLast: indexByLast([...relations.implement, ...lex.unquotedStart]),
    stopsByLast: indexByLast([...relations.block, ...relations.notIssue, ...relations.issue]),
    slogans: lex.sloganPatterns.map((p) => new RegExp(p, 'u')),
    verbsByFirst: indexByFirst([...relations.implement, ...lex.unquotedStart]),
    notProgramsByLast: indexByLast(lex.notPrograms),
    documentHeadsByLast: indexByLast(lex.notProgramHeadsOfDocuments),
    clauseMarkersByFirst: indexByFirst(lex.clauseStartMarkers),
    subjectLeadByFirst: indexByFirst(lex.subjectLeadWords),
    starts: new RegExp(`(?:${alternation(lex.unquotedStart)})`, 'g'),
    countedClass: lex.countedClassPatterns.map((p) => new RegExp(p, 'u')),
    listLeadByFirst: indexByFirst([...lex.listLeadWords, ...relations.implement, ...relations.block, ...relations.issue, ...relations.notIssue, ...relations.cooperate, ...lex.unquotedStart]),
    properNameTags: new Set(lex.properNameTags),
    notSubjectTags: new Set(lex.notSubjectTags),
    progressByFirst: indexByFirst(lex.progressAfter),
    progressAdverbsByFirst: indexByFirst(lex.progressAdverbs),
    workWordsByFirst: indexByFirst(lex.workWords),
    unbrokenByFirst: indexByFirst(lex.unbrokenWords),
    breakWordsByFirst: indexByFirst(lex.nameBreakWords),
    listOfProjects: new RegExp(`等(?:[一二三四五六七八九十两\\d]+[个项批大])?(?:“[^“”\\n]{1,12}”)?\\p{Script=Han}{0,4}?(?:${alternation(lex.listClassHeads)})`, 'gu'),
    nameBreaks: codeUnitTable(lex.nameBreaks),
    nameBreaksAsWords: codeUnitTable(lex.nameBreaksAsWords),
  };
  return rulesCache;
}

export function findPrograms(ctx: ExtractContext): EntityMention[] {
  const rules = programRules();
  const { lex } = rules;
  const { view, clean } = ctx;
  const found: EntityMention[] = [];
  /** `gap`: a span of the surface left out of the name (the 等 of “莞薪無憂”等專項行動). */
  const push = (start: number, end: number, rule: string, gap?: [number, number]) => {
    if (!isFree(ctx, start, end)) return;
    const surface = clean.slice(start, end);
    const cut = (text: string) => (gap ? text.slice(0, gap[0] - start) + text.slice(gap[1] - start) : text);
    const name = stripScope(cut(surface), cut(view.slice(start, end)));
    found.push({ type: 'Program', start, end, surface, name: name.name, nameSimplified: name.simplified, rule });
    claim(ctx, start, end);
  };
  /** The verb of carrying out that ends at `at`, if any. */
  const verbEndingAt = (at: number) => wordEndingAt(rules.verbsByLast, view, at);

  // Quotes in lists (“精準普法”、“復議上門”等宣傳活動): what the list as a whole reads as.
  const quotes = [...view.matchAll(QUOTE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const listOf = new Map<number, { first: number; last: number }>();
  for (let i = 0; i < quotes.length; ) {
    let j = i;
    while (j + 1 < quotes.length && /^[、和及与]?$/.test(view.slice(quotes[j]!.end, quotes[j + 1]!.start))) j++;
    for (let k = i; k <= j; k++) listOf.set(quotes[k]!.start, { first: quotes[i]!.start, last: quotes[j]!.end });
    i = j + 1;
  }
  /** A head noun after the list, past 等 and a count (等三個項目, 等宣傳活動, 和“平安建設”考評). */
  const headAfter = (at: number) => {
    let p = at;
    if (view[p] === '等') p++;
    const count = /^[一二三四五六七八九十两\d]+[个项类种大批]/.exec(view.slice(p, p + 6));
    if (count) p += count[0].length;
    let stop = p;
    while (stop < Math.min(view.length, p + lex.maxExtension) && !stopsExtension(view.charCodeAt(stop))) stop++;
    for (let at = stop; at > p; at--) if (wordEndingAt(rules.allHeadsByLast, view, at, p)) return true;
    return false;
  };
  /** 市發展改革局的“…”: a body's own undertaking. */
  const owned = (at: number) => view[at - 1] === '的' && /[局委办府院厅部署心组]/.test(view[at - 2] ?? '');
  const verbStopsAt = (at: number) => !!wordEndingAt(rules.stopsByLast, view, at);

  for (const m of view.matchAll(QUOTE)) {
    const inner = m[1]!;
    const qStart = m.index;
    const qEnd = m.index + m[0].length;
    const list = listOf.get(qStart)!;
    if (!isFree(ctx, qStart, qEnd)) continue;
    if (inner.length < lex.quoteMinLength) continue;
    if (lex.notPrograms.includes(inner) || lex.sloganMarkers.some((s) => inner.includes(s))) continue;
    if (lex.notProgramHeadsOfDocuments.some((s) => inner.endsWith(s))) continue;
    const inList = view[qStart - 1] === '、' || view[qEnd] === '、' || view.startsWith('”、“', qEnd - 1) || view[qStart - 1] === '”' || view[qEnd] === '“';
    // Extend to the head noun that follows: “放管服”改革, “莞薪無憂”等專項行動.
    let end = qEnd;
    let from = qEnd;
    if (!inList && view[from] === lex.extendOver) from++;
    let stretch = '';
    for (let i = from; i < Math.min(view.length, from + lex.maxExtension); i++) {
      if (stopsExtension(view.charCodeAt(i))) break;
      stretch += view[i];
    }
    if (lex.notProgramAfter.some((w) => stretch.includes(w))) continue;
    if (!inList || view[qEnd] !== '、') {
      for (let len = stretch.length; len > 0; len--) {
        if (wordEndingAt(rules.headsByLast, view, from + len, from) && (ctx.tokenEnd[from + len] || len === stretch.length)) {
          end = from + len;
          break;
        }
      }
    }
    // The noun phrase between a verb of carrying out and the quote is part of the name: 推行政務服務“好差評”制度.
    let start = qStart;
    let governed = !!verbEndingAt(list.first) || owned(list.first) || headAfter(list.last) || (list.first !== qStart && owned(qStart));
    const domain = lex.domainPrefixes.find((p) => view.slice(qStart - p.length, qStart) === p);
    if (domain) start = qStart - domain.length;
    else if (!verbEndingAt(qStart) && !inList) {
      for (let k = 1; k <= lex.prefixMaxLength && qStart - k > 0; k++) {
        const ch = view.charCodeAt(qStart - k);
        if (stopsExtension(ch) || ctx.taken[qStart - k] || verbEndingAt(qStart - k + 1) || verbStopsAt(qStart - k + 1)) break;
        if (k >= 2 && verbEndingAt(qStart - k) && ctx.tokenStart[qStart - k]) {
          // A scope word is not part of the name: 開展全市“全民反詐”專項行動.
          const scope = lex.prefixScopeWords.find((w) => view.startsWith(w, qStart - k));
          governed = true;
          if (lex.notPrefixEnds.some((w) => view.slice(qStart - w.length, qStart) === w)) break;
          start = qStart - k + (scope?.length ?? 0);
          break;
        }
      }
    }
    // A number in quotes is a name only with a head after it (“1+5”行政執法制度體系, not “1310”).
    if (end === qEnd && /^[\d\s.+\-·]+$/.test(inner)) continue;
    const named = end > qEnd ? view.slice(qEnd, end) : inner;
    if (lex.notProgramHeadsOfDocuments.some((s) => named.endsWith(s))) continue;
    // A bare quote is a program only if it reads like one: not a scare-quoted word, a slogan, a title or an award.
    if (end === qEnd) {
      if (start === qStart && !domain && (rules.slogans.some((r) => r.test(inner)) || /[、，,！!。；;]/.test(inner))) continue;
      if (lex.titleVerbsBefore.some((v) => view.slice(qStart - v.length, qStart) === v)) continue;
      if (lex.titleWordsAfter.some((w) => view.startsWith(w, qEnd)) || inner.endsWith('奖')) continue;
      const readsAsProgram = lex.bareQuoteHeads.some((h) => inner.endsWith(h)) && inner.length >= lex.bareQuoteMinLength;
      if (!readsAsProgram && !governed && !domain) continue;
    }
    const rule = end > qEnd ? 'program-quoted-head' : start < qStart ? 'program-quoted-prefix' : 'program-quoted';
    push(start, end, rule, from > qEnd ? [qEnd, from] : undefined);
  }

  // Known names without a head or quotes: 河長制, 繁簡分流.
  for (const name of lex.knownPrograms) {
    for (let at = view.indexOf(name); at >= 0; at = view.indexOf(name, at + name.length)) {
      if (ctx.tokenStart[at] && isFree(ctx, at, at + name.length)) push(at, at + name.length, 'program-known');
    }
  }

  /** The length of the rule word that starts at `i` (0: none), at a word start only when `atWords`. */
  const wordAt = (index: WordIndex, atWords: boolean) => (i: number): number => (atWords && !ctx.tokenStart[i] ? 0 : (wordStartingAt(index, view, i)?.length ?? 0));
  const unbrokenAt = wordAt(rules.unbrokenByFirst, false);
  const breakWordAt = wordAt(rules.breakWordsByFirst, false);
  const workAt = wordAt(rules.workWordsByFirst, true);
  const progressWordAt = wordAt(rules.progressByFirst, true);
  const adverbAt = wordAt(rules.progressAdverbsByFirst, true);
  /** A word of progress starts here, or an adverb and then one (还获评, 顺利通车). */
  const progressAt = (i: number) => progressWordAt(i) > 0 || (adverbAt(i) > 0 && progressWordAt(i + adverbAt(i)) > 0);

  /**
   * Does the name end at `i`? At 的, 等 or a list's join; at a function word that starts a word (在, not
   * 在线 or 行为); at a word that never belongs to a name (关于). 一体化在线政务服务平台, 东西部协作和
   * 对口支援机制: a word listed as unbroken starts with a function word and stays.
   */
  const breaksName = (i: number) => {
    if (unbrokenAt(i)) return false;
    const ch = view.charCodeAt(i);
    return rules.nameBreaks[ch] === 1 || (rules.nameBreaksAsWords[ch] === 1 && ctx.tokenStart[i] === 1) || breakWordAt(i) > 0;
  };
  /** Is [start, stop) free of what ends a name? (和 may join two parts of one name: 药审和器审大湾区分中心.) */
  const unbrokenName = (start: number, stop: number) => {
    for (let i = start; i < stop; i++) {
      const unbroken = unbrokenAt(i);
      if (unbroken) i += unbroken - 1;
      else if (JOINS[view.charCodeAt(i)] !== 1 && breaksName(i)) return false;
    }
    return true;
  };

  /** A name that ends as no program does (习近平法治思想) or opens with a verb of carrying out. */
  const notProgram = (name: string) => !!wordEndingAt(rules.notProgramsByLast, name, name.length) || !!wordStartingAt(rules.verbsByFirst, name, 0);

  // Lists of named projects, and the names in them.
  /** A name, not a kind of facility: 坪盐通道 and 中信金融中心 (a place, a brand, a word the dictionary lacks), not 会展中心. */
  const isNamed = (name: string, tags: ReadonlyArray<{ tag: string }>) => /[A-Za-z0-9]/.test(name) || tags.some((t) => rules.properNameTags.has(t.tag));
  /** 华强北商业步行街, 深圳中央公园: a named project that work (建设) may be on; not 基础设施, not 坚持高水平规划. */
  const workedOn = (a: number, b: number) => {
    const name = view.slice(a, b);
    if (name.length < lex.listMemberMinLength || !wordEndingAt(rules.memberHeadsByLast, view, b, a)) return false;
    const tags = tagWords(name);
    return !rules.notSubjectTags.has(tags[0]?.tag ?? '') && isNamed(name, tags);
  };
  const endsAsProject = (a: number, b: number) =>
    b - a >= lex.listMemberMinLength && !!(wordEndingAt(rules.memberHeadsByLast, view, b) || wordEndingAt(rules.unquotedHeadsByLast, view, b));
  /** 深南高铁和南珠中城际: a member joined by 和 or 及 is two when both parts end as a project does. */
  const splitJoined = (members: Array<[number, number]>) =>
    members.flatMap(([a, b]): Array<[number, number]> => {
      for (let j = a + 1; j < b - 1; j++) if (JOINS[view.charCodeAt(j)] === 1 && endsAsProject(a, j) && endsAsProject(j + 1, b)) return [[a, j], [j + 1, b]];
      return [[a, b]];
    });
  /**
   * A member of a list taken as a program when it is a named project or program: past the words before
   * it (依托, 确保), it ends as one does and, unless its head is a program's (改革, 机制), it is a name.
   */
  const pushMember = (from: number, stop: number, rule: string, leads: boolean) => {
    let start = from;
    if (leads) for (let lead = wordStartingAt(rules.listLeadByFirst, view, start); lead; lead = wordStartingAt(rules.listLeadByFirst, view, start)) start += lead.length;
    else if (wordStartingAt(rules.listLeadByFirst, view, start)) return;
    const name = view.slice(start, stop);
    if (name.length < lex.listMemberMinLength || !LIST_MEMBER.test(name) || !ctx.tokenStart[start] || !ctx.tokenEnd[stop]) return;
    const programHead = name.length >= lex.unquotedMinLength && !!wordEndingAt(rules.unquotedHeadsByLast, view, stop, start);
    if (!programHead && !wordEndingAt(rules.memberHeadsByLast, view, stop, start)) return;
    // A count inside (10个营商环境改革试点, 儿童医院等5家医院) is a metric's; a function word ends a name.
    if (COUNT_INSIDE.test(name) || !unbrokenName(start, stop)) return;
    if (notProgram(name) || rules.countedClass.some((r) => r.test(name))) return;
    // Tags last (the costliest test). A clause that opens with a verb or an adverb has no program for its
    // subject (协调深汕高铁…, 亲自宣布…).
    const tags = tagWords(name);
    if (!leads && rules.notSubjectTags.has(tags[0]?.tag ?? '')) return;
    if (!programHead && !isNamed(name, tags)) return;
    push(start, stop, rule);
  };

  // Unquoted names after a verb of carrying out, or opening a heading or a clause.
  const scan = (from: number, rule: string) => {
    let best = -1;
    for (let i = from, n = 0; i < view.length && n < lex.unquotedMaxLength; i++, n++) {
      const ch = view.charCodeAt(i);
      // 事權下放動態調整和銜接機制: 和 joins two names only when the part before it has a head of its own.
      const joins = JOINS[ch] === 1 && i > from && best < 0 && !wordEndingAt(rules.documentHeadsByLast, view, i);
      if (!isHan(ch) || ctx.taken[i]) break;
      const unbroken = unbrokenAt(i);
      if (unbroken) {
        i += unbroken - 1;
        n += unbroken - 1;
      } else if (!joins && breaksName(i)) break;
      const len = i + 1 - from;
      if (len >= lex.unquotedMinLength && ctx.tokenEnd[i + 1] && wordEndingAt(rules.unquotedHeadsByLast, view, i + 1, from)) best = i + 1;
      // 推進華強北商業步行街建設: a named project that work is on is a program (the project, without the work).
      const work = best < 0 && i > from ? workAt(i) : 0;
      if (work && ctx.tokenEnd[i + work] && workedOn(from, i)) best = i;
    }
    if (best < 0) return -1;
    // 落實市委市政府供給側結構性改革行動方案: a document's name, not a program's.
    if (lex.documentsOfPrograms.some((d) => view.startsWith(d, best))) return -1;
    const name = view.slice(from, best);
    if (notProgram(name)) return -1;
    if (rules.countedClass.some((r) => r.test(name))) return -1;
    push(from, best, rule);
    return best;
  };
  const scanList = (start: number, rule: string) => {
    let end = scan(start, rule);
    if (end < 0) {
      // 執行最嚴格的進口冷鏈凍品熔斷機制: a short modifier and 的 before the name.
      const of = view.indexOf('的', start);
      if (!(of > start && of - start <= 5 && [...view.slice(start, of)].every((c) => HAN.test(c)))) return;
      end = scan(of + 1, rule);
    }
    // Coordinated names: 第三批全國…示範創建和廣東省第二批…示範創建.
    while (end >= 0 && '和、及与'.includes(view[end] ?? '')) end = scan(end + 1, rule);
  };
  for (const m of view.matchAll(rules.starts)) scanList(m.index + m[0].length, 'program-unquoted');
  // The members of a list of projects: 建成盐港东立交等项目, 莲塘/香园围口岸、粤澳新通道等项目建设加快.
  for (const m of view.matchAll(rules.listOfProjects)) {
    const members: Array<[number, number]> = [];
    let end = m.index;
    for (let at = end - 1, n = 0; at >= 0 && n < LIST_REACH; at--, n++) {
      const c = view.charCodeAt(at);
      const opens = CLAUSE_ENDS[c] === 1 || (at < end - 1 && ctx.taken[at]) || (at + 1 < end && ctx.tokenStart[at + 1] && !!verbEndingAt(at + 1));
      if (opens || c === LIST_COMMA || c === ETC) {
        members.push([at + 1, end]);
        if (c !== LIST_COMMA) break;
        end = at;
      }
      if (at === 0) members.push([0, end]);
    }
    for (const [from, stop] of splitJoined(members)) if (wordEndingAt(rules.memberHeadsByLast, view, stop)) pushMember(from, stop, 'program-listed', true);
  }

  /**
   * The programs a clause opens with, before a word of progress: 社區家園網完成升級, 碧岭村公交总站建成,
   * 云校教育平台、蓝牙物联网体温监护系统还获评…, 东莞-盐田组合港、盐田-江门海铁联运启动运营.
   */
  const subjects = (from: number) => {
    let stop = -1;
    for (let i = from, n = 0; i < view.length && n < LIST_REACH; i++, n++) {
      const c = view.charCodeAt(i);
      if (CLAUSE_ENDS[c] === 1 || ctx.taken[i]) return;
      if (i > from && progressAt(i)) {
        stop = i;
        break;
      }
    }
    if (stop < 0) return;
    // 历时8年的坪盐通道: a modifier with 的 is not part of the name.
    const of = view.lastIndexOf('的', stop - 1);
    const start = of >= from ? of + 1 : from;
    const members: Array<[number, number]> = [];
    let a = start;
    for (let i = start; i <= stop; i++) {
      if (i === stop || view.charCodeAt(i) === LIST_COMMA) {
        members.push([a, i]);
        a = i + 1;
      }
    }
    for (const [m, e] of splitJoined(members)) pushMember(m, e, 'program-subject', false);
  };

  for (const s of ctx.doc.sentences) {
    const marker = /^[(（][一二三四五六七八九十]+[)）]/.exec(s.clean);
    const from = s.cleanStart + (marker?.[0].length ?? 0);
    if (marker && s.section.at(-1) === s.clean.replace(/[。；;]$/, '') && !wordStartingAt(rules.verbsByFirst, view, from)) {
      scan(from, 'program-heading');
    }
    // 一是街道綜合行政執法改革順利落地, 社區家園網完成升級: a program as the subject of a clause.
    for (let at = s.cleanStart; at < s.cleanEnd; at++) {
      if (at !== s.cleanStart && CLAUSE_OPENERS[view.charCodeAt(at - 1)] !== 1) continue;
      const marker = wordStartingAt(rules.clauseMarkersByFirst, view, at);
      const lead = marker ? undefined : wordStartingAt(rules.subjectLeadByFirst, view, at);
      const from = at + (marker?.length ?? lead?.length ?? 0);
      if (ctx.taken[from] || !ctx.tokenStart[from]) continue;
      if (marker) scan(from, 'program-subject');
      else subjects(from);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Drop batch ordinals (第三批) from a name, in both scripts. */
function stripScope(surface: string, simplified: string): { name: string; simplified: string } {
  const re = /第[一二三四五六七八九十\d]+批|首批/g;
  return { name: surface.replace(re, ''), simplified: simplified.replace(re, '') };
}
