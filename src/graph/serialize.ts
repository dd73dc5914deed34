/** The on-disk text of a graph: graphology's serialized form as one JSON line. Pure, for the CLI and the viewer. */
import type { SerializedGraph } from './model.js';

/** About how many characters each piece of `graphChunks` holds. */
const CHUNK = 1 << 20;

/**
 * The text of `serializeGraph` in pieces of about a megabyte. Nodes and edges are stringified one by
 * one, so a graph whose text is longer than a JavaScript string can hold (about 512 MB) still writes.
 */
export function* graphChunks(graph: SerializedGraph): Generator<string> {
  let buffer = '{';
  let separator = '';
  for (const [key, value] of Object.entries(graph) as Array<[string, unknown]>) {
    if (value === undefined || typeof value === 'function') continue; // left out, as JSON.stringify does
    buffer += `${separator}${JSON.stringify(key)}:`;
    separator = ',';
    if (!Array.isArray(value)) {
      buffer += JSON.stringify(value);
      continue;
    }
    buffer += '[';
    for (let i = 0; i < value.length; i++) {
      buffer += `${i === 0 ? '' : ','}${JSON.stringify(value[i]) ?? 'null'}`;
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += ']';
  }
  yield `${buffer}}\n`;
}

/** The whole text at once (a graph small enough for one string: the viewer's API, exports). */
export function serializeGraph(graph: SerializedGraph): string {
  return `${JSON.stringify(graph)}\n`;
}
