/**
 * A build that fails while rendering reports the failure, naming the file it could not write, rather than going on
 * to write a search index for pages that are not there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, defaultSource, type BuildOptions } from '../scripts/build.ts';
import { tempDir } from './helpers/temp.ts';

test('a build that fails while rendering reports the failure and writes no search index', async () => {
  const out = join(tempDir('kb-build-failure-'), 'site');
  const options: BuildOptions = { source: defaultSource, out, workers: 0, quiet: true, report: null, cacheDir: null };
  await build(options);
  rmSync(join(out, 'search/index'), { recursive: true });
  // A file where a folder of article pages belongs: those pages cannot be written.
  const kb = join(out, 'kb');
  const group = readdirSync(kb).find((name) => /^\d{3}$/.test(name))!;
  rmSync(join(kb, group), { recursive: true });
  writeFileSync(join(kb, group), 'in the way');

  await assert.rejects(build(options), (error: unknown) => {
    assert.match(String(error), new RegExp(`Could not write ${out}/kb/${group}/(Q\\d+/)?index\\.html: E(NOTDIR|EXIST)`));
    return true;
  });
  assert.ok(!existsSync(join(out, 'search/index')), 'no search index is written after the failure');
});
