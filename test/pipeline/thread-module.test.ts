/**
 * The parse and index threads run a bundle of their TypeScript entry, started without tsx
 * (scripts/pipeline/thread-module.ts): what they make must be exactly what the same code makes on the main thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultSource } from '../../scripts/build.ts';
import { findArticleFiles } from '../../scripts/read/index.ts';
import { processAll } from '../../scripts/pipeline/pool.ts';
import { threadModule, withoutTsx } from '../../scripts/pipeline/thread-module.ts';

test('the parse threads run one bundled JavaScript file, without tsx and without a renaming call per function', async () => {
  const module = await threadModule(new URL('../../scripts/pipeline/worker.ts', import.meta.url));
  assert.match(module.filename, /worker-[0-9a-f]{16}\.mjs$/);
  assert.ok(!module.execArgv.some((arg) => arg.includes('tsx')), `no tsx in ${module.execArgv.join(' ')}`);
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

test("Node's options lose only what loads tsx", () => {
  assert.deepEqual(withoutTsx(['--import', 'tsx', '--max-old-space-size=8000']), ['--max-old-space-size=8000']);
  assert.deepEqual(withoutTsx(['--require', '/x/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///x/node_modules/tsx/dist/loader.mjs', '--cpu-prof']), ['--cpu-prof']);
  assert.deepEqual(withoutTsx(['--import=tsx', '--import', './other.mjs']), ['--import', './other.mjs']);
});
