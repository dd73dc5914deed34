/**
 * GraphML writer (graphology-graphml only parses): every attribute as a typed <key>, lists and objects
 * as JSON text, XML-escaped, node and edge keys as ids. Readable by Gephi, yEd and graphology-graphml.
 * Pure: no I/O, so the viewer uses it too.
 */
import type { SerializedGraph } from '../graph/model.js';
import { encodeAttributes } from './encode.js';

type Kind = 'string' | 'double' | 'boolean' | 'int';

export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** In attribute values a parser turns new lines and tabs into spaces unless they are character references. */
const escapeAttribute = (text: string): string => escapeXml(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

const kindOf = (v: unknown): Kind => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'double' : 'string');

export function writeGraphml(graph: SerializedGraph): string {
  const keys = new Map<string, { id: string; for: 'graph' | 'node' | 'edge'; name: string; type: Kind }>();
  const keyFor = (target: 'graph' | 'node' | 'edge', name: string, value: unknown) => {
    const id = `${target[0]}_${name}`;
    if (!keys.has(id)) keys.set(id, { id, for: target, name, type: kindOf(value) });
    else if (keys.get(id)!.type !== kindOf(value)) keys.get(id)!.type = 'string';
    return id;
  };
  const data = (target: 'graph' | 'node' | 'edge', attributes: Record<string, unknown>) =>
    Object.entries(encodeAttributes(attributes))
      .map(([k, v]) => `<data key="${escapeAttribute(keyFor(target, k, v))}">${escapeXml(String(v))}</data>`)
      .join('');
  const graphData = data('graph', graph.attributes as unknown as Record<string, unknown>);
  const nodes = graph.nodes.map((n) => `    <node id="${escapeAttribute(n.key)}">${data('node', n.attributes as unknown as Record<string, unknown>)}</node>`);
  const edges = graph.edges.map(
    (e) => `    <edge id="${escapeAttribute(e.key)}" source="${escapeAttribute(e.source)}" target="${escapeAttribute(e.target)}">${data('edge', e.attributes as unknown as Record<string, unknown>)}</edge>`,
  );
  const keyLines = [...keys.values()].map((k) => `  <key id="${escapeAttribute(k.id)}" for="${k.for}" attr.name="${escapeAttribute(k.name)}" attr.type="${k.type}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines,
    '  <graph edgedefault="directed">',
    graphData ? `    ${graphData}` : '',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
