/**
 * The real corpus, extracted at test time (never committed): `../shared/corpus/kbarchive-kb.tar.gz`
 * unpacked once per machine into a temporary folder keyed by the tarball's size and mtime.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusTarball = resolve(projectRoot, '../shared/corpus/kbarchive-kb.tar.gz');

/** Extracts the corpus (once) and returns the folder that holds `kb/<NNN>/Q<n>/README.md`. */
export function realCorpusDir(): string {
  if (!existsSync(corpusTarball)) throw new Error(`The shared corpus is missing: ${corpusTarball}`);
  const stat = statSync(corpusTarball);
  const dir = join(tmpdir(), `kb-corpus-${stat.size}-${Math.floor(stat.mtimeMs)}`);
  const done = join(dir, '.extracted');
  if (!existsSync(done)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', corpusTarball, '-C', dir]);
    writeFileSync(done, new Date(0).toISOString());
  }
  return dir;
}

/** The path of one real article's README.md, e.g. `realArticlePath('Q182346')`. */
export function realArticlePath(id: string): string {
  const n = id.replace(/^Q/, '');
  // kbarchive's folder: the number zero-padded to six digits, first three (Q10022 → 010).
  return join(realCorpusDir(), 'kb', n.padStart(6, '0').slice(0, 3), `Q${n}`, 'README.md');
}

/** Every article path in the real corpus (relative to its root), sorted. */
export function realArticlePaths(): string[] {
  const root = join(realCorpusDir(), 'kb');
  const out: string[] = [];
  for (const group of readdirSync(root).sort()) {
    for (const q of readdirSync(join(root, group)).sort()) out.push(`kb/${group}/${q}/README.md`);
  }
  return out;
}
