/**
 * Regulations: titles in 《》 that are documents (named without the marks), documents named without
 * marks where the verb shows one is issued (印發習近平法治思想學習方案, 出臺“制造業當家”16條措施), and
 * quoted policies after an issuing verb (出臺“民營經濟十條”“促進就業九條”等系列政策措施: two).
 * Coordinated names are two (制定A方案和B細則). Songs, books, courses and shows in 《》 are not
 * regulations (《城市節奏》, 《習近平法治思想》專題課); descriptions are not names (一系列政策措施).
 */
import { claim, isFree, type EntityMention, type ExtractContext } from './context.js';
import { alternation, regulationLexicon, relationLexicon } from './lexicon.js';

/** A name never starts with a function word (并公开…目录, 的下调…政策) or a count (15个专项规划: documents counted, not named). */
const FUNCTION_START = /^(?:[并的和与及在对将把从以于为也都又]|[\d一二三四五六七八九十两百]+[个项部份条批类])/u;

/** A trailing note in brackets: (修訂), （2021-2025年）, (試行). */
const TRAILING_NOTE = /[(（][^()（）]*[)）]$/u;

interface RegulationRules {
  issueVerbs: string[];
  /** Quoted policies after an issuing verb; a document word after the quotes belongs to them only where the
   * name ends (出臺“福田英才薈”計劃16條措施 is one name, found by `unbracketed`). */
  quoted: RegExp;
  /** A document named without marks after an issuing verb. */
  unbracketed: RegExp;
  /** A document opening a clause, issued by the verb after it. */
  after: RegExp;
  /** A list of documents drawn up (完成A规划及B方案编制). */
  compiled: RegExp;
  /** The verbs `after` and `compiled` end with: a clause without one holds no match of theirs. */
  issuedAfter: RegExp;
  compiledAfter: RegExp;
}

/** Where a clause ends: neither `after` nor `compiled` matches across one of these. */
const CLAUSE_MARK = /[，,。；;：:\n]/;

/**
 * The matches of `re` (global) in the clauses of `view` that hold a match of `word` (global), in order:
 * the same as over the whole view when no match of `re` crosses a clause mark and each ends before a
 * `word`, and far cheaper, as few clauses hold one.
 */
function matchesInClauses(view: string, re: RegExp, word: RegExp): Array<{ index: number; list: string }> {
  const found: Array<{ index: number; list: string }> = [];
  let done = -1;
  for (const w of view.matchAll(word)) {
    if (w.index < done) continue;
    let start = w.index;
    while (start > 0 && !CLAUSE_MARK.test(view[start - 1]!)) start--;
    let end = w.index + w[0].length;
    while (end < view.length && !CLAUSE_MARK.test(view[end]!)) end++;
    for (const m of view.slice(start, end).matchAll(re)) found.push({ index: start + m.index + m[0].length - m[1]!.length, list: m[1]! });
    done = end;
  }
  return found;
}

let rulesCache: RegulationRules | undefined;
/** The rules' expressions, built once from the lexicons. */
function regulationRules(): RegulationRules {
  if (rulesCache) return rulesCache;
  const lex = regulationLexicon();
  const issueVerbs = relationLexicon().issue;
  const verbs = alternation(issueVerbs);
  const suffixes = alternation(lex.documentSuffixes);
  const docName = `[\\p{Script=Han}“”0-9]{2,${lex.maxUnbracketed}}?(?:${suffixes})`;
  rulesCache = {
    issueVerbs,
    quoted: new RegExp(`(?:${verbs})了?((?:[、和及]?“[^“”]{2,24}”)+)(等?(?:系列)?(?:(?:${suffixes})(?![\\p{Script=Han}0-9]))?)`, 'gu'),
    unbracketed: new RegExp(`(?:${verbs})了?((?:“[^“”]{1,20}”)?[\\p{Script=Han}“”0-9]{2,${lex.maxUnbracketed}}?(?:${suffixes}))(?![\\p{Script=Han}])`, 'gu'),
    after: new RegExp(`(?<=^|[，,。；;：:\\n])(${docName})(?=${alternation(lex.issuedAfter)})`, 'gu'),
    compiled: new RegExp(`(?:完成|启动|加快|推进|开展)((?:${docName}[、及和与])*${docName})(?=${alternation(lex.compiledAfter)})`, 'gu'),
    issuedAfter: new RegExp(alternation(lex.issuedAfter), 'g'),
    compiledAfter: new RegExp(alternation(lex.compiledAfter), 'g'),
  };
  return rulesCache;
}

export function findRegulations(ctx: ExtractContext): EntityMention[] {
  const lex = regulationLexicon();
  const found: EntityMention[] = [];
  const { view, clean } = ctx;
  const push = (start: number, end: number, rule: string) => {
    const surface = clean.slice(start, end);
    found.push({ type: 'Regulation', start, end, surface, name: surface, nameSimplified: view.slice(start, end), rule });
  };
  const documentEnds = [...lex.documentSuffixes, ...lex.titleDocumentEnds];
  const readsAsDocument = (title: string) => {
    const core = title.replace(TRAILING_NOTE, '');
    return documentEnds.some((s) => core.endsWith(s)) || core.includes('关于') || /\d{4}$/.test(core);
  };

  for (const m of view.matchAll(/《([^《》\n]{2,120})》/g)) {
    const title = m[1]!;
    claim(ctx, m.index, m.index + m[0].length);
    if (lex.notRegulationSuffixes.some((s) => title.endsWith(s))) continue;
    if (!readsAsDocument(title) || lex.notRegulationAfter.some((w) => view.startsWith(w, m.index + m[0].length))) continue;
    push(m.index + 1, m.index + 1 + title.length, 'regulation-title');
  }

  const { issueVerbs, quoted, unbracketed, after, compiled, issuedAfter, compiledAfter } = regulationRules();
  // Quoted policies after an issuing verb: 出臺“助企十一條”, 出臺“A”“B”等系列政策措施.
  for (const m of view.matchAll(quoted)) {
    const listStart = m.index + m[0].length - m[1]!.length - m[2]!.length;
    const items = [...m[1]!.matchAll(/“([^“”]+)”/g)];
    // A single quote reads as a policy only when it names one (…十條, …措施) or a document word follows it.
    if (!m[2] && !(items.length === 1 && /(条|措施|政策|办法|意见)$/.test(items[0]![1]!))) continue;
    for (const item of items) {
      const start = listStart + item.index;
      const end = start + item[0].length;
      if (!isFree(ctx, start, end)) continue;
      push(start, end, 'regulation-quoted-policy');
      claim(ctx, start, end);
    }
    if (m[2]) claim(ctx, listStart + m[1]!.length, listStart + m[1]!.length + m[2].length);
  }

  const endsAsDocument = (name: string) => lex.documentSuffixes.some((s) => name.endsWith(s));
  for (const m of view.matchAll(unbracketed)) {
    const name = m[1]!;
    const start = m.index + m[0].length - name.length;
    const end = start + name.length;
    if (/^[0-9]/.test(name) || FUNCTION_START.test(name) || !isFree(ctx, start, end) || lex.genericStarts.some((g) => name.startsWith(g))) continue;
    // 编制公布减免责清单: a second verb, not a name.
    if (issueVerbs.some((v) => name.startsWith(v))) continue;
    // 印發區政府規範性文件11份: a count of documents, not the name of one.
    if (/^[\d一二三四五六七八九十两]/.test(view.slice(end, end + 1))) continue;
    // Coordinated names are two: 制定光明区…重点工作方案和法治政府考核评分细则.
    const parts: Array<[number, number]> = [];
    let from = start;
    for (let i = start; i < end; i++) {
      if ('和及与、'.includes(view[i]!) && endsAsDocument(view.slice(from, i)) && endsAsDocument(view.slice(i + 1, end))) {
        parts.push([from, i]);
        from = i + 1;
      }
    }
    parts.push([from, end]);
    for (const [s, e] of parts) {
      // 编制“十三五”规划纲要及51个专项规划: the counted part is no name; 出台“十四五”规划等重大发展规划: the name is before 等.
      if (FUNCTION_START.test(view.slice(s, e))) continue;
      const etc = view.indexOf('等', s);
      push(s, etc > s && etc < e && endsAsDocument(view.slice(s, etc)) ? etc : e, 'regulation-issued-unbracketed');
      claim(ctx, s, e);
    }
  }
  // A document that opens a clause and is issued by the verb after it: 坪山河流域綜合開發規劃正式發布.
  // A list of documents drawn up: 完成慢行交通系統規劃及試點實施方案、生態文明建設規劃編制.
  for (const { index, list } of [...matchesInClauses(view, after, issuedAfter), ...matchesInClauses(view, compiled, compiledAfter)]) {
    let at = index;
    for (const part of list.split(/[、及和与]/)) {
      const start = at;
      const end = at + part.length;
      at = end + 1;
      if (part.length < 4 || FUNCTION_START.test(part) || !isFree(ctx, start, end) || lex.genericStarts.some((g) => part.startsWith(g)) || !endsAsDocument(part)) continue;
      push(start, end, 'regulation-issued-after');
      claim(ctx, start, end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
