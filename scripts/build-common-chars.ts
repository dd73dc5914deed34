/**
 * Builds data/lexicon/common-chars.txt: the 4,500 most used simplified characters, weighted by the word
 * frequencies of nodejieba's dictionary, followed by their traditional forms (OpenCC). Used to tell
 * GB18030 from Big5 and to spot mojibake. Run: npx tsx scripts/build-common-chars.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import * as OpenCC from 'opencc-js';

const TOP = 4500;
const weight = new Map<string, number>();
for (const line of readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (!word || !freq) continue;
  for (const ch of word) if (/\p{Script=Han}/u.test(ch)) weight.set(ch, (weight.get(ch) ?? 0) + Number(freq));
}
const simplified = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP).map(([c]) => c);
const toTraditional = [OpenCC.Converter({ from: 'cn', to: 't' }), OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })];
const all = new Set(simplified);
const traditional: string[] = [];
for (const c of simplified) for (const convert of toTraditional) {
  const t = convert(c);
  if (!all.has(t) && [...t].length === 1) { all.add(t); traditional.push(t); }
}
writeFileSync('data/lexicon/common-chars.txt', `${simplified.join('')}\n${traditional.join('')}\n`);
console.log(`common-chars: ${simplified.length} simplified + ${traditional.length} traditional`);
