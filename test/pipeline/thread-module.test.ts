/**
 * The parse and index threads run a bundle of their TypeScript entry, started without tsx
 * (scripts/pipeline/thread-module.ts): what they make must be exactly what the same code makes on the main thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSource } from '../../scripts/build.ts';
import { findArticleFiles } from '../../scripts/read/index.ts';
import { processAll } from '../../scripts/pipeline/pool.ts';
import { threadModule } from '../../scripts/pipeline/thread-module.ts';
import { tempDir } from '../helpers/temp.ts';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';
import { editFirstTitle } from '../helpers/sample.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('the parse threads run one bundled JavaScript file, without tsx and without a renaming call per function', async () => {
  const module = await threadModule(new URL('../../scripts/pipeline/worker.ts', import.meta.url));
  assert.match(module.filename, /worker-[0-9a-f]{16}\.mjs$/);
  assert.deepEqual(module.execArgv, [], 'started without tsx, and without the V8 options Node refuses in a thread');
  const code = readFileSync(module.filename, 'utf8');
  assert.ok(!code.includes('__name('), 'esbuild kept no names');
  assert.ok(code.includes('processBatch'), 'the worker entry is in it');
  // Asked again, the same file: bundled once per process.
  assert.equal((await threadModule(new URL('../../scripts/pipeline/worker.ts', import.meta.url))).filename, module.filename);
});

test('articles parsed on the bundled threads equal those parsed on the main thread', async () => {
  const { paths } = await findArticleFiles(defaultSource);
  const onThreads = await processAll(defaultSource, paths, { workers: 2, batchSize: 4 });
  const here = await processAll(defaultSource, paths, { workers: 0 });
  assert.ok(paths.length > 30);
  assert.equal(onThreads.filter((p) => p.record).length, here.filter((p) => p.record).length);
  assert.deepEqual(onThreads, here);
});

test('a build started with V8 options (which Node refuses in a thread\'s own options) parses and indexes on its threads', () => {
  // Real articles, more than one batch, so that parsing goes to the threads.
  const source = tempDir('kb-thread-options-src-');
  for (const path of realArticlePaths().slice(0, 450)) cpSync(join(realCorpusDir(), dirname(path)), join(source, dirname(path)), { recursive: true });
  const work = tempDir('kb-thread-options-');
  const build = () => spawnSync(process.execPath, ['--max-semi-space-size=32', '--stack-size=2000', '--import', 'tsx', 'scripts/cli.ts', 'build', '--source', source, '--out', join(work, 'site'), '--cache-dir', join(work, 'cache'), '--workers', '2'], {
    cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1' },
  });
  const cold = build();
  assert.equal(cold.status, 0, cold.stderr);
  assert.match(cold.stderr, /\[Parsing articles\] 450 articles \(thread time: read/, 'parsed on the threads');
  assert.match(cold.stderr, /\[Indexing search\] 450 articles,.*index built in [\d.]+s on its own thread/);
  // After an edit, the index thread patches the last build's index.
  const { group, id, title } = editFirstTitle(source);
  const again = build();
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /\[Indexing search\] 450 articles/);
  assert.ok(readFileSync(join(work, 'site', 'search', 'index.html'), 'utf8').length > 0);
  assert.ok(readFileSync(join(work, 'site', 'kb', group, id, 'index.html'), 'utf8').includes(title.replace(/&/g, '&amp;')));
});
