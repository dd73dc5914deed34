/** Downloads of the visible subgraph, written by the same writers as `report2graph export`. */
import { MultiDirectedGraph } from 'graphology';
import gexf from 'graphology-gexf/browser';
import { gexfFormatters } from '../../src/export/encode.js';
import { writeGraphml } from '../../src/export/graphml.js';
import type { SerializedGraph } from '../../src/graph/model.js';
import { serializeGraph } from '../../src/graph/serialize.js';

export type ExportFormat = 'graphml' | 'gexf' | 'json';

export function exportText(graph: SerializedGraph, format: ExportFormat): string {
  if (format === 'graphml') return writeGraphml(graph);
  if (format === 'json') return serializeGraph(graph);
  const g = new MultiDirectedGraph();
  g.import(graph as never);
  return gexf.write(g as never, gexfFormatters as never);
}

export function download(text: string, filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
