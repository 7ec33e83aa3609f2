/**
 * Where UTF-8 validation fails, so a diagnostic can say which line to look at.
 * TextDecoder's fatal mode only says "invalid"; this walks the same well-formedness table
 * (Unicode Table 3-7, as the WHATWG decoder applies it: no overlongs, no surrogates, nothing above U+10FFFF).
 */

/** Index of the first byte of the first ill-formed sequence, or -1 when `bytes` is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const shape = sequenceShape(b);
    if (shape === null) return i;
    const [len, lo, hi] = shape;
    if (i + len > n) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < len; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** Length of the sequence a lead byte starts, and the allowed range of its second byte (later continuation
 *  bytes are always 0x80–0xBF); null for bytes that cannot start a sequence (0x80–0xC1, 0xF5–0xFF). */
function sequenceShape(lead: number): [length: number, low: number, high: number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf]; // no overlong 3-byte forms
  if (lead === 0xed) return [3, 0x80, 0x9f]; // no UTF-16 surrogates U+D800–U+DFFF
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf]; // no overlong 4-byte forms
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f]; // nothing above U+10FFFF
  return null;
}

/** 1-based line of byte `offset`, counting LF, CRLF and a lone CR as one line break each (as decoding will). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}
