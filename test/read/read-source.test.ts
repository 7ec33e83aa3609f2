import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceFile, resolveReadLimits, folderIdOf } from '../../scripts/read/index.ts';
import { BOM_UTF8, cp1252, fakeArticle, pseudoRandomBytes, tempTree, utf16, utf8, withBom } from './bytes.ts';

const PATH = 'kb/182/Q182346/README.md';
const MiB = 1024 * 1024;

/** Writes `content` as the one article of a fresh tree and reads it back. */
async function read(content: string | Uint8Array, limits?: Parameters<typeof readSourceFile>[2]) {
  return readSourceFile(tempTree({ [PATH]: content }), PATH, limits);
}

describe('readSourceFile', () => {
  test('a clean UTF-8 article becomes a SourceFile, with no diagnostics', async () => {
    const text = fakeArticle('Q182346');
    const r = await read(text);
    assert.deepEqual(r, { file: { path: PATH, folderId: 'Q182346', text, encoding: 'utf-8', bytes: utf8(text).length }, diagnostics: [] });
  });

  test('BOM and CRLF are repaired silently; `bytes` is the size on disk', async () => {
    const text = fakeArticle('Q182346');
    const bytes = withBom(BOM_UTF8, utf8(text.replace(/\n/g, '\r\n')));
    const r = await read(bytes);
    assert.equal(r.file?.text, text);
    assert.equal(r.file?.bytes, bytes.length);
    assert.deepEqual(r.diagnostics, []);
  });

  test('UTF-16 is decoded, without a warning', async () => {
    const r = await read(utf16(fakeArticle('Q182346'), 'be'));
    assert.equal(r.file?.encoding, 'utf-16be');
    assert.equal(r.file?.text, fakeArticle('Q182346'));
    assert.deepEqual(r.diagnostics, []);
  });

  test('Windows-1252 is decoded with a kb:encoding warning that says so', async () => {
    const r = await read(cp1252(fakeArticle('Q182346'), 'Microsoft', 0xae, ' ', 0x93, 'Word', 0x94, ' ', 0x97, ' done'));
    assert.ok(r.file?.text.endsWith('Microsoft® “Word” — done'));
    assert.equal(r.file?.encoding, 'windows-1252');
    assert.equal(r.diagnostics.length, 1);
    const [d] = r.diagnostics;
    assert.equal(d?.rule, 'kb:encoding');
    assert.equal(d?.severity, 'warning');
    assert.equal(d?.file, PATH);
    assert.match(d?.message ?? '', /^Decoded as Windows-1252 because the file is not valid UTF-8 \(first at line 21: byte 0xAE\).*re-save the file as UTF-8/);
  });

  test('stray control characters: removed, and a kb:encoding warning counts them', async () => {
    const r = await read(fakeArticle('Q182346', 'The \u0007widget\u0001 does \u001bnot start.'));
    assert.equal(r.file?.text, fakeArticle('Q182346', 'The widget does not start.'));
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ['kb:encoding']);
    assert.match(r.diagnostics[0]!.message, /^Removed 3 control characters/);
  });

  test('an empty file is rejected', async () => {
    const r = await read('');
    assert.equal(r.file, null);
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.rule, d.file]), [['rejected', 'kb:empty-file', PATH]]);
    assert.match(r.diagnostics[0]!.message, /empty \(0 bytes\)/);
  });

  test('a file that is only a BOM is rejected as empty', async () => {
    const r = await read(Uint8Array.from(BOM_UTF8));
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ['kb:empty-file']);
    assert.match(r.diagnostics[0]!.message, /no text once decoded/);
  });

  test('binary garbage is rejected as kb:binary-file, saying why', async () => {
    const r = await read(pseudoRandomBytes(5000, 42));
    assert.equal(r.file, null);
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.rule]), [['rejected', 'kb:binary-file']]);
    assert.match(r.diagnostics[0]!.message, /^The file is not text \(looks like binary data, not text: \d+ of the first 5000 bytes are NUL or control bytes/);
  });

  test('a 6 MB file is rejected unread, naming its size, the limit and how to raise it', async () => {
    const big = new Uint8Array(6 * 1000 * 1000).fill(0x61);
    const r = await read(big);
    assert.equal(r.file, null);
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.rule]), [['rejected', 'kb:file-too-large']]);
    const m = r.diagnostics[0]!.message;
    assert.match(m, /5\.7 MiB \(6,000,000 bytes\)/);
    assert.match(m, /4 MiB \(4,194,304 bytes\) limit/);
    assert.match(m, /--max-file-size 6291456/);
  });

  test('the limit can be raised', async () => {
    const r = await read(new Uint8Array(6 * 1000 * 1000).fill(0x61), { maxBytes: 8 * MiB });
    assert.equal(r.file?.bytes, 6_000_000);
    assert.equal(r.diagnostics.length, 1, 'one line of 6 million characters: still a long-line warning');
    assert.equal(r.diagnostics[0]?.rule, 'kb:long-line');
  });

  test('a 1 MB line: returned, with a kb:long-line warning on its line', async () => {
    const line = 'x'.repeat(1024 * 1024);
    const text = `first\nsecond\n${line}\nshort\n${line}\n`;
    const r = await read(text);
    assert.equal(r.file?.text, text);
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.rule, d.line]), [['warning', 'kb:long-line', 3]]);
    assert.match(r.diagnostics[0]!.message, /^Line 3 is 1,048,576 characters long, over the 100,000-character limit; 1 more line also exceeds it/);
  });

  test('a missing file is rejected as unreadable, not thrown', async () => {
    const r = await readSourceFile(tempTree(), PATH);
    assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.rule]), [['rejected', 'kb:unreadable']]);
    assert.match(r.diagnostics[0]!.message, /no longer exists/);
  });

  test('folderId comes from the folder that holds the file', () => {
    assert.equal(folderIdOf('kb/182/Q182346/README.md'), 'Q182346');
    assert.equal(folderIdOf('kb/182/notes/README.md'), null);
    assert.equal(folderIdOf('README.md'), null);
  });
});

describe('resolveReadLimits', () => {
  test('fills in the defaults', () => {
    assert.deepEqual(resolveReadLimits(), { maxBytes: 4 * MiB, maxLineLength: 100_000 });
    assert.deepEqual(resolveReadLimits({ maxBytes: 10, maxLineLength: undefined }), { maxBytes: 10, maxLineLength: 100_000 });
  });

  test('bad configuration throws, naming the value and what was expected', () => {
    assert.throws(() => resolveReadLimits({ maxBytes: 0 }), /Invalid read limit maxBytes: 0; expected a whole number of bytes greater than 0/);
    assert.throws(() => resolveReadLimits({ maxBytes: Number.NaN }), /maxBytes: NaN/);
    assert.throws(() => resolveReadLimits({ maxLineLength: 1.5 }), /maxLineLength: 1\.5/);
  });
});
