/** Output for commands: stdout that respects back-pressure, and rows as a table, CSV or JSON. */
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../errors.js';

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export const ROW_FORMATS = ['table', 'csv', 'json'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

/** A command's --format of rows, or a UsageError naming the command. */
export function parseRowFormat(call: string, value: string): RowFormat {
  if (!(ROW_FORMATS as readonly string[]).includes(value)) throw new UsageError(`${call}: --format must be table, csv or json, not "${value}".`);
  return value as RowFormat;
}

/** Rows as a table (CJK-aware widths, long cells clipped), CSV or JSON objects. */
export function formatRows(keys: string[], rows: unknown[][], format: RowFormat): string {
  const cell = (v: unknown) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (format === 'json') return `${JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]]))), null, 2)}\n`;
  if (format === 'csv') return stringify([keys, ...rows.map((r) => r.map(cell))]);
  const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
  const table = [keys, ...rows.map((r) => r.map((v) => clip(cell(v))))];
  const widths = keys.map((_, i) => Math.max(...table.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ').trimEnd();
  return `${[line(table[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
