/**
 * Load a report from disk and decode it. Encodings are detected from the bytes (BOM, UTF-8 validity,
 * then GB18030 vs Big5 by how Chinese the decoded text reads), never from the file name. Input that is
 * not text is refused with a typed error; nothing is silently replaced.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import {
  BinaryInputError,
  EmptyInputError,
  InputError,
  InputTooLargeError,
  UndecodableInputError,
} from '../errors.js';
import { commonCharScore } from './lexicon.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface LoadedReport {
  path: string;
  text: string;
  encoding: Encoding;
  bytes: number;
  sha256: string;
}

export interface LoadOptions {
  /** Refuse files larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export async function loadReport(path: string, options: LoadOptions = {}): Promise<LoadedReport> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`loadReport: ${path} is not a file; give the path of a text report.`, path);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`loadReport: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that the file exists and is readable.`, path, { cause: error });
  }
  if (size > maxBytes) {
    throw new InputTooLargeError(
      `loadReport: ${path} is ${size} bytes, more than the limit of ${maxBytes}; split it, or raise the limit with --max-bytes (extract, normalize).`,
      path,
    );
  }
  const bytes = await readFile(path);
  const { text, encoding } = decodeReport(bytes, path);
  return { path, text, encoding, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['gzip archive', [0x1f, 0x8b]],
  ['OLE document (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Decode the bytes of a report. `file` only names the input in error messages. */
export function decodeReport(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new EmptyInputError(`decodeReport: ${file} is empty; give a report with text in it.`, file);
  const decoded = decodeBytes(bytes, file);
  if (decoded.text.trim() === '') {
    throw new EmptyInputError(`decodeReport: ${file} holds only whitespace; give a report with text in it.`, file);
  }
  const controls = countControls(decoded.text);
  if (controls > Math.max(2, decoded.text.length * 0.001)) {
    throw new BinaryInputError(`decodeReport: ${file} has ${controls} control characters, so it is not a text report; give a plain-text file.`, file);
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: strictUtf8(bytes.subarray(3), file, 3), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: strictUtf16(bytes.subarray(2), 'utf-16le', file), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: strictUtf16(bytes.subarray(2), 'utf-16be', file), encoding: 'utf-16be' };
  for (const [kind, signature] of SIGNATURES) {
    if (startsWith(bytes, signature)) {
      throw new BinaryInputError(`decodeReport: ${file} is a ${kind}, not a text report; give a plain-text file.`, file);
    }
  }
  if (bytes.includes(0)) {
    throw new BinaryInputError(`decodeReport: ${file} contains NUL bytes, so it is binary (or UTF-16 without a BOM); save it as UTF-8.`, file);
  }
  const utf8 = utf8Validity(bytes);
  if (utf8.invalidAt < 0) return { text: strictUtf8(bytes, file, 0), encoding: 'utf-8' };
  // Mostly well-formed multi-byte sequences: this is UTF-8 with damaged bytes, not another encoding.
  if (utf8.valid >= 4 && utf8.valid >= 4 * utf8.invalid) {
    throw new UndecodableInputError(
      `decodeReport: ${file} is not valid UTF-8 (bad byte at offset ${utf8.invalidAt}); repair or re-save the file as UTF-8.`,
      file,
    );
  }
  const candidates = (['gb18030', 'big5'] as const)
    .map((encoding) => ({ encoding, text: iconv.decode(Buffer.from(bytes), encoding) }))
    .filter((c) => !c.text.includes('\ufffd'))
    .map((c) => ({ ...c, score: commonCharScore(c.text) }))
    .sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best || best.score < 0.5) {
    throw new UndecodableInputError(
      `decodeReport: ${file} is neither UTF-8, UTF-16, GB18030 nor Big5 Chinese text; convert it to UTF-8.`,
      file,
    );
  }
  return { text: best.text, encoding: best.encoding };
}

function strictUtf8(bytes: Uint8Array, file: string, base: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    const invalidAt = utf8Validity(bytes).invalidAt;
    const where = invalidAt >= 0 ? `bad byte at offset ${invalidAt + base}` : 'an overlong or surrogate sequence';
    throw new UndecodableInputError(
      `decodeReport: ${file} is not valid UTF-8 (${where}); repair or re-save the file as UTF-8.`,
      file,
      { cause: error },
    );
  }
}

function strictUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    throw new UndecodableInputError(`decodeReport: ${file} has a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}; re-save it as UTF-8.`, file, { cause: error });
  }
}

/** Count well-formed and malformed UTF-8 multi-byte sequences; invalidAt is the first bad byte or -1. */
export function utf8Validity(bytes: Uint8Array): { valid: number; invalid: number; invalidAt: number } {
  let valid = 0;
  let invalid = 0;
  let invalidAt = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      if (invalidAt < 0) invalidAt = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, invalidAt };
}

function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) n++;
  }
  return n;
}
