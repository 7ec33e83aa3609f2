import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeText } from '../../scripts/read/index.ts';
import { firstInvalidUtf8 } from '../../scripts/read/utf8.ts';
import { BOM_UTF8, cp1252, fakeArticle, pseudoRandomBytes, utf16, utf8, withBom } from './bytes.ts';

/** Control characters that must never survive decoding (TAB, LF and FF are text; CR becomes LF). */
const STRAY = /[\u0000-\u0008\u000b\u000d-\u001f\u007f-\u009f]/;

describe('decodeText: UTF-8', () => {
  test('plain UTF-8 passes through silently', () => {
    const s = 'Café — naïve ® “quoted” 日本語 𝄞\n\tindented\n';
    assert.deepEqual(decodeText(utf8(s)), { text: s, encoding: 'utf-8', warnings: [], binary: false });
  });

  test('a UTF-8 BOM is removed, silently', () => {
    const r = decodeText(withBom(BOM_UTF8, utf8('Article: Q1\n')));
    assert.equal(r.text, 'Article: Q1\n');
    assert.equal(r.encoding, 'utf-8');
    assert.deepEqual(r.warnings, []);
  });

  test('only one BOM is removed: a second U+FEFF belongs to the text', () => {
    assert.equal(decodeText(withBom(BOM_UTF8, utf8('\uFEFFx'))).text, '\uFEFFx');
  });

  test('CRLF, lone CR and mixed endings become LF, with no warning', () => {
    const r = decodeText(utf8('one\r\ntwo\rthree\nfour\r\n\r\nsix\r'));
    assert.equal(r.text, 'one\ntwo\nthree\nfour\n\nsix\n');
    assert.deepEqual(r.warnings, []);
  });

  test('TAB and form feed are kept', () => {
    assert.equal(decodeText(utf8('a\tb\fc\n')).text, 'a\tb\fc\n');
  });
});

describe('decodeText: Windows-1252', () => {
  test('®, —, curly quotes and € decode to exactly those characters, with a warning', () => {
    const bytes = cp1252('Microsoft', 0xae, ' Word ', 0x97, ' ', 0x93, 'quoted', 0x94, ' ', 0x91, 'single', 0x92, ' don', 0x92, 't ', 0x80, '5\r\n');
    const r = decodeText(bytes);
    assert.equal(r.text, 'Microsoft® Word — “quoted” ‘single’ don’t €5\n');
    assert.equal(r.encoding, 'windows-1252');
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /decoded as Windows-1252/);
    assert.match(r.warnings[0]!, /line 1: byte 0xAE/);
    assert.ok(!r.text.includes('\uFFFD'));
  });

  test('every defined byte 0x80–0x9F maps to its CP1252 character (not the Latin-1 control Node 20 gives)', () => {
    const defined = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f];
    const r = decodeText(Uint8Array.from(defined));
    assert.equal(r.text, '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
  });

  test('Latin-1 letters decode as themselves', () => {
    assert.equal(decodeText(cp1252('caf', 0xe9, ' ', 0xa7, '3 ', 0xa9, ' 1995')).text, 'café §3 © 1995');
  });

  test('the line of the first non-UTF-8 byte is named', () => {
    const r = decodeText(cp1252('ok\nok\r\nstill ok ', 0xe9, 'x'));
    assert.match(r.warnings[0]!, /line 3/);
  });

  test('the five undefined CP1252 bytes are control characters, so they are removed and counted', () => {
    const r = decodeText(cp1252(fakeArticle(), 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x93, 'x', 0x94));
    assert.ok(r.text.endsWith('“x”'));
    assert.equal(r.warnings.length, 2);
    assert.match(r.warnings[1]!, /removed 5 control characters/);
  });
});

describe('decodeText: UTF-16 with a BOM', () => {
  const s = 'Article: Q182346\r\nProduct(s): Microsoft® Exchange — “5.5” 𝄞\r\n';
  const expected = 'Article: Q182346\nProduct(s): Microsoft® Exchange — “5.5” 𝄞\n';

  test('little-endian', () => {
    assert.deepEqual(decodeText(utf16(s, 'le')), { text: expected, encoding: 'utf-16le', warnings: [], binary: false });
  });

  test('big-endian', () => {
    assert.deepEqual(decodeText(utf16(s, 'be')), { text: expected, encoding: 'utf-16be', warnings: [], binary: false });
  });

  test('an odd trailing byte is dropped with a warning', () => {
    const bytes = utf16('abc', 'le');
    const r = decodeText(withBom([], Uint8Array.from([...bytes, 0x41])));
    assert.equal(r.text, 'abc');
    assert.match(r.warnings[0]!, /dropped the last byte/);
  });

  test('a broken surrogate becomes U+FFFD, with a warning (the text there was not readable)', () => {
    const r = decodeText(utf16(`${'x'.repeat(200)}\uD800y`, 'le'));
    assert.equal(r.text, `${'x'.repeat(200)}\uFFFDy`);
    assert.match(r.warnings[0]!, /replaced 1 broken UTF-16 surrogate/);
  });

  test('UTF-16 without a BOM is not guessed: its NUL bytes make it binary', () => {
    const r = decodeText(utf16('Article: Q1\n', 'le').subarray(2));
    assert.equal(r.binary, true);
  });
});

describe('decodeText: control characters and binary data', () => {
  test('stray control characters are removed and counted, with the first line', () => {
    const text = fakeArticle('Q999001', 'The \u0007widget\u0007 does \u001bnot start.');
    const r = decodeText(utf8(text));
    assert.equal(r.binary, false);
    assert.equal(r.text, fakeArticle('Q999001', 'The widget does not start.'));
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /^removed 3 control characters \(U\+0007 ×2, U\+001B; first at line 15\)/);
  });

  test('a NUL among normal text is a stray control character, not binary', () => {
    const r = decodeText(utf8(fakeArticle().replace('widget', 'wid\u0000get')));
    assert.equal(r.binary, false);
    assert.ok(r.text.includes('widget'));
  });

  test('binary garbage is not text', () => {
    const r = decodeText(pseudoRandomBytes(20_000));
    assert.equal(r.binary, true);
    assert.equal(r.encoding, 'binary');
    assert.equal(r.text, '');
    assert.match(r.warnings[0]!, /looks like binary data/);
  });

  test('a PNG header followed by NULs is not text', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64).fill(0)]);
    assert.equal(decodeText(png).binary, true);
  });

  test('binary data behind a UTF-16 BOM is still binary', () => {
    const r = decodeText(withBom([0xff, 0xfe], new Uint8Array(4096)));
    assert.equal(r.binary, true);
  });

  test('an empty input is empty text', () => {
    assert.deepEqual(decodeText(new Uint8Array(0)), { text: '', encoding: 'utf-8', warnings: [], binary: false });
  });
});

describe('decodeText: properties', () => {
  /** Text as people write it: any code point except the control characters decoding removes, plus every line ending. */
  const textChar = fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !STRAY.test(c)) },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\t', '\f', ' ') },
  );
  const text = fc.array(textChar, { maxLength: 300 }).map((cs) => cs.join(''));
  const lf = (s: string): string => s.replace(/\r\n?/g, '\n');

  test('never throws; output never holds CR or a control character other than TAB/LF/FF', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = decodeText(bytes);
        assert.ok(!r.text.includes('\r'));
        assert.ok(!STRAY.test(r.text), JSON.stringify(r.text));
      }),
      { numRuns: 2000 },
    );
  });

  test('the same holds for bytes that look like text: mostly printable, some high bytes, some controls', () => {
    const byte = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }) });
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 2000 }), (arr) => {
        const r = decodeText(Uint8Array.from(arr));
        assert.ok(!r.text.includes('\r'));
        assert.ok(!STRAY.test(r.text));
        // Nothing is replaced: UTF-8 decodes exactly, anything else is CP1252, where every byte is a character.
        if (firstInvalidUtf8(Uint8Array.from(arr)) >= 0) assert.ok(!r.text.includes('\uFFFD'));
      }),
      { numRuns: 2000 },
    );
  });

  test('no U+FFFD for any input that is not UTF-16, unless it is valid UTF-8 that encodes U+FFFD itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        fc.pre(!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff));
        const r = decodeText(bytes);
        const encodesReplacement = firstInvalidUtf8(bytes) < 0 && new TextDecoder().decode(bytes).includes('\uFFFD');
        if (!encodesReplacement) assert.ok(!r.text.includes('\uFFFD'));
      }),
      { numRuns: 3000 },
    );
  });

  test('valid UTF-8 without U+FFFD never gains one, and decodes as utf-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        fc.pre(!s.includes('\uFFFD'));
        const r = decodeText(utf8(s));
        assert.ok(!r.text.includes('\uFFFD'));
        if (!r.binary) assert.equal(r.encoding, 'utf-8');
      }),
    );
  });

  test('any text round-trips through UTF-8, with and without BOM (after line-ending normalisation)', () => {
    fc.assert(
      fc.property(text, (s) => {
        // Without a BOM, a leading U+FEFF *is* a BOM to any reader: that one string cannot round-trip.
        if (!s.startsWith('\uFEFF')) assert.equal(decodeText(utf8(s)).text, lf(s));
        assert.equal(decodeText(withBom(BOM_UTF8, utf8(s))).text, lf(s));
      }),
      { numRuns: 1000 },
    );
  });

  test('any text round-trips through UTF-16LE and UTF-16BE with BOM (after line-ending normalisation)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const le = decodeText(utf16(s, 'le'));
        assert.deepEqual([le.text, le.encoding, le.warnings], [lf(s), 'utf-16le', []]);
        const be = decodeText(utf16(s, 'be'));
        assert.deepEqual([be.text, be.encoding, be.warnings], [lf(s), 'utf-16be', []]);
      }),
      { numRuns: 1000 },
    );
  });

  test('firstInvalidUtf8 agrees with the WHATWG decoder on what is valid', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Bias towards the interesting bytes: lead bytes, continuation bytes and their boundaries.
    const byte = fc.oneof(fc.integer({ min: 0, max: 0xff }), fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 5 }), (arr, s) => {
        const b = Uint8Array.from([...utf8(s), ...arr]);
        assert.equal(firstInvalidUtf8(b) < 0, valid(b));
      }),
      { numRuns: 5000 },
    );
  });
});
