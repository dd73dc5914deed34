/** GEXF through graphology-gexf's writer: labels from names, lists and objects as JSON text. */
import gexf from 'graphology-gexf';
import type { SerializedGraph } from '../graph/model.js';
import { toGraphology } from '../graph/store.js';
import { encodeAttributes } from './encode.js';

export function writeGexf(graph: SerializedGraph): string {
  const g = toGraphology(graph);
  return gexf.write(g as never, {
    formatNode: (_key: string, attributes: Record<string, unknown>) => ({ label: String(attributes.name), attributes: encodeAttributes(attributes) }),
    formatEdge: (_key: string, attributes: Record<string, unknown>) => ({ label: String(attributes.type), attributes: encodeAttributes(attributes) }),
  } as never);
}
