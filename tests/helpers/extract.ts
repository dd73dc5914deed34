import { extractDocument, type Extraction } from '../../src/extract/index.js';
import type { EntityMention, MetricMention } from '../../src/extract/context.js';
import { documentFromText } from '../../src/text/document.js';

/** Extract a short excerpt as its own document. */
export function extractText(text: string, title = 'excerpt'): Extraction {
  return extractDocument(documentFromText(text, 'excerpt', title));
}

export const entities = (x: Extraction, type: EntityMention['type']): EntityMention[] =>
  x.mentions.filter((m): m is EntityMention => m.type === type);
export const names = (x: Extraction, type: EntityMention['type']): string[] => entities(x, type).map((m) => m.name);
export const metrics = (x: Extraction): MetricMention[] => x.mentions.filter((m): m is MetricMention => m.type === 'Metric');

/** Relations as `TYPE source → target` strings, the author shown as `(author)`. */
export function relations(x: Extraction): string[] {
  return x.relations.map((r) => {
    const source = r.source === 'author' ? '(author)' : r.source.name;
    const target = r.target.type === 'Metric' ? r.target.raw : r.target.name;
    return `${r.type} ${source} → ${target}`;
  });
}
