/**
 * A rebuild with nothing to do (write/last-build.ts): same sources, code and options as the last build into the
 * folder, and every file it wrote still there. The folder is kept untouched and the last build's findings are
 * reported again; anything else — a file gone from the output, a source touched, other options, a failed build in
 * between — does the work as usual.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, defaultSource, type BuildOptions } from '../../scripts/build.ts';
import { editFirstTitle } from '../helpers/sample.ts';
import { tempDir } from '../helpers/temp.ts';

/** Every file under `dir`: relative path → its bytes and modification time. */
function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    files.set(relative(dir, path), { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

const bytesOf = (files: Map<string, { bytes: Buffer }>) => new Map([...files].map(([path, f]) => [path, f.bytes.toString('base64')]));

test('nothing changed: the folder is kept untouched and the findings reported again; any change does the work', async () => {
  const root = tempDir('kb-unchanged-');
  const source = join(root, 'source');
  cpSync(defaultSource, source, { recursive: true });
  // Findings to report again: a stray file (the walk's warning) and an article whose header cannot be read.
  writeFileSync(join(source, 'kb', 'notes.txt'), 'not an article');
  mkdirSync(join(source, 'kb', '999', 'Q999999'), { recursive: true });
  writeFileSync(join(source, 'kb', '999', 'Q999999', 'README.md'), '---\ntitle: [unclosed\n---\nSome text.\n');
  // Source files changed in the 2 s before a build are never trusted by their metadata (pipeline/cache.ts).
  const past = new Date(Date.now() - 60_000);
  for (const e of readdirSync(source, { recursive: true, withFileTypes: true })) if (e.isFile()) utimesSync(join(e.parentPath, e.name), past, past);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const out = join(root, 'site');
  const report = join(root, 'report.json');
  const options: BuildOptions = { source, out, cacheDir: join(root, 'cache'), report, workers: 0, quiet: true };

  const first = await build(options);
  assert.equal(first.unchanged, false);
  const built = snapshot(out);
  const firstReport = readFileSync(report, 'utf8');
  rmSync(report);

  const again = await build(options);
  assert.equal(again.unchanged, true, 'nothing changed');
  assert.equal(again.pagesRendered, 0);
  assert.equal(again.articlesParsed, 0);
  assert.deepEqual(
    { read: again.articlesRead, built: again.articlesBuilt, pages: again.pagesWritten, diagnostics: again.diagnostics, rules: again.rules },
    { read: first.articlesRead, built: first.articlesBuilt, pages: first.pagesWritten, diagnostics: first.diagnostics, rules: first.rules },
    'the same findings as the build that wrote the folder',
  );
  assert.ok(first.diagnostics.some((d) => d.rule === 'kb:unexpected-file') && first.rejected === 1, 'findings to report again');
  assert.deepEqual(snapshot(out), built, 'every file as it was, not even rewritten');
  assert.equal(readFileSync(report, 'utf8'), firstReport, 'the same report');

  const once = await build(options);
  assert.equal(once.unchanged, true, 'and again: the kept folder is recorded for the next build');

  // A stray file in an article folder the last walk found holding only its README.md (and so did not list again): the
  // folder's times changed, so it is listed, and the file reported.
  const group0 = join(source, 'kb', readdirSync(join(source, 'kb')).sort()[0]!);
  const stray = join(group0, readdirSync(group0).sort()[0]!, 'notes.txt');
  writeFileSync(stray, 'not part of the article');
  const withStray = await build(options);
  assert.ok(withStray.diagnostics.some((d) => d.rule === 'kb:unexpected-file' && d.file === relative(source, stray)), 'the stray file is reported');
  rmSync(stray);

  // A file gone from the output: the work is done, and the file is back.
  const page = [...built.keys()].find((path) => path.startsWith('events/') && path.endsWith('index.html'))!;
  rmSync(join(out, page));
  const repaired = await build(options);
  assert.equal(repaired.unchanged, false);
  assert.deepEqual(bytesOf(snapshot(out)), bytesOf(built), 'the page is made again');

  // A source file touched (same bytes, new metadata): looked at again, found unchanged by its bytes.
  const file = join(source, 'kb', readdirSync(join(source, 'kb')).sort()[0]!);
  const article = join(file, readdirSync(file).sort()[0]!, 'README.md');
  utimesSync(article, new Date(), new Date());
  const touched = await build(options);
  assert.equal(touched.unchanged, false);
  assert.equal(touched.articlesParsed, 0, 'its bytes are in the cache');

  // A failed build in between (its source is missing): the next one does the work.
  await assert.rejects(build({ ...options, source: join(root, 'missing') }), /does not exist/);
  const afterFailure = await build(options);
  assert.equal(afterFailure.unchanged, false);
  assert.deepEqual(bytesOf(snapshot(out)), bytesOf(built));

  // Other options into the same folder: rendered again.
  const rebased = await build({ ...options, base: '/mirror/' });
  assert.equal(rebased.unchanged, false);
  assert.ok(rebased.pagesRendered > 0);
});

test('whatever changed the folder or what it should hold since its last build, the work is done', async () => {
  const root = tempDir('kb-unchanged-others-');
  const source = join(root, 'source');
  cpSync(defaultSource, source, { recursive: true });
  const past = new Date(Date.now() - 60_000);
  for (const e of readdirSync(source, { recursive: true, withFileTypes: true })) if (e.isFile()) utimesSync(join(e.parentPath, e.name), past, past);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const cacheDir = join(root, 'cache');
  const options: BuildOptions = { source, out: join(root, 'a'), cacheDir, report: null, workers: 0, quiet: true, search: false };
  await build(options);
  const built = snapshot(join(root, 'a'));
  const warm = await build(options);
  assert.equal(warm.unchanged, true);

  // Every option that shapes the output counts.
  for (const other of [{ siteUrl: 'https://example.org' }, { search: true }, { maxFileSize: 100_000 }]) {
    const result = await build({ ...options, ...other });
    assert.equal(result.unchanged, false, `${JSON.stringify(other)} differs from the last build`);
    await build(options);
  }

  // A page edited by hand inside the folder is made again.
  const page = [...built.keys()].find((path) => path.startsWith('kb/') && path.endsWith('index.html'))!;
  writeFileSync(join(root, 'a', page), 'edited by hand');
  const restored = await build(options);
  assert.equal(restored.unchanged, false);
  assert.deepEqual(bytesOf(snapshot(join(root, 'a'))), bytesOf(built), 'the edited page is made again');

  // A build without the cache, with other options, into the same folder: the next cached build does the work.
  await build({ ...options, cacheDir: null, base: '/elsewhere/' });
  const afterUncached = await build(options);
  assert.equal(afterUncached.unchanged, false);
  assert.deepEqual(bytesOf(snapshot(join(root, 'a'))), bytesOf(built));

  // Two folders built from one cache: an edit built into the other folder still counts for this one.
  const other: BuildOptions = { ...options, out: join(root, 'b') };
  await build(other);
  const { group, id, file, title } = editFirstTitle(source);
  utimesSync(file, past, past);
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const intoOther = await build(other);
  assert.equal(intoOther.articlesParsed, 1);
  const intoThis = await build(options);
  assert.equal(intoThis.unchanged, false, 'the edit was read by a build of the other folder, not of this one');
  assert.ok(readFileSync(join(root, 'a', 'kb', group, id, 'index.html'), 'utf8').includes(title.replace(/&/g, '&amp;')));
});
