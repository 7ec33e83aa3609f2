/**
 * The bench's per-stage figures (issue #5: read, parse, normalise, … each timed). Reading, parsing and normalising run
 * article by article, interleaved, on the parse workers, so the build sums each one's thread time and prints it on the
 * parsing stage's line, and the bench reads it back (report/stage-line.ts). Real articles copied from the corpus at test
 * time, the real command line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';
import { buildSite } from '../helpers/site.ts';
import { tempDir } from '../helpers/temp.ts';
import { parseStageLine, threadTimeRemark } from '../../scripts/report/stage-line.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('a cold build prints each per-article stage\'s thread time on the parsing line, and the bench reads it back', () => {
  const source = tempDir('kb-stage-times-src-');
  for (const path of realArticlePaths().slice(0, 1500)) cpSync(join(realCorpusDir(), dirname(path)), join(source, dirname(path)), { recursive: true });
  const work = tempDir('kb-stage-times-');
  const run = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/cli.ts', 'build', '--source', source, '--out', join(work, 'site'), '--cache-dir', join(work, 'cache'), '--workers', '2', '--no-search'], {
    cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1' },
  });
  assert.equal(run.status, 0, run.stderr);
  const stages = run.stderr.split('\n').flatMap((line) => parseStageLine(line) ?? []);
  assert.deepEqual(stages.map((s) => s.name).slice(0, 2), ['Finding articles', 'Parsing articles'], run.stderr);
  const parsing = stages[1]!;
  assert.deepEqual(parsing.threadSeconds.map((t) => t.name), ['read', 'parse', 'normalise', 'digest', 'store'], run.stderr);
  const seconds = Object.fromEntries(parsing.threadSeconds.map((t) => [t.name, t.seconds]));
  for (const stage of ['read', 'parse', 'normalise']) assert.ok(seconds[stage]! > 0, `${stage}: ${seconds[stage]} s`);
  // Thread time: two workers cannot spend more than twice the stage's wall time (rounding aside). Counted twice, or
  // wall time taken for thread time, it would not add up.
  const total = parsing.threadSeconds.reduce((sum, t) => sum + t.seconds, 0);
  assert.ok(total <= 2 * parsing.seconds + 0.1, `${total.toFixed(2)} s of thread time in ${parsing.seconds} s on two workers`);
  // The other stages carry no split.
  assert.ok(stages.filter((s) => s !== parsing).every((s) => s.threadSeconds.length === 0));
});

test('the build result holds the split: storing counted with a cache, none without, and null when nothing was parsed', async () => {
  const cacheDir = join(tempDir('kb-stage-times-cache-'), 'cache');
  const cold = await buildSite({ cacheDir, workers: 0, search: false });
  assert.equal(cold.result.articlesParsed, cold.result.articlesRead);
  const times = cold.result.articleStageSeconds!;
  assert.ok(times.read > 0 && times.parse > 0 && times.normalise > 0 && times.digest > 0 && times.store > 0, JSON.stringify(times));

  const uncached = await buildSite({ cacheDir: null, workers: 0, search: false });
  assert.equal(uncached.result.articleStageSeconds!.store, 0);
  assert.ok(uncached.result.articleStageSeconds!.parse > 0);

  // Another folder, the same cache: every article comes from it, so no per-article stage ran.
  const cached = await buildSite({ cacheDir, workers: 0, search: false });
  assert.equal(cached.result.articlesParsed, 0);
  assert.equal(cached.result.articleStageSeconds, null);
});

test('the bench reads back the remark as the build writes it, at either precision', () => {
  const line = (remark: string) => `[Parsing articles] 59,132 articles (12 parsed, 59,120 unchanged from the cache; ${remark}) in 22.9s`;
  const small = parseStageLine(line(threadTimeRemark({ read: 0.0123, parse: 0.25, normalise: 0.126, digest: 0.05, store: 0 })));
  assert.deepEqual(small?.threadSeconds, [
    { name: 'read', seconds: 0.01 }, { name: 'parse', seconds: 0.25 }, { name: 'normalise', seconds: 0.13 }, { name: 'digest', seconds: 0.05 }, { name: 'store', seconds: 0 },
  ]);
  const large = parseStageLine(line(threadTimeRemark({ read: 4.12, parse: 19.6, normalise: 9.64, digest: 5.4, store: 1.1 })));
  assert.deepEqual(large?.threadSeconds.map((t) => t.seconds), [4.1, 19.6, 9.6, 5.4, 1.1]);
  assert.equal(large?.seconds, 22.9);
  assert.deepEqual(parseStageLine('[Linking] 1,255 event IDs in 3.2s')?.threadSeconds, []);
  assert.equal(parseStageLine('[Parsing articles] 8,600/59,132 (10%) ETA 30s'), null);
});
