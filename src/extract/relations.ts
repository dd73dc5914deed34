/**
 * Relations inside one sentence, clause by clause:
 * - ISSUED (Agency→Regulation) for issuing verbs (印發, 制定, 出臺, 發布, 頒布, 提請…審議), never for
 *   落實/對照/結合 a document someone else issued;
 * - IMPLEMENTED (Agency→Program) for verbs of carrying out (開展, 推進, 實行, 落實, 建成…), for an
 *   agency's own program (市發展改革局的“信用畫像全景式應用”) and for 配合 X 開展 Y;
 * - MEASURED (Program or Agency→Metric): the programs of the metric's clause, or of the clause a run of
 *   metric clauses follows; else the agency that is the clause's subject; else the sentence's actor.
 * The actor is the agency that opens a clause (carried along the sentence); with none stated, the
 * report's author, marked implicit.
 */
import type { Sentence } from '../text/sentences.js';
import { codeUnitTable, indexByLast, wordEndingAt, type WordIndex } from '../text/lexicon.js';
import type { EntityMention, ExtractContext, Mention, MetricMention } from './context.js';
import { regulationLexicon, relationLexicon } from './lexicon.js';
import type { RelationType, Status } from '../graph/model.js';

/** The report's author as an actor (resolved to the jurisdiction's agency when the graph is built). */
export const AUTHOR = 'author' as const;

export interface RelationMention {
  type: RelationType;
  source: EntityMention | typeof AUTHOR;
  target: EntityMention | MetricMention;
  sentence: Sentence;
  rule: string;
  implicit: boolean;
  status: Status;
}

interface Clause {
  start: number;
  end: number;
  mentions: Mention[];
  subject: EntityMention | undefined;
  /** The subject and the agencies joined to it (区委区政府, 市委、市政府): a joint actor is each of them. */
  subjects: EntityMention[];
}

/** Tables by code unit: a clause is split at every character of a sentence. */
const CLAUSE_SPLIT = codeUnitTable(',，;；:：');
const OPEN = codeUnitTable('《“‘(（');
const CLOSE = codeUnitTable('》”’)）');
const LEAD = /^(全年|目前|同时|此外|其中|另外|今年|一年来|\d{4}年|[一二三四五六七八九十]是|[(（][一二三四五六七八九十]+[)）])?$/;
const CONNECTORS = codeUnitTable('、和及与等 了');
const PREPOSITIONS = /[与对将把被为在向从以于和及]/;

/** Relations between `mentions`, which are in document order (as `extractWith` gives them). */
export function findRelations(ctx: ExtractContext, mentions: Mention[]): RelationMention[] {
  const out: RelationMention[] = [];
  let m = 0;
  for (const sentence of ctx.doc.sentences) {
    while (m < mentions.length && mentions[m]!.start < sentence.cleanStart) m++;
    const inSentence: Mention[] = [];
    for (let k = m; k < mentions.length && mentions[k]!.start < sentence.cleanEnd; k++) inSentence.push(mentions[k]!);
    if (inSentence.length > 0) relateSentence(ctx, sentence, inSentence, out);
  }
  return out;
}

function splitClauses(ctx: ExtractContext, sentence: Sentence, mentions: Mention[]): Clause[] {
  const { view } = ctx;
  const clauses: Clause[] = [];
  let depth = 0;
  let start = sentence.cleanStart;
  // Mentions are in order of start: each clause takes the next run of them.
  let m = 0;
  while (m < mentions.length && mentions[m]!.start < start) m++;
  for (let i = sentence.cleanStart; i <= sentence.cleanEnd; i++) {
    const c = view.charCodeAt(i); // NaN past the end
    if (OPEN[c] === 1) depth++;
    else if (CLOSE[c] === 1) depth = Math.max(0, depth - 1);
    if (i === sentence.cleanEnd || (depth === 0 && CLAUSE_SPLIT[c] === 1)) {
      const own: Mention[] = [];
      for (; m < mentions.length && mentions[m]!.start < i; m++) own.push(mentions[m]!);
      clauses.push({ start, end: i, mentions: own, subject: undefined, subjects: [] });
      start = i + 1;
      while (m < mentions.length && mentions[m]!.start < start) m++;
    }
  }
  for (const c of clauses) {
    const first = c.mentions.find((x): x is EntityMention => x.type === 'Agency');
    if (first && LEAD.test(view.slice(c.start, first.start).trim()) && view[first.end] !== '的') {
      c.subject = first;
      c.subjects = [first];
      for (let k = c.mentions.indexOf(first) + 1; k < c.mentions.length; k++) {
        const next = c.mentions[k]!;
        const last = c.subjects.at(-1)!;
        if (next.type !== 'Agency' || !/^[、和与及]?$/.test(view.slice(last.end, next.start)) || view[next.end] === '的') break;
        c.subjects.push(next);
      }
    }
  }
  return clauses;
}

function relateSentence(ctx: ExtractContext, sentence: Sentence, mentions: Mention[], out: RelationMention[]): void {
  const lex = relationLexicon();
  const { view } = ctx;
  const status: Status = sentence.planned ? 'planned' : 'done';
  const clauses = splitClauses(ctx, sentence, mentions);
  // No named closures here (tsx names each one as it is made): this runs for every sentence of every report.
  const add = relationAdder(out, sentence, status);

  let actors: EntityMention[] = [];

  clauses.forEach((clause, ci) => {
    if (clause.subjects.length > 0) actors = clause.subjects;
    const actor = actors[0];
    const whos: Array<EntityMention | typeof AUTHOR> = actors.length > 0 ? actors : [AUTHOR];
    const cooperate = cooperation(ctx, clause, lex.cooperate);
    for (const target of clause.mentions) {
      if (target.type === 'Regulation') {
        const rule = issuingRule(ctx, clause, target, mentions);
        if (rule) for (const who of whos) add('ISSUED', who, target, rule);
      } else if (target.type === 'Program') {
        const owner = clause.mentions.find(
          (x): x is EntityMention => x.type === 'Agency' && view[x.end] === '的' && x.end + 1 === target.start,
        );
        if (owner) add('IMPLEMENTED', owner, target, 'implemented-possessive');
        else if (cooperate && cooperate.end <= target.start && implementingVerbBefore(ctx, clause, target, mentions)) add('IMPLEMENTED', cooperate, target, 'implemented-cooperation');
        else if (implementingVerbBefore(ctx, clause, target, mentions)) for (const who of whos) add('IMPLEMENTED', who, target, 'implemented-verb');
      }
    }
    for (const metric of metricsOf(clause)) {
      let programs = programsOf(clause);
      for (let back = ci - 1; programs.length === 0 && !clause.subject && back >= 0; back--) {
        const prev = clauses[back]!;
        programs = programsOf(prev);
        if (programs.length === 0 && metricsOf(prev).length === 0) break;
      }
      if (programs.length > 0) {
        for (const p of programs) add('MEASURED', p, metric, 'measured-program');
        continue;
      }
      let agency = clause.subject ?? meetingAgency(view, clause);
      for (let back = ci - 1; !agency && back >= 0; back--) {
        const prev = clauses[back]!;
        if (metricsOf(prev).length === 0) break;
        agency = prev.subject ?? meetingAgency(view, prev);
      }
      if (agency) add('MEASURED', agency, metric, 'measured-agency');
      else add('MEASURED', actor ?? AUTHOR, metric, actor ? 'measured-actor' : 'measured-author');
    }
  });
}

/** What adds a relation stated by `sentence` to `out`. */
function relationAdder(out: RelationMention[], sentence: Sentence, status: Status) {
  return (type: RelationType, source: EntityMention | typeof AUTHOR, target: EntityMention | MetricMention, rule: string) =>
    out.push({ type, source, target, sentence, rule, implicit: source === AUTHOR, status });
}

const programsOf = (c: Clause) => c.mentions.filter((x): x is EntityMention => x.type === 'Program');
const metricsOf = (c: Clause) => c.mentions.filter((x): x is MetricMention => x.type === 'Metric');
/** The agency whose meeting the clause reports (区政府常务会议审议…). */
const meetingAgency = (view: string, c: Clause) =>
  c.mentions.find((x): x is EntityMention => x.type === 'Agency' && /^(常务会议|全体会议|会议|党组会议)/.test(view.slice(x.end, x.end + 4)));

/** Step back from `at` over connectors and over other mentions of the same kind (a list of objects). */
function backOverList(ctx: ExtractContext, clause: Clause, at: number, kind: Mention['type'], mentions: Mention[]): number {
  const { view } = ctx;
  let p = backOver(view, clause, at, OPEN);
  for (;;) {
    const q = backOver(view, clause, p, CONNECTORS);
    const previous = mentionEndingAt(mentions, clause, kind, q) ?? mentionEndingAt(mentions, clause, kind, backOver(view, clause, q, CLOSE));
    if (!previous) return p;
    p = backOver(view, clause, previous.start, OPEN);
  }
}

/** Back from `from` over the characters of `chars`, not past the clause's start. */
function backOver(view: string, clause: Clause, from: number, chars: Uint8Array): number {
  let q = from;
  while (q > clause.start && chars[view.charCodeAt(q - 1)] === 1) q--;
  return q;
}

const mentionEndingAt = (mentions: Mention[], clause: Clause, kind: Mention['type'], end: number) =>
  mentions.find((x) => x.type === kind && x.end === end && x.start >= clause.start);

function issuingRule(ctx: ExtractContext, clause: Clause, target: EntityMention, mentions: Mention[]): string | undefined {
  const lex = relationLexicon();
  const p = backOverList(ctx, clause, target.start, 'Regulation', mentions);
  const verb = wordEndingAt(verbLists().beforeRegulation, ctx.view, p);
  if (!verb) return followedByIssuing(ctx, clause, target, mentions);
  if (verb === lex.submit.then && ctx.view.slice(clause.start, p).includes(lex.submit.verb)) return 'issued-submitted-for-review';
  return lex.issue.includes(verb) ? 'issued-verb' : lex.notIssue.includes(verb) ? undefined : followedByIssuing(ctx, clause, target, mentions);
}

/** 規劃正式發布, 完成A規劃及B方案編制: the verb that issues the document stands after it (or after its list). */
function followedByIssuing(ctx: ExtractContext, clause: Clause, target: EntityMention, mentions: Mention[]): string | undefined {
  const lex = regulationLexicon();
  let at = target.end;
  for (;;) {
    const next = mentions.find((x) => x.type === 'Regulation' && x.start === at + 1 && '、及和与'.includes(ctx.view[at] ?? '') && x.end <= clause.end);
    if (!next) break;
    at = next.end;
  }
  if (lex.issuedAfter.some((w) => ctx.view.startsWith(w, at))) return 'issued-verb-after';
  if (lex.compiledAfter.some((w) => ctx.view.startsWith(w, at))) return 'issued-compiled';
  return undefined;
}

interface VerbLists {
  /** Every verb that can stand before a regulation (which of them issues is decided after). */
  beforeRegulation: WordIndex;
  /** Verbs of carrying out. */
  implement: WordIndex;
  /** Verbs that stop the search back for a verb of implementing: blocks, issuing, not-issuing. */
  implementStoppers: WordIndex;
}
let verbListsCache: VerbLists | undefined;
/** Verb lists derived from the relation lexicon, indexed once (the rules look them up for every object). */
function verbLists(): VerbLists {
  const lex = relationLexicon();
  verbListsCache ??= {
    beforeRegulation: indexByLast([...lex.issue, ...lex.notIssue, ...lex.implement, ...lex.block, lex.submit.then]),
    implement: indexByLast(lex.implement),
    implementStoppers: indexByLast([...lex.block, ...lex.issue, ...lex.notIssue.filter((v) => !lex.implement.includes(v))]),
  };
  return verbListsCache;
}

/**
 * Did the clause's actor carry out `target`? The nearest verb before it (or before the list it stands in)
 * decides: a verb of carrying out says yes, one that governs it otherwise (纳入, 对接, 获评, a document
 * verb) says no, a preposition right before it (与…对接, 对…) says no. With no verb before it the program is
 * what the clause is about (一是街道综合执法改革顺利落地, “织网工程”试点取得成效): yes.
 */
function implementingVerbBefore(ctx: ExtractContext, clause: Clause, target: EntityMention, mentions: Mention[]): boolean {
  const { view } = ctx;
  const p = backOverList(ctx, clause, target.start, 'Program', mentions);
  if (PREPOSITIONS.test(view[p - 1] ?? '')) return false;
  const { implement, implementStoppers: stoppers } = verbLists();
  for (let q = p; q > clause.start; q--) {
    if (wordEndingAt(implement, view, q)) return true;
    // A verb followed by 的 modifies a noun (…等部門參與的“四位一體”聯動機制): it does not govern the program.
    if (wordEndingAt(stoppers, view, q) && view[q] !== '的') return false;
  }
  // No known verb: the program is what the clause is about only when it opens the clause (after its subject).
  const opening = clause.subject ? clause.subject.end : clause.start;
  return LEAD.test(view.slice(opening, p).trim()) || p - opening <= 2;
}

/** 配合國務院辦公廳開展…: the agency after a verb of cooperation is the actor of what follows. */
function cooperation(ctx: ExtractContext, clause: Clause, verbs: string[]): EntityMention | undefined {
  return clause.mentions.find(
    (x): x is EntityMention => x.type === 'Agency' && verbs.some((v) => ctx.view.slice(x.start - v.length, x.start) === v),
  );
}
