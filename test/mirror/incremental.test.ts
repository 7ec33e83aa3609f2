/**
 * Issue #5, reproducible and incremental: two builds of the same input are byte-identical; after an edit or a
 * deletion, a rebuild over the previous output with the cache re-parses only the changed file and leaves exactly
 * what a clean build of the new input writes — the dependent pages updated, the deleted article's pages gone.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, defaultSource, type BuildOptions } from '../../scripts/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { fullTextPaths, shardOfTerm } from '../../scripts/index/full-text/format.ts';
import { readRecordsExport } from '../../scripts/write/data-export.ts';

const root = tempDir('kb-incremental-');
const source = join(root, 'source');
// With the per-article extras on, so that a rebuild is shown to keep, rewrite and delete them as it does pages.
const options: BuildOptions = { source, workers: 0, quiet: true, report: null, base: '/mirror/', siteUrl: 'https://example.org', originals: true, records: 'article', redirectsFile: true };

/** Every file under `dir`, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** The paths whose bytes differ, or that only one side has. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => !a.get(p)?.equals(b.get(p) ?? Buffer.alloc(0)) || !a.has(p) || !b.has(p)).sort();
}

/** The modification time of every article page in the mirror, by relative path. */
function articlePageTimes(): Map<string, number> {
  return new Map(records.map((r) => {
    const page = relative('/', `${r.permalink}index.html`);
    return [page, statSync(join(mirror, page)).mtimeMs] as const;
  }));
}

/** The modification time of every file under `folder` of the mirror, by relative path. */
function fileTimes(folder: string): Map<string, number> {
  const entries = readdirSync(join(mirror, folder), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(entries.map((e) => [relative(mirror, join(e.parentPath, e.name)), statSync(join(e.parentPath, e.name)).mtimeMs] as const));
}

/** A clean, uncached build of the current source into a new folder. */
async function cleanBuild(name: string, more: BuildOptions = {}): Promise<Map<string, Buffer>> {
  const out = join(root, name);
  await build({ ...options, out, cacheDir: null, ...more });
  return snapshot(out);
}

const mirror = join(root, 'mirror');
const cacheDir = join(root, 'cache');
let records: { id: string; permalink: string; sourcePath: string; citedBy: string[]; title: string }[];

before(() => {
  cpSync(defaultSource, source, { recursive: true });
});

test('two builds of the same input write byte-identical output', async () => {
  const first = await build({ ...options, out: mirror, cacheDir });
  assert.equal(first.rejected, 0);
  // Rendered in runs of 7 article pages (6 Eleventy runs) instead of one: the same bytes.
  const again = await cleanBuild('again', { articlesPerRenderRun: 7 });
  const one = snapshot(mirror);
  assert.ok(one.size > 200, `${one.size} files`);
  assert.deepEqual(differences(one, again), []);
  records = readRecordsExport(mirror);
});

test('after an edit, only that file is parsed again, and the site equals a clean build — cited-by pages included', async () => {
  const before = snapshot(mirror);
  const edited = records.find((r) => r.citedBy.length > 0)!;
  const file = join(source, edited.sourcePath);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(edited.title));
  writeFileSync(file, text.replaceAll(edited.title, `${edited.title} (revised)`));
  const other = records.find((r) => r.id !== edited.id)!;
  const otherText = join(mirror, relative('/', `${other.permalink}${other.id}.txt`));
  const otherMtime = statSync(otherText).mtimeMs;

  const pageTimes = articlePageTimes();
  const indexTimes = fileTimes('search/index');
  // One article page per Eleventy run: the edited page and those citing it render in runs, the others are kept.
  const result = await build({ ...options, out: mirror, cacheDir, articlesPerRenderRun: 1 });
  assert.equal(statSync(otherText).mtimeMs, otherMtime, 'a file whose bytes did not change is left untouched (mirrors sync by mtime)');
  const after = snapshot(mirror);
  // Of the full-text index, only the shards of the terms the edit touched are written: the title's new word's shard
  // and, as the article's lengths and weights moved, those of its own terms; no other article's postings changed.
  const sameBytes = [...indexTimes.keys()].filter((path) => after.get(path)?.equals(before.get(path)!));
  const rewritten = sameBytes.filter((path) => statSync(join(mirror, path)).mtimeMs !== indexTimes.get(path));
  assert.deepEqual(rewritten, [], 'index files whose bytes did not change are left untouched');
  const changedShards = [...indexTimes.keys()].filter((path) => !after.get(path)?.equals(before.get(path)!));
  assert.ok(changedShards.some((path) => path === `search/index/t/${fullTextPaths.shard(shardOfTerm('revis')).split('/').pop()}`), 'the shard of the added word changed');
  assert.ok(changedShards.length < indexTimes.size / 4, `${changedShards.length} of ${indexTimes.size} index files changed`);
  assert.deepEqual(differences(after, await cleanBuild('after-edit')), []);
  const changed = differences(before, after);
  const page = relative('/', `${edited.permalink}index.html`);
  assert.ok(changed.includes(page), 'the article page changed');
  assert.ok(readFileSync(join(mirror, page), 'utf8').includes(`${edited.title} (revised)`));
  for (const citing of edited.citedBy) {
    const citingPage = relative('/', `${records.find((r) => r.id === citing)!.permalink}index.html`);
    assert.ok(changed.includes(citingPage), `${citing}, which cites it, was rewritten`);
  }
  assert.ok(!changed.includes('about/index.html'), 'pages that do not depend on it keep their bytes');
  // Only the pages that show something of the edited article are rendered again: every other article page is kept.
  const rerendered = [...articlePageTimes()].filter(([path, time]) => pageTimes.get(path) !== time).map(([path]) => path);
  assert.deepEqual(rerendered, [...pageTimes.keys()].filter((path) => changed.includes(path)));
  assert.ok(result.pagesRendered < result.pagesWritten / 3, `${result.pagesRendered} of ${result.pagesWritten} pages rendered`);
  assert.equal(result.articlesBuilt, records.length);
  assert.equal(result.articlesParsed, 1, 'one article parsed, the rest from the cache');
  assert.ok(result.search, 'the search index was written');
  assert.notEqual(result.search.patched, null, 'the last build\'s index was patched, not built again');
});

test('on worker threads too, a rebuild patches the last build\'s search index on the index thread, and equals a clean build', async () => {
  const edited = records.find((r) => r.citedBy.length === 0)!;
  const file = join(source, edited.sourcePath);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nThe quokka driver was revised.\n`);
  const result = await build({ ...options, out: mirror, cacheDir, workers: 1 });
  assert.notEqual(result.search?.patched ?? null, null, 'the last build\'s index was patched, not built again');
  assert.deepEqual(differences(snapshot(mirror), await cleanBuild('after-threaded-edit')), []);
  assert.ok(readFileSync(join(mirror, 'search/index.html'), 'utf8').includes('commonTerms'), 'the search page holds its script with the figures');
});

test('an edit to an article\'s keywords relates it anew: its related articles, and the others\', as a clean build finds them', async () => {
  // The rebuild before kept the last build's related articles (a text edit changes no feature); this one must not.
  const before = readRecordsExport<{ id: string; sourcePath: string; keywords: string[]; productFamily: string; related: string[] }>(mirror);
  const edited = before.find((r) => r.keywords.length > 0)!;
  const other = before.find((r) => r.productFamily !== edited.productFamily && r.keywords.length >= 2 && !r.related.includes(edited.id))!;
  const file = join(source, edited.sourcePath);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /Keyword\(s\):/);
  writeFileSync(file, text.replace(/Keyword\(s\):[^\n]*/, `Keyword(s): ${[...edited.keywords, ...other.keywords].join(' ')}`));
  await build({ ...options, out: mirror, cacheDir });
  assert.deepEqual(differences(snapshot(mirror), await cleanBuild('after-keyword-edit')), []);
  const after = readRecordsExport<{ id: string; related: string[] }>(mirror);
  assert.ok(after.find((r) => r.id === edited.id)!.related.includes(other.id), `${edited.id} is now related to ${other.id}, whose keywords it took`);
});

test('an edit to an article\'s date moves it between the year listings, as a clean build lists it', async () => {
  // Its related articles stay as they were (the date is none of their features): the listings must not.
  const before = readRecordsExport<{ id: string; sourcePath: string; year: number | null; related: string[] }>(mirror);
  const edited = before.find((r) => r.year !== null && r.year !== 1994)!;
  const file = join(source, edited.sourcePath);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /Last Modified: \S+/);
  writeFileSync(file, text.replace(/Last Modified: \S+/, 'Last Modified: 14-MAR-1994'));
  await build({ ...options, out: mirror, cacheDir });
  assert.deepEqual(differences(snapshot(mirror), await cleanBuild('after-date-edit')), []);
  const yearPage = readFileSync(join(mirror, 'years/1994/index.html'), 'utf8');
  assert.ok(yearPage.includes(edited.id), `${edited.id} is listed under 1994`);
  const after = readRecordsExport<{ id: string; related: string[] }>(mirror);
  assert.deepEqual(after.find((r) => r.id === edited.id)!.related, edited.related, 'its related articles are those it had');
});

test('after a deletion, the article\'s pages, redirects and records are gone, and the site equals a clean build', async () => {
  const deleted = records.find((r) => r.citedBy.length === 0)!;
  rmSync(join(source, deleted.sourcePath, '..'), { recursive: true });
  const result = await build({ ...options, out: mirror, cacheDir });
  const after = snapshot(mirror);
  assert.deepEqual(differences(after, await cleanBuild('after-delete')), []);
  for (const path of after.keys()) assert.ok(!path.includes(`${deleted.id}/`) && !path.includes(`${deleted.id}.txt`), `${path} is left over`);
  assert.ok(!readFileSync(join(mirror, '_redirects'), 'utf8').includes(`/${deleted.id}/`));
  assert.equal(result.articlesBuilt, records.length - 1);
  assert.equal(result.articlesParsed, 0);
});

test('an edit to the original text alone (a trailing space: record and body unchanged) updates the published original', async () => {
  const edited = records.find((r) => existsSync(join(source, r.sourcePath)))!;
  const file = join(source, edited.sourcePath);
  const lines = readFileSync(file, 'utf8').split('\n');
  // A body line of the indented original: its trailing space is kept in the plain text, not in the HTML.
  const line = lines.findIndex((l, i) => i > 10 && /^\t\S.*\w$/.test(l));
  assert.ok(line > 0, 'a body line to edit');
  lines[line] += ' ';
  writeFileSync(file, lines.join('\n'));
  const result = await build({ ...options, out: mirror, cacheDir });
  assert.equal(result.articlesParsed, 1);
  const original = readFileSync(join(mirror, relative('/', `${edited.permalink}${edited.id}.txt`)), 'utf8');
  assert.ok(original.includes(`${lines[line]!.trim()} \n`), 'the published original has the trailing space');
  assert.deepEqual(differences(snapshot(mirror), await cleanBuild('after-space')), []);
});

test('after an article others cite in their text is deleted, their pages mark the citation missing, as a clean build does', async () => {
  const inSource = (r: (typeof records)[number]) => existsSync(join(source, r.sourcePath));
  const citesInText = (citing: (typeof records)[number], id: string) => inSource(citing) && readFileSync(join(source, citing.sourcePath), 'utf8').includes(id);
  const cited = records.find((r) => inSource(r) && records.some((c) => r.citedBy.includes(c.id) && citesInText(c, r.id)));
  assert.ok(cited, 'an article cited in another article\'s text');
  const citing = records.find((c) => cited.citedBy.includes(c.id) && citesInText(c, cited.id))!;
  const citingPage = join(mirror, relative('/', `${citing.permalink}index.html`));
  assert.ok(readFileSync(citingPage, 'utf8').includes(`href="/mirror${cited.permalink}"`), 'linked before');
  rmSync(join(source, cited.sourcePath, '..'), { recursive: true });
  await build({ ...options, out: mirror, cacheDir });
  assert.match(readFileSync(citingPage, 'utf8'), new RegExp(`kbref-missing" title="${cited.id} is not in this archive`));
  assert.deepEqual(differences(snapshot(mirror), await cleanBuild('after-cited-delete')), []);
});

test('a rebuild with nothing changed renders no page from data, and restores an output file deleted by hand', async () => {
  const victim = records.find((r) => statSync(join(source, r.sourcePath), { throwIfNoEntry: false }))!;
  const victimPage = join(mirror, relative('/', `${victim.permalink}index.html`));
  const before = snapshot(mirror);
  rmSync(victimPage);
  rmSync(join(mirror, fullTextPaths.shard(0).slice(1)));
  const result = await build({ ...options, out: mirror, cacheDir });
  assert.deepEqual(differences(before, snapshot(mirror)), [], 'the same files with the same bytes');
  assert.ok(result.pagesRendered < 40, `${result.pagesRendered} pages rendered: only the site's own pages and the one deleted`);
});

test('unchanged index files are left as the output holds them: not written again', async () => {
  const parts = join(mirror, 'search/index');
  const times = new Map(readdirSync(parts, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name), statSync(join(e.parentPath, e.name)).mtimeMs]));
  assert.ok(times.size > 20, `${times.size} index files`);
  const before = snapshot(mirror);
  // A source file touched (same bytes): otherwise nothing changed and the build keeps the whole folder without
  // looking at the index (unchanged.test.ts); here the index files themselves must be found unchanged.
  const touched = join(source, records.find((r) => statSync(join(source, r.sourcePath), { throwIfNoEntry: false }))!.sourcePath);
  utimesSync(touched, new Date(), new Date());
  const result = await build({ ...options, out: mirror, cacheDir });
  assert.equal(result.unchanged, false);
  for (const [file, time] of times) assert.equal(statSync(file).mtimeMs, time, `${file} untouched`);
  assert.deepEqual(differences(before, snapshot(mirror)), []);
});

test('without its cache, a rebuild over the output still leaves exactly a clean build', async () => {
  const edited = records.find((r) => statSync(join(source, r.sourcePath), { throwIfNoEntry: false }))!;
  const file = join(source, edited.sourcePath);
  writeFileSync(file, readFileSync(file, 'utf8').replace(edited.title, `${edited.title} (second revision)`));
  rmSync(cacheDir, { recursive: true, force: true });
  const result = await build({ ...options, out: mirror, cacheDir });
  assert.equal(result.pagesRendered, result.pagesWritten, 'no manifest: every page rendered');
  assert.equal(result.articlesBuilt, records.filter((r) => existsSync(join(source, r.sourcePath))).length, 'the articles still in the source (two were deleted above)');
  assert.deepEqual(differences(snapshot(mirror), await cleanBuild('after-cache-loss')), []);
});

test('an output folder that is not a kb-archive site is refused, not emptied', async () => {
  const foreign = join(root, 'foreign');
  cpSync(join(source, 'kb'), join(foreign, 'kb'), { recursive: true });
  await assert.rejects(build({ ...options, out: foreign, cacheDir: null }), /is not empty and holds no site built by kb-archive/);
  assert.ok(snapshot(foreign).size > 0);
});
