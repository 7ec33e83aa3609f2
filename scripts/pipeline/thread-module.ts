/**
 * A worker thread's code as one plain JavaScript file, bundled by esbuild from its TypeScript entry, and the options
 * that start a thread on it without tsx.
 *
 * Why not let tsx load the entry in the thread, as it loads the rest of the build: tsx compiles with esbuild's
 * `keepNames`, which wraps every function made at run time in a call that names it (`__name`, an
 * `Object.defineProperty` each time). The parse workers make closures per article and per line: on the full corpus
 * that was ~2 s of each worker's time, and tsx's loader in every thread adds to its start. The bundle has no such
 * calls, and a thread loads one file.
 *
 * The bundle is written once per content (a hash names it) under the system's temporary folder, and shared by every
 * build of the same code. Where it cannot be made or written, the thread loads the TypeScript entry through tsx as
 * before: slower, never different.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transferable } from 'node:worker_threads';
import { build } from 'esbuild';
import { Piscina } from 'piscina';

/** What Piscina needs to start a thread on an entry: its file, and the Node options to start it with (none given:
 *  the process's own, tsx's loader among them). */
export interface ThreadModule {
  filename: string;
  execArgv?: string[];
}

const bundles = new Map<string, Promise<ThreadModule>>();

/** The thread module for a TypeScript entry (`new URL('./worker.ts', import.meta.url)`), bundled once per process. */
export function threadModule(entry: URL): Promise<ThreadModule> {
  let module = bundles.get(entry.href);
  if (!module) bundles.set(entry.href, (module = bundle(entry)));
  return module;
}

/** Runs one task on a thread of its own, started on the entry's bundle, and lets the thread go when it ends. */
export async function runOnThread<Task>(entry: URL, task: Task, transferList: Transferable[] = []): Promise<void> {
  const pool = new Piscina<Task, void>({ ...(await threadModule(entry)), minThreads: 1, maxThreads: 1 });
  try {
    await pool.run(task, { transferList });
  } finally {
    await pool.destroy();
  }
}

async function bundle(entry: URL): Promise<ThreadModule> {
  const typescript = { filename: entry.href };
  try {
    const result = await build({
      entryPoints: [fileURLToPath(entry)],
      write: false,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      logLevel: 'silent',
      // The bundled CommonJS packages (gray-matter, js-yaml) `require` Node's own modules.
      banner: { js: "import { createRequire as __kbCreateRequire } from 'node:module'; const require = __kbCreateRequire(import.meta.url);" },
    });
    const code = result.outputFiles[0]!.contents;
    const folder = join(tmpdir(), 'kb-archive-threads');
    const file = join(folder, `${basename(entry.pathname, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(folder, { recursive: true });
      // Written aside, then renamed: a build starting beside this one never loads half a file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    // No Node options: tsx's loader would compile the bundle again, names and all. The process's V8 options
    // (`--max-old-space-size`, `--trace-gc`…) hold for every thread anyway, and Node refuses them in a thread's own
    // options.
    return { filename: file, execArgv: [] };
  } catch {
    return typescript;
  }
}
