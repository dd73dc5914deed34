import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  BinaryInputError,
  EmptyInputError,
  InputError,
  InputTooLargeError,
  UndecodableInputError,
} from '../../src/errors.js';
import { readDocument } from '../../src/text/document.js';
import { decodeReport, loadReport } from '../../src/text/load.js';
import { SEED_PATH, seedText } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'r2g-load-'));
const save = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('loading a report', () => {
  const seed = seedText();

  it('reads the seed as UTF-8 with its hash', async () => {
    const r = await loadReport(SEED_PATH);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(seed);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['utf-8-bom', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
    ['utf-16le', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['utf-16be', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['gb18030', (s: string) => iconv.encode(s, 'gb18030')],
  ] as const)('detects %s and normalizes the seed exactly as the UTF-8 file', async (encoding, encode) => {
    const path = save(`seed-${encoding}.txt`, encode(seed));
    const doc = await readDocument(path);
    const reference = await readDocument(SEED_PATH);
    expect(doc.loaded.encoding).toBe(encoding);
    expect(doc.text.clean).toBe(reference.text.clean);
    expect(doc.text.damage).toEqual(reference.text.damage);
    expect(doc.sentences.map((s) => [s.start, s.end, s.section, s.planned])).toEqual(
      reference.sentences.map((s) => [s.start, s.end, s.section, s.planned]),
    );
  });

  it('detects Big5; characters Big5 cannot hold are only inside the mojibake the UTF-8 file reports', async () => {
    const bytes = iconv.encode(seed, 'big5');
    const doc = await readDocument(save('seed-big5.txt', bytes));
    const reference = await readDocument(SEED_PATH);
    expect(doc.loaded.encoding).toBe('big5');
    const unencodable = [...seed].map((c, i) => [c, i] as const).filter(([c]) => iconv.decode(iconv.encode(c, 'big5'), 'big5') !== c);
    expect(unencodable.map(([c]) => c).join('')).toBe('欤劢鐣卫约裆');
    const mojibake = reference.text.damage.filter((d) => d.kind === 'mojibake');
    for (const [, i] of unencodable) expect(mojibake.some((d) => d.start <= i && i < d.end)).toBe(true);
    const expected = [...reference.text.clean].map((c) => (iconv.decode(iconv.encode(c, 'big5'), 'big5') === c ? c : '?')).join('');
    expect(doc.text.clean).toBe(expected);
    expect(doc.text.readings).toHaveLength(176);
  });

  it('refuses an empty file', async () => {
    await expect(loadReport(save('empty.txt', ''))).rejects.toThrow(EmptyInputError);
    await expect(loadReport(save('blank.txt', ' \n\n '))).rejects.toThrow(/only whitespace/);
  });

  it('refuses a PNG as binary', async () => {
    await expect(loadReport(save('image.txt', PNG))).rejects.toThrow(BinaryInputError);
    await expect(loadReport(save('image.txt', PNG))).rejects.toThrow(/PNG image/);
  });

  it('refuses invalid UTF-8 and names the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from(seed.slice(0, 200), 'utf8'), Buffer.from([0xe6, 0x88]), Buffer.from(seed.slice(200, 400), 'utf8')]);
    const error = await loadReport(save('broken.txt', bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UndecodableInputError);
    expect((error as Error).message).toMatch(new RegExp(`offset ${Buffer.byteLength(seed.slice(0, 200))}`));
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(loadReport(SEED_PATH, { maxBytes: 1000 })).rejects.toThrow(InputTooLargeError);
  });

  it('refuses a missing file and a folder with an input error', async () => {
    await expect(loadReport(join(dir, 'missing.txt'))).rejects.toThrow(InputError);
    await expect(loadReport(dir)).rejects.toThrow(/not a file/);
  });

  it('refuses bytes that are no Chinese encoding', () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    expect(() => decodeReport(noise, 'noise.bin')).toThrow(UndecodableInputError);
  });
});
