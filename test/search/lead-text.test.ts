/**
 * The lead text Pagefind indexes: flattening only a prefix of the body (for speed) must give exactly what
 * flattening the whole body gives, whatever sits at the prefix's edge (rules, runs of spaces, long words).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { leadText } from '../../scripts/index/lead-text.ts';
import { join } from 'node:path';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';

/** The straightforward definition: flatten everything, then cut. */
function reference(text: string, max: number): string {
  const flat = text.replace(/[=_-]{3,}/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return flat.slice(0, cut > max * 0.8 ? cut : max);
}

test('a prefix flattens to the same lead as the whole text, edge cases included', () => {
  // A seeded generator: the same strings every run.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pieces = ['word', ' ', '  ', '\n\n', '\t', '-', '--', '---', '=====', '_', 'x'.repeat(40), '\u00a0', 'é'];
  for (let i = 0; i < 3000; i++) {
    const max = [5, 20, 100, 2000][i % 4]!;
    let text = '';
    const length = Math.floor(random() * max * 6);
    while (text.length < length) text += pieces[Math.floor(random() * pieces.length)]!;
    assert.equal(leadText(text, max), reference(text, max), JSON.stringify({ text: text.slice(0, 200), max }));
  }
  // Mostly whitespace and rules: the prefix flattens to almost nothing and the whole text decides.
  const sparse = `${' '.repeat(5000)}${'-'.repeat(5000)} the words come late ${'x '.repeat(3000)}`;
  assert.equal(leadText(sparse, 100), reference(sparse, 100));
  assert.ok(leadText(sparse, 100).startsWith('the words come late'));
});

test('real article bodies give the same lead either way', () => {
  // Every 100th article of the shared corpus: a spread across the years and products.
  const paths = realArticlePaths().filter((_, i) => i % 100 === 0);
  assert.ok(paths.length > 500);
  for (const path of paths) {
    const text = readFileSync(join(realCorpusDir(), path), 'utf8');
    for (const max of [200, 2000]) assert.equal(leadText(text, max), reference(text, max), path);
  }
});
