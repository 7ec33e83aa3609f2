/**
 * A part's cache key hashes each article's search-page digest as the parse workers computed it (and the cache kept
 * it), while Pagefind is given the page made at index time: the two must be the same page, whatever the stages
 * between them (deduplication, linking) do with the records.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSite, resolveBuildOptions } from '../../scripts/build.ts';
import { searchDigest } from '../../scripts/index/search-page.ts';
import { OutputFolder } from '../../scripts/write/output.ts';
import { sampleArticles } from '../helpers/sample.ts';
import { tempDir } from '../helpers/temp.ts';

test('the digest cached with each article is that of the search page made after linking', async () => {
  const { kept, byId } = await sampleArticles();
  const o = resolveBuildOptions({ out: tempDir('kb-search-page-'), quiet: true });
  linkSite(o, new OutputFolder(o.out), kept, byId);
  assert.ok(kept.length > 30);
  for (const p of kept) {
    const doc = { article: p.record!, searchText: p.searchText };
    assert.match(p.searchDigest, /^[\w-]{43}$/, p.path);
    assert.equal(searchDigest(doc), p.searchDigest, `${p.path}: its search page changed after parsing`);
  }
});
