/**
 * A page names an article (and so must be rendered again when that article's summary changes) wherever its JSON
 * holds `"Q<number>"` as a whole string value or key: the hand scanner finds exactly what the expression would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachNamedArticle } from '../../scripts/render/article-inputs.ts';
import { linkArchive } from '../../scripts/link/index.ts';
import { familyOf } from '../../scripts/normalise/index.ts';
import { sampleArticles } from '../helpers/sample.ts';

const byExpression = (json: string) => [...json.matchAll(/[[{,:]"(Q\d+)"/g)].map((m) => m[1]!);
const byScanner = (json: string) => {
  const found: string[] = [];
  eachNamedArticle(json, (id) => found.push(id));
  return found;
};

test('the scanner finds the names the expression finds, in the sample\'s linked articles and listings', async () => {
  const { kept } = await sampleArticles();
  const linked = linkArchive(kept.map((p) => p.record!), (slug) => familyOf(slug).name);
  const texts = [...linked.articles.map((a) => JSON.stringify(a)), JSON.stringify(linked.listings)];
  let names = 0;
  for (const json of texts) {
    const expected = byExpression(json);
    assert.deepEqual(byScanner(json), expected);
    names += expected.length;
  }
  // The sample cites and relates its articles: the comparison saw names, not only empty lists.
  assert.ok(names > 100, `${names} names`);
});

test('only whole strings after [ { , or : name an article', () => {
  const json = JSON.stringify({ Q1: ['Q2', 'Q3x', 'see Q4', 'Q'], title: 'Q5', nested: [{ id: 'Q66' }, '"Q7"'], q: 'Q8"' }) + '"Q9"' + '["Q10"' + '[\"Q11';
  assert.deepEqual(byScanner(json), byExpression(json));
  assert.deepEqual(byScanner(json), ['Q1', 'Q2', 'Q5', 'Q66', 'Q10']);
});
