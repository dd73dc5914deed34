/** The extraction rules kept as data under data/extract/, read once. All strings are simplified. */
import { readFileSync } from 'node:fs';
import { LexiconError } from '../errors.js';
import { dataPath } from '../paths.js';
import { simplify } from '../text/script.js';

export interface AgencyLexicon {
  levels: Record<string, string>;
  suffixes: string[];
  stemStop: string;
  maxStem: number;
  stemExpansions: Record<string, string>;
  national: { prefixes: string[]; fixed: string[]; authors: string[] };
  courts: string[];
  selfReference: Record<string, string>;
  scopeWords: Record<string, string>;
  singleCharSuffixStop: string[];
  stemVerbs: string[];
  /** Characters after which 区 or 市 is part of a word (湾区, 社区, 城市), not a level. */
  levelNotAfter: string;
  /** Characters before which 区, 市 or a place name is part of a word (区域, 市民, 区长, 光明区域…), not a body's name. */
  levelNotBefore: string;
  /** Besides the verbs of cooperation, verbs after which a body named without a place is the author's own (接受人大…监督). */
  bodyVerbs: string[];
}

export interface RelationLexicon {
  issue: string[];
  submit: { verb: string; then: string };
  implement: string[];
  cooperate: string[];
  notIssue: string[];
  block: string[];
}

export interface ProgramLexicon {
  headNouns: string[];
  extendOver: string;
  maxExtension: number;
  domainPrefixes: string[];
  unquotedHeads: string[];
  unquotedMaxLength: number;
  unquotedMinLength: number;
  unquotedStart: string[];
  notPrograms: string[];
  notProgramHeadsOfDocuments: string[];
  sloganMarkers: string[];
  notProgramAfter: string[];
  quoteMinLength: number;
  bareQuoteMinLength: number;
  titleVerbsBefore: string[];
  titleWordsAfter: string[];
  /** A quoted name with no head noun after it is a program only when it ends so (“織網工程”, “秒批”通…) or a verb of carrying out governs it. */
  bareQuoteHeads: string[];
  /** Regular expressions: quoted content that is a period or a slogan (“十四五”, “四个意识”). */
  sloganPatterns: string[];
  /** How long a noun phrase between a verb and a quote may be and still be part of the name (推行政务服务“好差评”制度). */
  prefixMaxLength: number;
  /** Programs named without quotes or a head noun, found anywhere (河长制, 告知承诺制, 繁简分流). */
  knownPrograms: string[];
  /** Words that open a clause whose subject is a program (一是街道综合行政执法改革顺利落地). */
  clauseStartMarkers: string[];
  /** Scope words left out of a prefix (開展全市“全民反詐”專項行動 → “全民反詐”專項行動). */
  prefixScopeWords: string[];
  /** A prefix ending so names who acts, not the program (開展國家機關“誰執法誰普法”…). */
  notPrefixEnds: string[];
  /** Words after a name that opens a clause and show it is an undertaking in progress (社區家園網完成升級). */
  progressAfter: string[];
  /** Adverbs between a clause's subject and its word of progress (还获评, 已建成). */
  progressAdverbs: string[];
  /** Words that open a clause before its subject (随着厦深高铁通车): the subject starts after them. */
  subjectLeadWords: string[];
  /** Characters that end an unquoted name wherever they stand (的, 等, the joins of a list). */
  nameBreaks: string;
  /** Function words that end an unquoted name when they start a word (在 ends it, 在线 and 行为 do not). */
  nameBreaksAsWords: string;
  /** Words that end an unquoted name wherever they stand (关于, 成为). */
  nameBreakWords: string[];
  /** Words that start with a function word and still belong to a name (在线, 对口, 并行). */
  unbrokenWords: string[];
  /** Regular expressions: an unquoted name that opens with a count names a class, not a program (两个结对帮扶项目). */
  countedClassPatterns: string[];
  /** What a list ends with when its members are projects (…、…等重大项目, 等项目): 等, a count, ≤4 characters, one of these. */
  listClassHeads: string[];
  /** How a member of such a list ends when it is a named project (盐港东立交, 坪盐通道, 东莞-盐田组合港); with its shortest length. */
  listMemberHeads: string[];
  listMemberMinLength: number;
  /** Words before a member that are not part of its name (依托, 争取, 以及). */
  listLeadWords: string[];
  /** nodejieba's tags of proper names (places, organisations, brands, unknown words): a member needs one (坪盐通道, not 会展中心). */
  properNameTags: string[];
  /** nodejieba's tags of a clause's first word that show the clause opens with no program for subject (verbs, adverbs, prepositions). */
  notSubjectTags: string[];
  /** Document words after a program's head that make the whole a document's name (…三年行动方案, …改革意见). */
  documentsOfPrograms: string[];
  /** The work on a named project or place that makes it a program (粤港澳大湾区建设, 公交都市示范区建设). */
  workWords: string[];
}

export interface MetricLexicon {
  units: string[];
  zhNumeralUnits: string[];
  prefixQualifiers: string[];
  suffixQualifiers: string[];
  notBefore: string[];
  notAfter: string[];
  durationPrefixes: string[];
  unitAliases: Record<string, string>;
  /** Units with a multiplier in front (亿元 = 1e8 元): values are kept in the base unit, so figures compare. */
  scaledUnits: string[];
  /** Classifiers after which the counted noun follows (120份…規範性文件). */
  countUnits: string[];
  /** Words that open a clause but are not what is measured (全年, 共计, 其中…). */
  labelLeadWords: string[];
  /** Words between a label and its number that are not part of the label (突破, 约, 分别为…). */
  labelTrailWords: string[];
  /** Verbs of change: a label that is only one of them borrows its subject (两税收入50.2亿元，增长10.5%). */
  changeWords: string[];
  /** Nouns jieba tags as verbs (收入, 就业, 投资, 诉求…): a label may end in one, a counted noun goes on past one. */
  measureNouns: string[];
  /** Besides the verbs of carrying out, verbs at which a long phrase before a figure is cut (…开展工业产品抽样送检480批次). */
  labelVerbs: string[];
  /** Words before a year in a figure's sentence that make the figure that year's (到2020年…达3900亿元). */
  targetYearWords: string[];
}

export interface RegulationLexicon {
  documentSuffixes: string[];
  notRegulationSuffixes: string[];
  maxUnbracketed: number;
  /** Besides documentSuffixes, how a 《》 title of a document may end (…法, …協定, …準則); other titles are songs, books, shows. */
  titleDocumentEnds: string[];
  /** Words after a 《》 title that show it is not a document (《習近平法治思想》專題課). */
  notRegulationAfter: string[];
  /** How a description of documents, not a name, starts (一系列政策措施, 相关配套文件). */
  genericStarts: string[];
  /** Verbs after a document that opens a clause and show it was issued (坪山河流域综合开发规划正式发布). */
  issuedAfter: string[];
  /** Words after a list of documents that show they were drawn up (完成A规划及B方案编制). */
  compiledAfter: string[];
}

/**
 * The shape of each lexicon file, checked when it loads: every key known and present, every list of
 * words free of duplicates, every entry in simplified characters (matching runs on the simplified
 * view, so a traditional entry would never match). Keys starting with `_` are comments.
 */
type Field = 'words' | 'chars' | 'text' | 'int' | 'map' | 'patterns' | { object: Schema } | { list: Schema } | { values: readonly string[] } | { each: readonly string[] };
type Schema = Record<string, Field>;

const LEVELS = ['national', 'province', 'city', 'district', 'county', 'town'] as const;
const SCHEMAS: Record<string, Schema> = {
  agency: {
    levels: { values: LEVELS },
    suffixes: 'words',
    stemStop: 'chars',
    maxStem: 'int',
    stemExpansions: 'map',
    national: { object: { prefixes: 'words', fixed: 'words', authors: 'words' } },
    courts: 'words',
    selfReference: { values: LEVELS },
    scopeWords: { values: LEVELS },
    singleCharSuffixStop: 'words',
    stemVerbs: 'words',
    levelNotAfter: 'chars',
    levelNotBefore: 'chars',
    bodyVerbs: 'words',
  },
  relations: { issue: 'words', submit: { object: { verb: 'text', then: 'text' } }, implement: 'words', cooperate: 'words', notIssue: 'words', block: 'words' },
  program: {
    headNouns: 'words',
    extendOver: 'text',
    maxExtension: 'int',
    domainPrefixes: 'words',
    unquotedHeads: 'words',
    unquotedMaxLength: 'int',
    unquotedMinLength: 'int',
    unquotedStart: 'words',
    notPrograms: 'words',
    notProgramHeadsOfDocuments: 'words',
    sloganMarkers: 'words',
    notProgramAfter: 'words',
    quoteMinLength: 'int',
    bareQuoteMinLength: 'int',
    titleVerbsBefore: 'words',
    titleWordsAfter: 'words',
    bareQuoteHeads: 'words',
    sloganPatterns: 'patterns',
    prefixMaxLength: 'int',
    knownPrograms: 'words',
    clauseStartMarkers: 'words',
    prefixScopeWords: 'words',
    notPrefixEnds: 'words',
    progressAfter: 'words',
    progressAdverbs: 'words',
    subjectLeadWords: 'words',
    nameBreaks: 'chars',
    nameBreaksAsWords: 'chars',
    nameBreakWords: 'words',
    unbrokenWords: 'words',
    countedClassPatterns: 'patterns',
    listClassHeads: 'words',
    listMemberHeads: 'words',
    listMemberMinLength: 'int',
    listLeadWords: 'words',
    properNameTags: 'words',
    notSubjectTags: 'words',
    documentsOfPrograms: 'words',
    workWords: 'words',
  },
  metric: {
    units: 'words',
    zhNumeralUnits: 'words',
    prefixQualifiers: 'words',
    suffixQualifiers: 'words',
    notBefore: 'words',
    notAfter: 'words',
    durationPrefixes: 'words',
    unitAliases: 'map',
    scaledUnits: 'words',
    countUnits: 'words',
    labelLeadWords: 'words',
    labelTrailWords: 'words',
    changeWords: 'words',
    measureNouns: 'words',
    labelVerbs: 'words',
    targetYearWords: 'words',
  },
  regulation: { documentSuffixes: 'words', notRegulationSuffixes: 'words', maxUnbracketed: 'int', titleDocumentEnds: 'words', notRegulationAfter: 'words', genericStarts: 'words', issuedAfter: 'words', compiledAfter: 'words' },
  zones: { zones: { list: { name: 'text', parent: 'text', note: 'text', successor: 'text' } } },
  measures: { leadWords: 'words', trailWords: 'words', measures: { list: { name: 'text', unit: 'text', labels: 'words', fallLabels: 'words', levels: { each: LEVELS } } } },
  track: { variantTrailWords: 'words', minVariantCore: 'int', minQualifiedName: 'int', qualifierWords: 'words' },
  period: { maxHeadingLength: 'int', secondHalfFrom: 'int', undatedNewTermMonth: 'int', planHeadingWords: 'words', reviewHeadingWords: 'words', reviewOpenings: 'words', multiYearReviewWords: 'words' },
};
/** Keys of list items that may be left out. */
const OPTIONAL_KEYS = new Set(['note', 'successor', 'levels']);

/** The first character of `text` that is written differently in simplified script, if any. */
function traditionalChar(text: string): string | undefined {
  for (const ch of text) if (simplify(ch) !== ch) return ch;
  return undefined;
}

/** Check `value` against `schema`; throws a LexiconError naming the file, the key and the entry. */
export function checkLexicon(file: string, value: unknown, schema: Schema, path = ''): void {
  const fail = (where: string, what: string): never => {
    throw new LexiconError(`${file}: ${where}: ${what}`, file);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path || '(top)', 'expected an object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!key.startsWith('_') && !(key in schema)) fail(`${path}${key}`, `unknown key (known: ${Object.keys(schema).join(', ')})`);
  for (const [key, field] of Object.entries(schema)) {
    const where = `${path}${key}`;
    const v = record[key];
    if (v === undefined) {
      if (OPTIONAL_KEYS.has(key)) continue;
      fail(where, 'missing');
    }
    const simplified = (text: string, entry: string) => {
      const ch = traditionalChar(text);
      if (ch) fail(where, `${entry} has the traditional character "${ch}"; write entries in simplified characters (they match both scripts)`);
    };
    if (field === 'int') {
      if (!Number.isInteger(v) || (v as number) < 0) fail(where, `expected a whole number, got ${JSON.stringify(v)}`);
    } else if (field === 'text' || field === 'chars') {
      if (typeof v !== 'string') fail(where, `expected a string, got ${JSON.stringify(v)}`);
      simplified(v as string, JSON.stringify(v));
    } else if (field === 'patterns') {
      if (!Array.isArray(v)) fail(where, 'expected a list of regular expressions');
      for (const x of v as unknown[]) {
        try {
          new RegExp(x as string, 'u');
        } catch (error) {
          fail(where, `${JSON.stringify(x)} is not a regular expression (${(error as Error).message})`);
        }
      }
    } else if (field === 'words') {
      if (!Array.isArray(v)) fail(where, 'expected a list of words');
      const seen = new Set<string>();
      for (const w of v as unknown[]) {
        if (typeof w !== 'string' || w === '') fail(where, `entry ${JSON.stringify(w)} is not a word`);
        if (seen.has(w as string)) fail(where, `"${w}" appears twice`);
        seen.add(w as string);
        simplified(w as string, `"${w}"`);
      }
    } else if (typeof field === 'object' && 'each' in field) {
      if (!Array.isArray(v)) fail(where, `expected a list of ${field.each.join(', ')}`);
      for (const x of v as unknown[]) if (!field.each.includes(x as string)) fail(where, `${JSON.stringify(x)} is not one of ${field.each.join(', ')}`);
    } else if (field === 'map' || 'values' in field) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(where, 'expected an object of words');
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        simplified(k, `"${k}"`);
        if (typeof x !== 'string') fail(`${where}.${k}`, `expected a string, got ${JSON.stringify(x)}`);
        if (field !== 'map' && !field.values.includes(x as string)) fail(`${where}.${k}`, `"${x}" is not one of ${field.values.join(', ')}`);
        if (field === 'map') simplified(x as string, `"${x}"`);
      }
    } else if ('object' in field) {
      checkLexicon(file, v, field.object, `${where}.`);
    } else {
      if (!Array.isArray(v)) fail(where, 'expected a list');
      (v as unknown[]).forEach((item, i) => checkLexicon(file, item, field.list, `${where}[${i}].`));
    }
  }
}

/** The schema a lexicon file is checked against. */
export const lexiconSchema = (name: keyof typeof SCHEMAS & string): Schema => SCHEMAS[name]!;

const cache = new Map<string, unknown>();
/** A lexicon of data/extract/, read and checked once. */
export function loadLexicon<T>(name: keyof typeof SCHEMAS & string): T {
  if (!cache.has(name)) {
    const file = dataPath('extract', `${name}.json`);
    const shown = `data/extract/${name}.json`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new LexiconError(`${shown}: cannot be read as JSON (${(error as Error).message})`, shown);
    }
    checkLexicon(shown, parsed, SCHEMAS[name]!);
    cache.set(name, parsed);
  }
  return cache.get(name) as T;
}

export const agencyLexicon = (): AgencyLexicon => loadLexicon('agency');
export const relationLexicon = (): RelationLexicon => loadLexicon('relations');
export const programLexicon = (): ProgramLexicon => loadLexicon('program');
export const metricLexicon = (): MetricLexicon => loadLexicon('metric');
export const regulationLexicon = (): RegulationLexicon => loadLexicon('regulation');

/** Alternation of literal strings, longest first, for building regular expressions. */
export function alternation(words: string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
