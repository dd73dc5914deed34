/** The on-disk text of a graph: graphology's serialized form as one JSON line. Pure, for the CLI and the viewer. */
import type { SerializedGraph } from './model.js';

export function serializeGraph(graph: SerializedGraph): string {
  return `${JSON.stringify(graph)}\n`;
}
