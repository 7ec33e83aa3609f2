/**
 * The tokenizer reads text with a scanner over character codes (scripts/index/full-text/tokens.ts); what it reads is
 * defined by a regular expression, kept here as the reference: the two must agree on every text, real and made up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { MAX_TOKEN_LENGTH, termOf, tokenize, type Token } from '../../scripts/index/full-text/tokens.ts';
import { realCorpusDir, realArticlePaths } from '../helpers/corpus.ts';

const TOKEN = /[a-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+(?:['’.-][a-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+)*/g;

/** A word's term as the module's comment defines it, without the scanner's memo: ASCII letters stemmed, from three. */
const referenceTerm = (word: string) => (word.length >= 3 && /^[a-z]+$/.test(word) ? stemmer(word) : word);

/** The tokens of `text` as the reference expression reads them. */
function referenceTokens(text: string): Token[] {
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  const out: Token[] = [];
  for (const m of source.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.length > MAX_TOKEN_LENGTH * 2) continue;
    const word = raw.replace(/['’]/g, '');
    const start = m.index;
    const end = start + raw.length;
    if (!/[.-]/.test(word)) {
      if (word.length <= MAX_TOKEN_LENGTH) out.push({ term: referenceTerm(word), start, end, parts: [] });
      continue;
    }
    const parts = word.split(/[.-]/).filter((p) => p.length <= MAX_TOKEN_LENGTH).map(referenceTerm);
    out.push({ term: word.length <= MAX_TOKEN_LENGTH ? word : parts[0]!, start, end, parts });
  }
  return out;
}

test('the scanner reads every real article as the reference expression does', () => {
  const root = realCorpusDir();
  const paths = realArticlePaths();
  let tokens = 0;
  // Every 40th article of the corpus: ~1,500 articles of every era, product and encoding.
  for (let i = 0; i < paths.length; i += 40) {
    const text = readFileSync(join(root, paths[i]!), 'utf8');
    const expected = referenceTokens(text);
    assert.deepEqual(tokenize(text), expected, paths[i]);
    tokens += expected.length;
  }
  assert.ok(tokens > 500_000, `${tokens} tokens compared`);
});

test('the scanner reads any text as the reference expression does: joints, apostrophes, long runs, other scripts', () => {
  const pieces = ['a', 'Z', '0', '9', '_', '.', '-', "'", '’', ' ', '\n', 'é', 'Ω', 'ж', 'İ', 'ß', '€', '\u0500', '😀', 'x'.repeat(41), '7'.repeat(45), 'kbstuff.sys', "don't", '0x80004005', '..', '--'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (chosen) => {
      const text = chosen.join('');
      assert.deepEqual(tokenize(text), referenceTokens(text));
    }),
    { numRuns: 3000 },
  );
});

test('a word\'s term is the same however often and among however many other words it is met', () => {
  // Many distinct words through the memo; each looked up again after the others.
  const words = Array.from({ length: 20_000 }, (_, i) => `${['connect', 'expir', 'lease', 'print'][i % 4]}${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}ing`);
  const first = words.map(termOf);
  assert.deepEqual(first, words.map(referenceTerm));
  assert.deepEqual(words.map(termOf), first);
  assert.deepEqual(tokenize(words.join(' ')).map((t) => t.term), first);
  fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{1,12}$/), (word) => termOf(word) === referenceTerm(word)), { numRuns: 2000 });
});
