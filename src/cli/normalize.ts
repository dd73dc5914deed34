/** `report2graph normalize <file> [--json]` */
import type { ReportDocument } from '../text/document.js';

export function normalizeReport(doc: ReportDocument, examples = 10) {
  const { text, loaded } = doc;
  return {
    file: doc.path,
    encoding: loaded.encoding,
    sha256: loaded.sha256,
    bytes: loaded.bytes,
    chars: text.original.length,
    script: text.script,
    reportYear: doc.year ?? null,
    readings: {
      removed: text.readings.length,
      examples: text.readings.slice(0, examples).map((r) => ({ start: r.start, end: r.end, char: r.char, reading: r.reading })),
    },
    damage: text.damage,
    sentences: doc.sentences.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      text: s.text,
      clean: s.clean,
      section: s.section,
      planned: s.planned,
    })),
  };
}
