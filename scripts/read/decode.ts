/**
 * Bytes → text, for one source file.
 *
 * The real corpus is all valid UTF-8 with LF endings and no stray control characters (FORMAT.md §10), so that path
 * must be fast and silent. Everything else is for collections that were copied around on old machines: a BOM from a
 * Windows editor, a UTF-16 "Unicode" save, CRLF endings, or the original CP1252 bytes (`®`, `—`, curly quotes) that
 * never went through a converter. Those decode with a warning that says what was done; only data that is not text
 * at all is refused.
 */
import { decodeWindows1252 } from './cp1252.ts';
import { firstInvalidUtf8, lineOfByte } from './utf8.ts';

export interface DecodedText {
  /** The text: BOM removed, CRLF and lone CR turned into LF, control characters other than TAB, LF and FF removed.
   *  Empty when `binary` is true. */
  text: string;
  /** What the bytes were decoded as: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, or `binary` (not text). */
  encoding: string;
  /** Sentences saying what was repaired or guessed (e.g. `decoded as Windows-1252 …`, `removed 3 control characters …`);
   *  when `binary` is true, the one warning says why the bytes are not text. Empty for clean UTF-8. */
  warnings: string[];
  /** True when the bytes look like binary data rather than text (see `BINARY_SAMPLE_BYTES`). */
  binary: boolean;
}

/** How much of the start of a file the binary check looks at (as git and file(1) do: the head is representative). */
export const BINARY_SAMPLE_BYTES = 8 * 1024;

/** More than this share of NUL/control bytes in the sample means binary. Text has none (FORMAT.md §10 counts 0 in
 *  59,132 articles); a few stray ones are repaired with a warning, but 1% is already tens of bytes per page. */
export const BINARY_CONTROL_SHARE = 0.01;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// ignoreBOM: we strip the BOM ourselves, so a second U+FEFF that belongs to the text is kept.
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Decodes a source file's bytes. Never throws; see `DecodedText` for what comes back. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const sample = body.subarray(0, BINARY_SAMPLE_BYTES);
  const bad = countControlBytes(sample);
  if (isMostlyControl(bad, sample.length)) {
    return binaryResult(`${bad} of the first ${sample.length} bytes are NUL or control bytes, and there is no UTF-16 byte-order mark`);
  }

  try {
    return cleanUp(utf8.decode(body), 'utf-8', []);
  } catch {
    // Not UTF-8. Old KB text that was never converted is CP1252, and every byte has a CP1252 character, so this
    // guess never loses data; the warning says where the first non-UTF-8 byte is so a person can check the guess.
    const at = firstInvalidUtf8(body);
    const where = at < 0 ? '' : ` (first at line ${lineOfByte(body, at)}: byte 0x${hex(body[at] ?? 0, 2)})`;
    const warning = `decoded as Windows-1252 because the file is not valid UTF-8${where}; check characters such as ®, — and curly quotes, and re-save the file as UTF-8 to silence this`;
    return cleanUp(decodeWindows1252(body), 'windows-1252', [warning]);
  }
}

/** A UTF-16 file (the BOM already removed). A BOM is the only way we accept UTF-16: without one, the NUL bytes of
 *  ASCII text in UTF-16 are indistinguishable from binary data, and the corpus has no such files. */
function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const warnings: string[] = [];
  const even = body.length - (body.length % 2);
  if (even !== body.length) warnings.push(`dropped the last byte: a ${encoding.toUpperCase()} file has an even number of bytes, this one has an odd number`);
  // UTF-16BE is byte-swapped to LE so one decoder serves both; the code units feed the binary and surrogate checks.
  const le = encoding === 'utf-16le' ? body.subarray(0, even) : swapPairs(body.subarray(0, even));
  const units = new Uint16Array(even / 2);
  for (let j = 0; j < units.length; j++) units[j] = le[2 * j]! | (le[2 * j + 1]! << 8);

  const sampleUnits = Math.min(units.length, BINARY_SAMPLE_BYTES / 2);
  const bad = countBadUnits(units, sampleUnits);
  if (isMostlyControl(bad, sampleUnits)) {
    return binaryResult(`${bad} of the first ${sampleUnits} ${encoding.toUpperCase()} characters are control characters or broken surrogates`);
  }

  const unpaired = countBadUnits(units, units.length, true);
  if (unpaired > 0) {
    warnings.push(`replaced ${plural(unpaired, 'broken UTF-16 surrogate')} with U+FFFD (�); the file is damaged at ${unpaired === 1 ? 'that point' : 'those points'}`);
  }
  // TextDecoder turns unpaired surrogates into U+FFFD, as the warning above says.
  return cleanUp(utf16le.decode(le), encoding, warnings);
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

/** Line endings to LF, stray control characters out (with a warning that counts them). */
function cleanUp(decoded: string, encoding: string, warnings: string[]): DecodedText {
  // Fast path: the real corpus never needs either repair (FORMAT.md §10), so test before rewriting 200 MB of text.
  const lf = decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
  let text = lf;
  if (STRAY_CONTROL.test(lf)) {
    const counts = new Map<number, number>();
    let firstIndex = -1;
    text = lf.replace(STRAY_CONTROLS, (c, index: number) => {
      if (firstIndex < 0) firstIndex = index;
      const code = c.charCodeAt(0);
      counts.set(code, (counts.get(code) ?? 0) + 1);
      return '';
    });
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const firstLine = lineOfIndex(lf, firstIndex);
    const which = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5)
      .map(([code, n]) => (n > 1 ? `U+${hex(code, 4)} ×${n}` : `U+${hex(code, 4)}`))
      .join(', ');
    const more = counts.size > 5 ? ', …' : '';
    warnings.push(`removed ${plural(total, 'control character')} (${which}${more}; first at line ${firstLine}); they are invisible and not part of the article text — remove them from the source file to silence this`);
  }
  return { text, encoding, warnings, binary: false };
}

/** Control characters that are not text: C0 except TAB, LF, FF (CR is handled as a line ending first), DEL and C1
 *  (U+0080–U+009F: in CP1252 input these come only from the five bytes the code page leaves undefined). */
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000d-\u001f\u007f-\u009f]/;
const STRAY_CONTROLS = new RegExp(STRAY_CONTROL.source, 'g');

/** NUL and control bytes other than TAB, LF, FF and CR: bytes 0x00–0x08, 0x0B, 0x0E–0x1F and 0x7F. (0x80–0x9F are
 *  not counted: they are UTF-8 continuation bytes or CP1252 punctuation.) */
function countControlBytes(sample: Uint8Array): number {
  let n = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) n++;
  }
  return n;
}

/** In the first `limit` UTF-16 code units: control characters (as `countControlBytes`, plus C1) and unpaired
 *  surrogates — or, with `surrogatesOnly`, just the unpaired surrogates. */
function countBadUnits(units: Uint16Array, limit: number, surrogatesOnly = false): number {
  let n = 0;
  for (let i = 0; i < limit; i++) {
    const u = units[i]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[i + 1];
      if (next !== undefined && next >= 0xdc00 && next <= 0xdfff) i++;
      else n++;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      n++;
    } else if (!surrogatesOnly && ((u < 0x20 && u !== 0x09 && u !== 0x0a && u !== 0x0c && u !== 0x0d) || (u >= 0x7f && u <= 0x9f))) {
      n++;
    }
  }
  return n;
}

function isMostlyControl(bad: number, sampleLength: number): boolean {
  return bad > 0 && bad > sampleLength * BINARY_CONTROL_SHARE;
}

function binaryResult(why: string): DecodedText {
  return { text: '', encoding: 'binary', warnings: [`looks like binary data, not text: ${why}`], binary: true };
}

function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
