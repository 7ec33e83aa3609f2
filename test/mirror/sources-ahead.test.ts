/**
 * A rebuild finds the article files on a thread of its own while the main thread reads the cache: the files it finds,
 * the changes it sees and the errors it reports are those of the walk in the main thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, defaultSource, type BuildOptions } from '../../scripts/build.ts';
import { tempDir } from '../helpers/temp.ts';

test('a rebuild finds the files on its own thread: an added stray file is reported, an edit parsed, a missing kb/ named', async () => {
  const root = tempDir('kb-sources-ahead-');
  const source = join(root, 'source');
  cpSync(defaultSource, source, { recursive: true });
  const options: BuildOptions = { source, out: join(root, 'site'), cacheDir: join(root, 'cache'), workers: 0, quiet: true, report: null, search: false };
  const first = await build(options);
  assert.equal(first.articlesParsed, first.articlesBuilt);

  // A stray file in a group folder, and one article edited: the walk on the thread reports the one, the check the other.
  writeFileSync(join(source, 'kb', 'notes.txt'), 'not an article');
  const article = join(source, 'kb/118/Q118926/README.md');
  writeFileSync(article, readFileSync(article, 'utf8').replace('setjmp', 'setjmp()'));
  const again = await build(options);
  assert.equal(again.articlesBuilt, first.articlesBuilt);
  assert.equal(again.articlesParsed, 1, 'only the edited article parsed: the others read from the cache');
  assert.ok(again.diagnostics.some((d) => d.file === 'kb/notes.txt'), 'the stray file is reported');

  renameSync(join(source, 'kb'), join(source, 'kb-moved'));
  await assert.rejects(build(options), /has no kb\/ folder.*Pass --source/);
});
