/** GEXF through graphology-gexf's writer: labels from names, lists and objects as JSON text. */
import gexf from 'graphology-gexf';
import type { SerializedGraph } from '../graph/model.js';
import { toGraphology } from '../graph/store.js';
import { gexfFormatters } from './encode.js';

export function writeGexf(graph: SerializedGraph): string {
  return gexf.write(toGraphology(graph) as never, gexfFormatters as never);
}
