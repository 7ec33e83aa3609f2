/**
 * The search index is built beside rendering and records (build.ts): a build that fails in one of those stages
 * must report that failure and end the indexer it started, not leave Pagefind's processes running or the
 * build waiting for them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, defaultSource, type BuildOptions } from '../../scripts/build.ts';
import { tempDir } from '../helpers/temp.ts';
import { runningIndexers } from '../helpers/indexers.ts';

test('a build that fails while its search index is being made reports the failure and ends the indexer', async () => {
  const out = join(tempDir('kb-build-failure-'), 'site');
  // Parts of 10 articles: the indexer has parts in flight when rendering fails.
  const options: BuildOptions = { source: defaultSource, out, workers: 0, quiet: true, report: null, cacheDir: null, searchPartSize: 10 };
  await build(options);
  // A file where a folder of article pages belongs: Eleventy cannot write those pages.
  const kb = join(out, 'kb');
  const group = readdirSync(kb).find((name) => /^\d{3}$/.test(name))!;
  rmSync(join(kb, group), { recursive: true });
  writeFileSync(join(kb, group), 'in the way');

  await assert.rejects(build(options), (error: unknown) => {
    assert.match(String(error), new RegExp(`Having trouble writing to "${out}/kb/${group}/Q\\d+/index\\.html"`));
    return true;
  });
  assert.equal(await runningIndexers(), 0, 'no Pagefind process outlives the failed build');
});
