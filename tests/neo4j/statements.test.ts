import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { fillTemplate, readCypher, splitStatements } from '../../src/neo4j/cypher.js';
import { documentStatements, naiveStatements, nodeStatements, relationshipStatements, rowHash } from '../../src/neo4j/statements.js';
import { schemaStatements } from '../../src/neo4j/writer.js';
import { assertReadOnlyText, READ_DEFAULTS, resolveReadLimits } from '../../src/neo4j/reader.js';
import { DEFAULT_RETRY_SECONDS, settingsFromEnv } from '../../src/neo4j/connection.js';

const graph: SerializedGraph = {
  attributes: {
    extractorVersion: '0.1.0',
    documents: [{ id: 'd', title: 'D', path: 'd.txt', sha256: 'x', chars: 10, year: 2023, encoding: 'utf-8', jurisdiction: '東莞市', script: 'traditional', damage: [] }],
  },
  options: { type: 'directed', multi: true, allowSelfLoops: false },
  nodes: [
    { key: 'Agency:东莞市人民政府', attributes: { type: 'Agency', name: '東莞市人民政府', nameSimplified: '东莞市人民政府', aliases: ['市政府', '東莞市人民政府'], mentions: [{ doc: 'd', start: 0, end: 3 }] } },
    { key: 'Program:"放管服"改革', attributes: { type: 'Program', name: '“放管服”改革', nameSimplified: '“放管服”改革', aliases: ['“放管服”改革'], mentions: [{ doc: 'd', start: 5, end: 12 }] } },
    { key: 'Program:x', attributes: { type: 'Program', name: 'x', nameSimplified: 'x', aliases: ['x'], mentions: [] } },
  ],
  edges: [
    {
      key: 'IMPLEMENTED|Agency:东莞市人民政府|Program:"放管服"改革|done',
      source: 'Agency:东莞市人民政府',
      target: 'Program:"放管服"改革',
      attributes: { type: 'IMPLEMENTED', evidence: [{ doc: 'd', start: 0, end: 12, sentence: '市政府深化“放管服”改革', section: [], rule: 'implemented-verb' }], implicit: false, rule: 'implemented-verb', status: 'done' },
    },
  ],
};

describe('writer statements', () => {
  it('merges nodes per whitelisted label with every value as a parameter', () => {
    const statements = nodeStatements(graph, 1);
    expect(statements).toHaveLength(3);
    expect(statements[0]!.query).toBe(fillTemplate(readCypher('write/merge-nodes.cypher'), { LABEL: 'Agency' }));
    expect(statements[0]!.query).toMatch(/^UNWIND \$rows AS row\nMERGE \(n:Agency \{key: row\.key\}\)/);
    expect(statements[0]!.params).toEqual({
      rows: [
        {
          key: 'Agency:东莞市人民政府',
          props: { type: 'Agency', name: '東莞市人民政府', nameSimplified: '东莞市人民政府' },
          aliases: ['市政府', '東莞市人民政府'],
          aliasesSimplified: ['市政府', '东莞市人民政府'],
          mentions: ['{"doc":"d","start":0,"end":3}'],
          docs: ['d'],
          hash: expect.stringMatching(/^[0-9a-f]{40}$/),
        },
      ],
    });
    // What a re-load asks first: which of these rows the database holds already, by key and content hash.
    expect(statements[0]!.applied).toEqual({
      query: fillTemplate(readCypher('write/applied-nodes.cypher'), { LABEL: 'Agency' }),
      params: { rows: [{ key: 'Agency:东莞市人民政府', hash: (statements[0]!.params.rows as Array<{ hash: string }>)[0]!.hash }] },
    });
    expect(statements[1]!.query).toContain('MERGE (n:Program {key: row.key})');
    expect(nodeStatements(graph, 1000).map((s) => (s.params.rows as unknown[]).length)).toEqual([1, 2]);
  });

  it('merges relationships per type and end labels, evidence as JSON strings, with the reports they are stated in', () => {
    const [s] = relationshipStatements(graph);
    expect(s!.query).toContain('MATCH (s:Agency {key: row.source})\nMATCH (t:Program {key: row.target})\nMERGE (s)-[r:IMPLEMENTED {key: row.key}]->(t)');
    expect(s!.params).toEqual({
      rows: [
        {
          key: graph.edges[0]!.key,
          source: 'Agency:东莞市人民政府',
          target: 'Program:"放管服"改革',
          props: { implicit: false, rule: 'implemented-verb', status: 'done' },
          evidence: ['{"doc":"d","start":0,"end":12,"sentence":"市政府深化“放管服”改革","section":[],"rule":"implemented-verb"}'],
          docs: ['d'],
          hash: expect.stringMatching(/^[0-9a-f]{40}$/),
        },
      ],
    });
    expect(s!.applied!.query).toContain(
      ['MATCH (s:Agency {key: row.source})', 'WITH s, row', 'MATCH (t:Program {key: row.target})', 'WITH s, t, row', 'MATCH (s)-[r:IMPLEMENTED {key: row.key}]->(t)', 'WHERE r.loadHash = row.hash'].join('\n'),
    );
  });

  it('builds a batch\'s rows only when the batch is reached, once', () => {
    let read = 0;
    const counted: SerializedGraph = {
      ...graph,
      nodes: graph.nodes.map((n) => ({
        key: n.key,
        get attributes() {
          read++;
          return n.attributes;
        },
      })),
    };
    const statements = nodeStatements(counted, 1);
    const grouping = read;
    expect(statements).toHaveLength(3);
    expect(read).toBe(grouping);
    const rows = statements[1]!.params.rows;
    expect(read).toBe(grouping + 1);
    expect(statements[1]!.params.rows).toBe(rows);
    expect(statements[1]!.applied!.params.rows).toEqual([{ key: 'Program:"放管服"改革', hash: (rows as Array<{ hash: string }>)[0]!.hash }]);
    expect(read).toBe(grouping + 1);
    expect(statements[1]!.firstLoad).toBe(fillTemplate(readCypher('write/create-nodes.cypher'), { LABEL: 'Program' }));
  });

  it('writes documents with their damage and the extractor version', () => {
    const [s] = documentStatements(graph);
    expect(s!.query).toBe('UNWIND $rows AS row\nMERGE (d:Document {id: row.id})\nSET d += row.props');
    expect((s!.params.rows as Array<{ props: Record<string, unknown> }>)[0]!.props).toMatchObject({ title: 'D', year: 2023, damage: [], extractorVersion: '0.1.0' });
  });

  it('never puts a name outside the whitelist into Cypher', () => {
    expect(() => fillTemplate('MERGE (n:__LABEL__)', { LABEL: 'Agency) DETACH DELETE n //' })).toThrow(UsageError);
    expect(() => fillTemplate('MERGE ()-[:__TYPE__]->()', { TYPE: 'KNOWS' })).toThrow(/TYPE must be one of ISSUED, IMPLEMENTED, MEASURED, MENTIONED_IN/);
    expect(naiveStatements(graph)).toHaveLength(4);
  });

  it('splits the schema into idempotent statements: the constraints a load needs first, the full-text index it may create after its data', () => {
    const schema = schemaStatements();
    expect(schema.length).toBe(6);
    for (const s of schema) expect(s).toMatch(/IF NOT EXISTS/);
    expect(schema.at(-1)).toContain("`fulltext.analyzer`: 'cjk'");
    const constraints = schemaStatements('constraints');
    expect(constraints.map((s) => /^CREATE CONSTRAINT (\w+)/.exec(s)?.[1])).toEqual(['agency_key', 'regulation_key', 'program_key', 'metric_key', 'document_id']);
    expect(schemaStatements('indexes')).toEqual([schema.at(-1)]);
    expect(splitStatements('// c\nRETURN 1;\nRETURN 2;')).toEqual(['RETURN 1', 'RETURN 2']);
  });

  it('refuses write clauses in read-only Cypher before sending it, but not the words inside strings', () => {
    for (const q of ['CREATE (n)', 'MATCH (n) MERGE (m)', 'MATCH (n) DETACH DELETE n', 'MATCH (n) SET n.x = 1', 'CALL dbms.security.createUser("a","b",false)', 'MATCH (n) REMOVE n.x', 'LOAD CSV FROM "x" AS r RETURN r']) {
      expect(() => assertReadOnlyText(q), q).toThrow(UsageError);
    }
    expect(() => assertReadOnlyText("MATCH (n) WHERE n.name = 'CREATE' RETURN n // SET")).not.toThrow();
  });
});

describe('content hashes of rows', () => {
  it('are the same for the same row and differ when anything in it does', () => {
    const row = { key: 'Agency:x', props: { name: 'x' }, aliases: ['x'] };
    expect(rowHash(row)).toBe(rowHash({ key: 'Agency:x', props: { name: 'x' }, aliases: ['x'] }));
    expect(rowHash({ ...row, aliases: ['x', 'y'] })).not.toBe(rowHash(row));
    const again = nodeStatements(graph, 1000)[0]!.params.rows as Array<{ hash: string }>;
    const changed = nodeStatements({ ...graph, nodes: graph.nodes.map((n, i) => (i === 0 ? { ...n, attributes: { ...n.attributes, aliases: [...n.attributes.aliases, '東莞'] } } : n)) }, 1000)[0]!.params.rows as Array<{ hash: string }>;
    expect(changed[0]!.hash).not.toBe(again[0]!.hash);
  });
});

describe('options in one place', () => {
  it('read limits: the defaults where none is given, a bad one refused naming it', () => {
    expect(resolveReadLimits()).toEqual(READ_DEFAULTS);
    expect(resolveReadLimits({ maxRows: 5, timeoutMs: undefined })).toEqual({ ...READ_DEFAULTS, maxRows: 5 });
    expect(() => resolveReadLimits({ timeoutMs: 0 })).toThrow(UsageError);
    expect(() => resolveReadLimits({ maxRows: 2.5 })).toThrow(/maxRows must be a whole number above 0, not 2\.5/);
  });

  it('Neo4j settings: the retry time from its one default, or as given', () => {
    expect(settingsFromEnv({}).retrySeconds).toBe(DEFAULT_RETRY_SECONDS);
    expect(settingsFromEnv({}, { retrySeconds: 5, uri: undefined }).retrySeconds).toBe(5);
  });
});
