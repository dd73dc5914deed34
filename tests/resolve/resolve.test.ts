import { describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../src/extract/index.js';
import { serializeGraph } from '../../src/graph/io.js';
import { buildGraph } from '../../src/resolve/resolve.js';
import { documentFromText, readDocument } from '../../src/text/document.js';
import { SEED_PATH } from '../helpers/seed.js';

describe('resolution', () => {
  it('merges one entity across documents in traditional and simplified script, naming it as the first document does', () => {
    const a = extractDocument(documentFromText('2023年,東莞市堅持改革。市政府印發《東莞市優化營商環境條例》。', 'a-trad'));
    const b = extractDocument(documentFromText('2024年,东莞市坚持改革。东莞市人民政府落实《东莞市优化营商环境条例》。', 'b-simp'));
    const graph = buildGraph([b, a], EXTRACTOR_VERSION);
    const gov = graph.nodes.filter((n) => n.attributes.nameSimplified === '东莞市人民政府');
    expect(gov).toHaveLength(1);
    expect(gov[0]!.attributes.name).toBe('東莞市人民政府');
    expect(gov[0]!.attributes.aliases).toEqual(['东莞市人民政府', '市政府', '東莞市人民政府']);
    expect(gov[0]!.attributes.mentions.map((m) => m.doc)).toEqual(['a-trad', 'b-simp']);
    expect(graph.nodes.filter((n) => n.attributes.type === 'Regulation')).toHaveLength(1);
  });

  it('attributes facts with no stated actor to the government that writes the report, marked implicit', () => {
    const x = extractDocument(documentFromText('2023年,東莞市堅持改革。\n開展“全民反詐”專項行動。', 'doc'));
    const graph = buildGraph([x], EXTRACTOR_VERSION);
    const edge = graph.edges.find((e) => e.attributes.type === 'IMPLEMENTED')!;
    expect(edge.source).toBe('Agency:东莞市人民政府');
    expect(edge.attributes).toMatchObject({ implicit: true, status: 'done', rule: 'implemented-verb' });
    expect(edge.attributes.evidence[0]).toMatchObject({ doc: 'doc', sentence: '開展“全民反詐”專項行動。', section: [] });
  });

  it('gives the same graph, byte for byte, for the same input', async () => {
    const once = serializeGraph(buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION));
    const twice = serializeGraph(buildGraph([extractDocument(await readDocument(SEED_PATH))], EXTRACTOR_VERSION));
    expect(once).toBe(twice);
  });
});
