/**
 * The per-article cache keeps a batch's entries in one pack file (scripts/pipeline/cache.ts), their text in a file
 * beside it: a cold build writes a few packs instead of a file per article, a rebuild adds a pack for what it parsed
 * and reads the text of only the articles it renders, and a pack that is gone or damaged only costs a parse of its
 * articles — never a stale or missing page; a text file damaged under a build stops it, saying what to do.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { join } from 'node:path';
import { build, defaultSource, type BuildOptions } from '../../scripts/build.ts';
import { findArticleFiles } from '../../scripts/read/index.ts';
import { processAll } from '../../scripts/pipeline/pool.ts';
import { loadArticleText } from '../../scripts/pipeline/cache.ts';
import type { ProcessedArticle } from '../../scripts/pipeline/article.ts';
import { editFirstTitle } from '../helpers/sample.ts';
import { tempDir } from '../helpers/temp.ts';

test('the cache holds packs of entries, grows by a pack per rebuild that parsed, and survives a lost or damaged pack', async () => {
  const root = tempDir('kb-cache-packs-');
  const source = join(root, 'source');
  cpSync(defaultSource, source, { recursive: true });
  const cacheDir = join(root, 'cache');
  const options: BuildOptions = { source, out: join(root, 'site'), cacheDir, workers: 0, quiet: true, report: null, search: false };

  const cold = await build(options);
  const articles = cold.articlesBuilt;
  assert.ok(articles > 30, 'the sample has its articles');
  const [version, ...others] = readdirSync(cacheDir).filter((name) => /^[0-9a-f]{16}$/.test(name));
  assert.ok(version && others.length === 0, 'one code version folder');
  const folder = join(cacheDir, version);
  const packs = () => readdirSync(join(folder, 'packs')).filter((name) => name.endsWith('.v8')).sort();
  assert.deepEqual(readdirSync(folder).sort(), ['pack-index.v8', 'packs', 'stat-index.v8'], 'no file per article beside the packs');
  assert.equal(packs().length, 1, 'the sample is one batch, so one pack');
  assert.deepEqual(readdirSync(join(folder, 'packs')).sort(), [packs()[0]!.replace(/\.v8$/, '.text'), packs()[0]!], 'and its text beside it');

  // An edit: that one file is parsed and its entry lands in a new pack beside the first.
  const { group, id, title } = editFirstTitle(source);
  const edited = await build(options);
  assert.equal(edited.articlesParsed, 1);
  assert.equal(packs().length, 2);
  const again = await build(options);
  assert.equal(again.articlesParsed, 0, 'both packs are read back: nothing parsed');

  // A damaged pack reads as no pack: its articles are parsed again, and the page shows the edit.
  // The cold build's pack (the largest), not the one the edit added.
  const [first] = packs().sort((a, b) => statSync(join(folder, 'packs', b)).size - statSync(join(folder, 'packs', a)).size);
  assert.ok(first);
  const bytes = readFileSync(join(folder, 'packs', first));
  writeFileSync(join(folder, 'packs', first), bytes.subarray(0, bytes.length >> 1));
  const beforeDamaged = new Set(packs());
  const damaged = await build(options);
  assert.equal(damaged.articlesParsed, articles - 1, 'all but the edited article, whose entry is in the other pack');
  assert.equal(damaged.rejected, 0);

  // A damaged text file: the build stops, naming it and saying what to do, rather than publish pages without text.
  // The text of the pack the last build wrote, which a build into a new folder reads to render every page.
  const fresh = packs().find((name) => !beforeDamaged.has(name))!;
  const text = join(folder, 'packs', fresh.replace(/\.v8$/, '.text'));
  writeFileSync(text, readFileSync(text).subarray(0, 10));
  await assert.rejects(build({ ...options, out: join(root, 'other-site') }), (error: Error) => error.message.includes(text) && /delete the cache folder/.test(error.message));

  // Packs gone: everything parsed again, nothing lost. Into a folder of its own, which needs every article: a build
  // into 'site' may rightly find its sources and pages as the last build left them and keep them without reading any
  // article (whether it may depends on how long ago the sources were copied: see readStatIndex's racy window).
  rmSync(join(folder, 'packs'), { recursive: true });
  const lost = await build({ ...options, out: join(root, 'after-loss') });
  assert.equal(lost.articlesParsed, articles);
  assert.equal(lost.articlesBuilt, articles);
  const page = readFileSync(join(root, 'after-loss', 'kb', group, id, 'index.html'), 'utf8');
  assert.ok(page.includes(title.replace(/&/g, '&amp;')), 'the edited page is still the edited one');
});

/** What a result says about its article, without how it was obtained. */
const content = (results: ProcessedArticle[]) => results.map(({ cached: _cached, stored: _stored, ...rest }) => rest);

test('worker threads store many packs; every entry reads back as parsed, found again when the index is lost, a foreign pack ignored', async () => {
  const root = tempDir('kb-cache-packs-pool-');
  const { paths } = await findArticleFiles(defaultSource);
  const cache = { folder: join(root, 'cache'), salt: 'test' };
  const options = { workers: 2, batchSize: 5, cache };

  const parsed = await processAll(defaultSource, paths, options);
  assert.equal(parsed.filter((p) => p.cached).length, 0);
  assert.equal(readdirSync(join(cache.folder, 'packs')).filter((name) => name.endsWith('.v8')).length, Math.ceil(paths.length / 5), 'one pack per batch');

  const cached = await processAll(defaultSource, paths, options);
  assert.equal(cached.filter((p) => p.cached).length, paths.length, 'every article from the cache');
  // Read back without their text, which is read when asked for.
  assert.ok(cached.every((p) => p.unloaded && p.bodyHtml === '' && p.searchTerms === null));
  loadArticleText(cached);
  assert.deepEqual(content(cached), content(parsed), 'each path gets its own article back, as parsed');
  // Read from a pack, an article's terms hold their own bytes, not views of the whole pack's buffer (which the main
  // thread would receive a copy of with every article of the pack).
  for (const { searchTerms, path } of cached) {
    for (const array of [searchTerms!.weights, searchTerms!.blockCounts, searchTerms!.blocks, searchTerms!.sentences]) {
      assert.equal(array.buffer.byteLength, array.byteLength, `${path}: a typed array the size of its own buffer`);
    }
  }

  // A build that stopped before saving the index (or whose save a concurrent build overwrote): the packs are found.
  rmSync(join(cache.folder, 'pack-index.v8'));
  // And a file in packs/ that no build wrote is ignored, not a crash.
  writeFileSync(join(cache.folder, 'packs', 'foreign.v8'), serialize([1, 2, 3]));
  const recovered = await processAll(defaultSource, paths, options);
  assert.equal(recovered.filter((p) => p.cached).length, paths.length, 'nothing parsed again');
  loadArticleText(recovered);
  assert.deepEqual(content(recovered), content(parsed));
  assert.ok(readFileSync(join(cache.folder, 'pack-index.v8')).length > 0, 'the index is written again');
});
