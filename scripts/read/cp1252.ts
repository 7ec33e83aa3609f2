/**
 * Windows-1252 decoding that is correct on every Node version.
 *
 * Why not just `new TextDecoder('windows-1252')`: Node 20.18.3+/22.13+ took a Latin-1 fast path for this label
 * and decodes 0x80–0x9F as the C1 controls U+0080–U+009F instead of `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`
 * (https://github.com/nodejs/node/issues/60888, #56542) — exactly the curly quotes and dashes old KB text is full of.
 * We still decode with TextDecoder (fast, and right for every other byte) and then map that range ourselves, which
 * gives the WHATWG result whether or not the running Node has the fix.
 */

/** WHATWG index-windows-1252 for bytes 0x80–0x9F. The five bytes the code page leaves undefined
 *  (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as the Encoding Standard says. */
const HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
] as const;

const decoder = new TextDecoder('windows-1252');

/** Decodes bytes as Windows-1252 (WHATWG). Never throws, never produces U+FFFD: every byte has a character. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return decoder
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}
