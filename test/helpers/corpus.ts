/**
 * The real corpus, extracted at test time (never committed): `../shared/corpus/kbarchive-kb.tar.gz`
 * unpacked once per machine into a temporary folder keyed by a hash of the tarball (its mtime changes whenever the
 * shared folder is refreshed, which would unpack a fresh copy each session); copies of other tarballs are removed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusTarball = resolve(projectRoot, '../shared/corpus/kbarchive-kb.tar.gz');

let extracted: string | null = null;

/** Extracts the corpus (once) and returns the folder that holds `kb/<NNN>/Q<n>/README.md`. */
export function realCorpusDir(): string {
  if (extracted) return extracted;
  if (!existsSync(corpusTarball)) throw new Error(`The shared corpus is missing: ${corpusTarball}`);
  const key = createHash('sha256').update(readFileSync(corpusTarball)).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `kb-corpus-${key}`);
  const done = join(dir, '.extracted');
  if (!existsSync(done)) {
    for (const name of readdirSync(tmpdir())) {
      if (/^kb-corpus-[0-9a-f]{16}$/.test(name) && name !== `kb-corpus-${key}`) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', corpusTarball, '-C', dir]);
    writeFileSync(done, new Date(0).toISOString());
  }
  return (extracted = dir);
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
