import { describe, expect, it } from 'vitest';
import { LexiconError } from '../../src/errors.js';
import { agencyLexicon, checkLexicon, lexiconSchema, loadLexicon, metricLexicon, programLexicon, regulationLexicon, relationLexicon } from '../../src/extract/lexicon.js';

const check = (value: unknown) => () => checkLexicon('data/extract/relations.json', value, lexiconSchema('relations'));
const GOOD = { _comment: 'x', issue: ['印发'], submit: { verb: '提请', then: '审议' }, implement: ['开展'], cooperate: ['配合'], notIssue: ['落实'], block: ['纳入'] };

describe('rule lexicons as data, checked when they load', () => {
  it('loads every shipped lexicon', () => {
    for (const load of [agencyLexicon, relationLexicon, programLexicon, metricLexicon, regulationLexicon]) expect(load).not.toThrow();
    for (const name of ['zones', 'period', 'measures', 'track'] as const) expect(() => loadLexicon(name)).not.toThrow();
  });

  it('refuses a measure limited to a level that does not exist', () => {
    const measures = (levels: unknown) => () => checkLexicon('data/extract/measures.json', { leadWords: [], trailWords: [], measures: [{ name: '国内生产总值', unit: '元', labels: ['国内生产总值'], fallLabels: [], levels }] }, lexiconSchema('measures'));
    expect(measures(['national'])).not.toThrow();
    expect(measures(['nation'])).toThrow('data/extract/measures.json: measures[0].levels: "nation" is not one of national, province, city, district, county, town');
  });

  it('accepts a lexicon of the right shape, comments included', () => {
    expect(check(GOOD)).not.toThrow();
  });

  it('refuses an unknown key, naming the file and the key', () => {
    expect(check({ ...GOOD, implemnt: ['推进'] })).toThrow(LexiconError);
    expect(check({ ...GOOD, implemnt: ['推进'] })).toThrow(/^data\/extract\/relations\.json: implemnt: unknown key/);
  });

  it('refuses a traditional-character entry, naming the entry and the character', () => {
    expect(check({ ...GOOD, issue: ['印發'] })).toThrow('data/extract/relations.json: issue: "印發" has the traditional character "發"');
  });

  it('refuses a duplicate and a missing key', () => {
    expect(check({ ...GOOD, block: ['纳入', '对接', '纳入'] })).toThrow('data/extract/relations.json: block: "纳入" appears twice');
    const { cooperate: _c, ...missing } = GOOD;
    expect(check(missing)).toThrow('data/extract/relations.json: cooperate: missing');
  });

  it('refuses a value of the wrong kind inside an object', () => {
    expect(check({ ...GOOD, submit: { verb: '提请', then: 3 } })).toThrow('data/extract/relations.json: submit.then: expected a string, got 3');
  });
});
