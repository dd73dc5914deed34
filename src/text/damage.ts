/**
 * Damage in scraped text, reported and never hidden: characters lost in scraping (`?`, U+FFFD) and
 * mojibake runs (text decoded with the wrong encoding). A mojibake run is a stretch of suspect
 * characters around a lost one: rare characters, simplified-only forms inside a traditional document,
 * stray Latin letters and leaked pinyin fragments.
 */
import { commonChars, isHan } from './lexicon.js';
import { isSimplifiedOnly, type Script } from './script.js';

export type DamageKind = 'lost' | 'mojibake';

export interface DamageSpan {
  kind: DamageKind;
  /** Offsets into the text that was examined (the original document). */
  start: number;
  end: number;
  text: string;
  reason: string;
}

const REASONS: Record<DamageKind, string> = {
  lost: 'a character was lost when the page was scraped and replaced by "?" or U+FFFD',
  mojibake:
    'mojibake: bytes decoded with the wrong encoding (lost characters among rare characters, out-of-script forms and stray Latin letters)',
};

type Mark = 'ok' | 'lost' | 'latin' | 'odd';

interface Point {
  ch: string;
  start: number;
  end: number;
  mark: Mark;
}

const isLatin = (ch: string): boolean => /^[a-zA-Z\u00c0-\u024f]$/u.test(ch);
const isWide = (ch: string | undefined): boolean => ch !== undefined && (isHan(ch) || ch === '?' || ch === '\ufffd' || /[\u3000-\u303f\uff00-\uffef]/u.test(ch));

/** A `?` among Chinese text (a wide character within three places) stands for a lost character. */
function nearWide(points: Point[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k <= Math.min(points.length - 1, i + 3); k++) {
    if (k !== i && points[k]!.ch !== '?' && isWide(points[k]!.ch)) return true;
  }
  return false;
}

/**
 * Find the damage in `text`. `skip` lists spans known to be sound (removed pinyin readings), which are
 * never suspect.
 */
export function findDamage(text: string, script: Script, skip: Array<{ start: number; end: number }> = []): DamageSpan[] {
  // Damage always has an anchor (a lost character, or Latin letters next to Chinese text): examine only
  // windows around anchors, so sound text costs one regular-expression scan.
  const windows: Array<[number, number]> = [];
  for (const m of text.matchAll(ANCHOR)) {
    const from = Math.max(0, m.index - WINDOW);
    const to = Math.min(text.length, m.index + m[0].length + WINDOW);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  const spans: DamageSpan[] = [];
  for (const [from, to] of windows) {
    // Widen to line ends so a run is never cut by the window.
    const start = Math.max(0, text.lastIndexOf('\n', from) + 1, from - WINDOW * 4);
    let end = text.indexOf('\n', to);
    end = end < 0 ? text.length : Math.min(end, to + WINDOW * 4);
    for (const d of findDamageIn(text, start, end, script, skip)) if (!spans.some((x) => x.kind === d.kind && x.start === d.start)) spans.push(d);
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

const ANCHOR = /[?\ufffd]|(?<=\p{Script=Han})[a-zA-Z\u00c0-\u024f]|[a-zA-Z\u00c0-\u024f](?=\p{Script=Han})/gu;
const WINDOW = 40;

function findDamageIn(text: string, from: number, to: number, script: Script, skip: Array<{ start: number; end: number }>): DamageSpan[] {
  const points: Point[] = [];
  let offset = from;
  for (const ch of text.slice(from, to)) {
    points.push({ ch, start: offset, end: offset + ch.length, mark: 'ok' });
    offset += ch.length;
  }
  // Offsets of sound spans, relative to the window.
  const skipped = new Uint8Array(to - from + 1);
  for (const s of skip) if (s.end > from && s.start < to) skipped.fill(1, Math.max(0, s.start - from), Math.min(to, s.end) - from);
  const common = commonChars();

  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (skipped[p.start - from]) continue;
    if (p.ch === '\ufffd' || (p.ch === '?' && nearWide(points, i))) p.mark = 'lost';
    else if (isHan(p.ch)) {
      if (!common.has(p.ch) || (script === 'traditional' && isSimplifiedOnly(p.ch))) p.mark = 'odd';
    }
  }
  // Latin letters: short runs wedged into Chinese text, or pinyin fragments (tone marks) outside a reading.
  for (let i = 0; i < points.length; ) {
    if (!isLatin(points[i]!.ch) || skipped[points[i]!.start - from]) {
      i++;
      continue;
    }
    let j = i;
    while (j < points.length && isLatin(points[j]!.ch) && !skipped[points[j]!.start - from]) j++;
    const run = points.slice(i, j);
    const toned = run.some((p) => /[\u00c0-\u024f]/u.test(p.ch));
    const wedged = run.length <= 2 && (isWide(points[i - 1]?.ch) || isWide(points[j]?.ch));
    if (toned || wedged) {
      for (const p of run) p.mark = 'latin';
      if (toned && points[j]?.ch === ')') points[j]!.mark = 'latin';
    }
    i = j;
  }

  const spans: DamageSpan[] = [];
  for (const p of points) if (p.mark === 'lost') spans.push(span('lost', text, p.start, p.end));

  // Group suspects that are at most one sound character apart (never across a line break).
  let group: Point[] = [];
  const flush = (nextIndex: number) => {
    const suspects = group.filter((p) => p.mark !== 'ok');
    const lost = suspects.some((p) => p.mark === 'lost');
    const other = suspects.filter((p) => p.mark !== 'lost').length;
    const odd = suspects.filter((p) => p.mark === 'odd').length;
    if ((lost && other >= 1 && suspects.length >= 3) || (odd >= 3 && suspects.some((p) => p.mark === 'latin'))) {
      const first = group[0]!;
      let last = group[group.length - 1]!;
      // A stray letter is the half of a broken double-byte character: the one after it is unreliable too.
      const after = points[nextIndex];
      if (last.mark === 'latin' && after && isHan(after.ch)) last = after;
      spans.push(span('mojibake', text, first.start, last.end));
    }
    group = [];
  };
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.mark !== 'ok') {
      group.push(p);
      continue;
    }
    const next = points[i + 1];
    if (group.length > 0 && next && next.mark !== 'ok' && p.ch !== '\n' && group[group.length - 1] === points[i - 1]) {
      group.push(p);
      continue;
    }
    if (group.length > 0) {
      while (group.length > 0 && group[group.length - 1]!.mark === 'ok') group.pop();
      flush(i);
    }
  }
  if (group.length > 0) flush(points.length);
  return spans;
}

function span(kind: DamageKind, text: string, start: number, end: number): DamageSpan {
  return { kind, start, end, text: text.slice(start, end), reason: REASONS[kind] };
}
