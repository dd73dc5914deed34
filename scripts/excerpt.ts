/**
 * Cuts an annotation excerpt from a corpus report: the opening (the speaker's line and the first part of
 * the review) and the first part of the plan for the coming year, each ending at a sentence end, so an
 * annotator reads ~4,000 characters instead of 25,000. The excerpt keeps the report's own file name (its
 * title names the jurisdiction and the year, as for the whole report).
 *
 *   tsx scripts/excerpt.ts <report.txt> <out.txt> [openingChars=2600] [planChars=1300]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, openingArg, planArg] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx scripts/excerpt.ts <report.txt> <out.txt> [openingChars] [planChars]');
  process.exit(2);
}
const text = readFileSync(input, 'utf8');
const lines = text.split('\n');

/** Whole lines from `from`, then whole sentences of the last line, up to about `chars` characters. */
function block(from: number, chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = from; i < lines.length && n < chars; i++) {
    const line = lines[i]!;
    if (n + line.length <= chars) {
      out.push(line);
      n += line.length;
      continue;
    }
    const cut = line.slice(0, chars - n).lastIndexOf('。');
    if (cut > 0) out.push(line.slice(0, cut + 1));
    break;
  }
  return out.join('\n');
}

const plan = lines.findIndex((l, i) => i > 1 && l.trim().length < 40 && /^\s*([二三四五]、)?.*(\d{4}年|今年).*(工作|任务|安排)/.test(l) && !/回顾/.test(l));
const opening = block(0, Number(openingArg ?? 2600));
const planned = plan > 0 ? block(plan, Number(planArg ?? 1300)) : '';
writeFileSync(output, `${opening}\n${planned}\n`.replace(/\n+$/, '\n'));
console.log(`${output}: opening ${opening.length} chars, plan ${plan > 0 ? `from line ${plan + 1}, ${planned.length} chars` : 'not found'}`);
