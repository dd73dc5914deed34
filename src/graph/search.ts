/**
 * Search by name or alias, typed in traditional or simplified characters: an exact name first, then a
 * name that starts so, then one that contains it; the most connected first among equals. The server
 * answers with it from a graph in memory, the viewer on a graph it holds whole.
 */
import type { NodeAttributes } from './model.js';
import type { ModelGraph } from './view.js';
import { foldName as fold } from '../text/fold.js';

export interface Match {
  key: string;
  name: string;
  type: NodeAttributes['type'];
  /** The alias that matched, when it is not the name. */
  via?: string;
}

export interface SearchIndex {
  search(query: string, limit?: number): Match[];
}

export function buildSearchIndex(graph: ModelGraph): SearchIndex {
  const entries: Array<{ key: string; name: string; type: NodeAttributes['type']; forms: Array<[string, string]>; weight: number }> = [];
  graph.forEachNode((key, a) => {
    if (a.type === 'Metric') return;
    const forms = [...new Set([a.name, a.nameSimplified, ...a.aliases])].map((f) => [fold(f), f] as [string, string]);
    entries.push({ key, name: a.name, type: a.type, forms, weight: graph.degree(key) });
  });
  return {
    search(query, limit = 10) {
      const q = fold(query);
      if (!q) return [];
      const scored: Array<[number, Match]> = [];
      for (const e of entries) {
        let best = -1;
        let via: string | undefined;
        for (const [folded, original] of e.forms) {
          const score = folded === q ? 3 : folded.startsWith(q) ? 2 : folded.includes(q) ? 1 : -1;
          if (score > best) {
            best = score;
            via = original === e.name ? undefined : original;
          }
        }
        if (best >= 0) scored.push([best * 1e6 + e.weight, { key: e.key, name: e.name, type: e.type, ...(via ? { via } : {}) }]);
      }
      return scored.sort((a, b) => b[0] - a[0] || (a[1].name < b[1].name ? -1 : 1)).slice(0, limit).map(([, m]) => m);
    },
  };
}
