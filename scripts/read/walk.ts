/**
 * Finds the articles under --source: every `kb/<NNN>/Q<number>/README.md`, the kbarchive layout (PRODUCT.md).
 *
 * The layout has exactly three levels, so this walks exactly three levels with `readdir(withFileTypes)` (one
 * system call per folder, no stat per file) instead of globbing the tree. The calls are synchronous on purpose:
 * the 59,132 article folders each hold one entry, and the promise and thread-pool round trip per folder costs more
 * than the system call — measured on the real corpus, about 0.3 s synchronous against 0.8 s with fs/promises
 * (2.3 s with `readdir({ recursive: true })`). The walk runs once, before any other work, so blocking is harmless.
 * Anything else in `kb/` is reported and skipped, so a stray file never becomes a broken page and never vanishes
 * silently. The only thing that throws is a source folder that cannot be the right one: that is configuration,
 * not content. Given the clean folders of an earlier walk (`CleanFolders`), an article folder whose metadata is
 * unchanged is stat-ed instead of listed.
 */
import type { Dirent } from 'node:fs';
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Diagnostic } from '../types.ts';

export interface ArticleFiles {
  /** `kb/<NNN>/Q<number>/README.md` paths relative to the root, `/`-separated, sorted by article number, then path. */
  paths: string[];
  /** Warnings for entries that are not part of the layout, and rejections for article folders with no README.md. */
  diagnostics: Diagnostic[];
}

const GROUP = /^\d{3}$/;
const ARTICLE = /^Q(\d+)$/;
const ARTICLE_FILE = 'README.md';
const LAYOUT = 'kb/<NNN>/Q<number>/README.md';

type Kind = 'dir' | 'file' | 'other';
interface Entry {
  name: string;
  /** Path relative to the root, `/`-separated. */
  rel: string;
  kind: Kind;
  /** Reached through a symbolic link. */
  link: boolean;
}

/** An article folder's metadata (modification and change times in ms, to the fraction the file system keeps; inode)
 *  when a walk listed it. */
export type FolderStat = [mtimeMs: number, ctimeMs: number, inode: number];

/**
 * Article folders that held their README.md and nothing else, with their metadata when a walk listed them (not through
 * symbolic links). Adding, removing or renaming an entry changes a folder's times, so a later walk that finds a folder
 * with the same metadata knows its listing without reading it: a rebuild stats 59k folders instead of listing them
 * (a listing opens the folder and reads its block; ~0.9-6.9 s for the full corpus, against ~0.3 s of stats).
 */
export type CleanFolders = Map<string, FolderStat>;

export interface WalkOptions {
  /** The clean folders of an earlier walk of this root (`clean` of its result; empty when there was none). Without
   *  it the article folders are not stat-ed and `clean` is empty: no later walk is told. */
  known?: CleanFolders;
}

/** Folders changed this recently before a walk are listed again by the next one, whatever their metadata says: a
 *  folder's times are as coarse as the kernel's tick (as the stat index does with files: pipeline/cache.ts). */
const RACY_MS = 2_000;

/** Lists the article files under `root`. Throws only when `root` is missing or has no `kb/` folder.
 *  (Async so the walk can change strategy without changing callers; today it is synchronous I/O, see above.) */
export async function findArticleFiles(root: string, options: WalkOptions = {}): Promise<ArticleFiles & { clean: CleanFolders }> {
  const { known } = options;
  const trustedBefore = Date.now() - RACY_MS;
  const clean: CleanFolders = new Map();
  const walk = new Walk(checkRoot(root));
  const kb = walk.resolve(walk.root.logical, 'kb');
  if (kb !== 'dir') throw new Error(noKbMessage(walk.root.logical, kb, walk.diagnostics[0]?.message));

  const found: { n: number; path: string }[] = [];
  for (const group of walk.list('kb') ?? []) {
    if (!walk.expect(group, group.kind === 'dir' && GROUP.test(group.name), groupHint)) continue;
    for (const article of walk.list(group.rel) ?? []) {
      if (!walk.expect(article, article.kind === 'dir' && ARTICLE.test(article.name), articleHint)) continue;
      const file = { n: Number(ARTICLE.exec(article.name)?.[1]), path: `${article.rel}/${ARTICLE_FILE}` };
      const stat = known && !article.link ? folderStat(join(walk.root.logical, article.rel)) : null;
      const before = stat ? known?.get(article.rel) : undefined;
      if (stat && before && before[0] === stat[0] && before[1] === stat[1] && before[2] === stat[2]) {
        found.push(file);
        clean.set(article.rel, stat);
        continue;
      }
      const entries = walk.list(article.rel);
      if (entries === null) continue; // already reported as unreadable
      let hasFile = false;
      for (const e of entries) {
        if (walk.expect(e, e.kind === 'file' && e.name === ARTICLE_FILE, fileHint)) hasFile = true;
      }
      if (hasFile) found.push(file);
      else walk.missingReadme(article.rel);
      const onlyTheFile = hasFile && entries.length === 1 && !entries[0]!.link;
      if (stat && onlyTheFile && stat[0] < trustedBefore && stat[1] < trustedBefore) clean.set(article.rel, stat);
    }
  }

  found.sort((a, b) => a.n - b.n || compare(a.path, b.path));
  walk.diagnostics.sort((a, b) => compare(a.file, b.file) || compare(a.rule, b.rule));
  return { paths: found.map((f) => f.path), diagnostics: walk.diagnostics, clean };
}

/** A folder's own metadata (not a link's target), or null when it is gone or not a folder. */
function folderStat(path: string): FolderStat | null {
  const s = lstatSync(path, { throwIfNoEntry: false });
  return s?.isDirectory() ? [s.mtimeMs, s.ctimeMs, s.ino] : null;
}

/** The walk's state: the root (as given and as resolved, for the symlink check) and the diagnostics so far. */
class Walk {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly root: { logical: string; real: string }) {}

  /** The entries of a folder, symlinks resolved; escaping or broken links are reported and left out.
   *  Null (reported, as a rejection: the articles inside get no page) when the folder cannot be read. */
  list(rel: string): Entry[] | null {
    let dirents: Dirent[];
    try {
      dirents = readdirSync(join(this.root.logical, rel), { withFileTypes: true });
    } catch (error) {
      this.diagnostics.push({
        file: rel,
        severity: 'rejected',
        rule: 'kb:unreadable-folder',
        message: `The folder ${rel}/ could not be read (${errorText(error)}), so no article in it was built; make it readable by the user running the build.`,
      });
      return null;
    }
    const entries: Entry[] = [];
    for (const d of dirents) {
      const entryRel = `${rel}/${d.name}`;
      const kind: Kind | null = d.isDirectory() ? 'dir' : d.isFile() ? 'file' : d.isSymbolicLink() ? this.resolve(join(this.root.logical, rel), d.name) : 'other';
      if (kind !== null) entries.push({ name: d.name, rel: entryRel, kind, link: d.isSymbolicLink() });
    }
    return entries;
  }

  /** What `dir/name` is after following symlinks, or null (reported) when it leaves the root or leads nowhere. */
  resolve(dir: string, name: string): Kind | null {
    const abs = join(dir, name);
    const rel = relativeTo(this.root.logical, abs);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch (error) {
      if (isMissing(error) && rel === 'kb') return null; // no kb/ at all: the caller explains that one
      this.warn(rel, 'kb:broken-symlink', `${rel} is a symbolic link that leads nowhere (${errorText(error)}), so it was ignored; fix or remove the link.`);
      return null;
    }
    if (real !== this.root.real && !real.startsWith(this.root.real + sep)) {
      // Following it could read anything on the machine into a public site, or loop; the source must be self-contained.
      this.warn(rel, 'kb:symlink-outside-root', `${rel} is a symbolic link to ${real}, outside the source folder, so it was not followed; copy the target into the source folder if it belongs to the archive.`);
      return null;
    }
    try {
      const s = statSync(real);
      return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
    } catch (error) {
      this.warn(rel, 'kb:broken-symlink', `${rel} is a symbolic link whose target could not be read (${errorText(error)}), so it was ignored; fix or remove the link.`);
      return null;
    }
  }

  /** Keeps entries that fit the layout; reports the rest as `kb:unexpected-file`, with a hint for their level. */
  expect(e: Entry, fits: boolean, hint: (e: Entry) => string): boolean {
    if (!fits) this.warn(e.rel, 'kb:unexpected-file', hint(e));
    return fits;
  }

  missingReadme(rel: string): void {
    this.diagnostics.push({
      file: rel,
      severity: 'rejected',
      rule: 'kb:missing-readme',
      message: `The article folder ${rel}/ has no ${ARTICLE_FILE}, so no page is built for it; restore the file (the name is case-sensitive) or remove the folder.`,
    });
  }

  private warn(file: string, rule: string, message: string): void {
    this.diagnostics.push({ file, severity: 'warning', rule, message });
  }
}

const what = (e: Entry): string => (e.kind === 'dir' ? `The folder ${e.rel}/` : `${e.rel}`);
const ignored = (e: Entry): string => (e.kind === 'dir' ? 'nothing in it was read' : 'it was ignored');

function groupHint(e: Entry): string {
  return e.kind === 'dir'
    ? `${what(e)} is not a three-digit group folder (articles live at ${LAYOUT}), so ${ignored(e)}; rename it (e.g. kb/182/) if it holds articles, or remove it.`
    : `${what(e)} is not an article (articles live at ${LAYOUT}), so ${ignored(e)}; move it out of kb/ to silence this.`;
}

function articleHint(e: Entry): string {
  return e.kind === 'dir'
    ? `${what(e)} is not named like an article folder (Q followed by the article number, as in ${LAYOUT}), so ${ignored(e)}; rename or remove it.`
    : `${what(e)} is not an article folder (articles live at ${LAYOUT}), so ${ignored(e)}; move it out of kb/ to silence this.`;
}

function fileHint(e: Entry): string {
  if (e.kind !== 'dir' && e.name.toLowerCase() === ARTICLE_FILE.toLowerCase()) {
    return `${e.rel} is not named exactly ${ARTICLE_FILE} (the name is case-sensitive), so it was ignored; rename it to build the article.`;
  }
  return `${what(e)} is not part of the article (only ${ARTICLE_FILE} is read from an article folder), so ${ignored(e)}; move it out of kb/ to silence this.`;
}

/** Checks that the root exists and is a folder; returns it as given (absolute) and with symlinks resolved. */
function checkRoot(root: string): { logical: string; real: string } {
  const logical = resolve(root);
  let real: string;
  try {
    real = realpathSync(logical);
  } catch (error) {
    throw new Error(
      `The source folder ${logical} does not exist (${errorText(error)}). Pass --source with the folder that contains kb/, ` +
        `for example a checkout of the kbarchive repository; without --source the bundled sample in content/ is built.`,
    );
  }
  if (!statSync(real).isDirectory()) {
    throw new Error(`The source ${logical} is a file, not a folder. Pass --source with the folder that contains kb/ (${LAYOUT}).`);
  }
  return { logical, real };
}

/** `linkProblem`: what `resolve` reported when kb itself is a broken or escaping symbolic link. */
function noKbMessage(root: string, kind: Kind | null, linkProblem: string | undefined): string {
  const why = kind === 'file' || kind === 'other' ? ' (kb is not a folder)' : linkProblem ? ` (${linkProblem.replace(/\.$/, '')})` : '';
  const base = `The source folder ${root} has no kb/ folder${why}, so there are no articles to build (the layout is ${LAYOUT}).`;
  if (linkProblem) return base;
  // The two likely mistakes: pointing at kb/ itself, or at the folder above the checkout.
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    // Unreadable root: the base message is all we can say.
  }
  if (names.some((n) => GROUP.test(n))) return `${base} It looks like kb/ itself: pass its parent folder, ${resolve(root, '..')}, as --source.`;
  return `${base} Pass --source with the folder that contains kb/, e.g. the root of a kbarchive checkout.`;
}

function relativeTo(root: string, abs: string): string {
  return abs.slice(root.length + 1).split(sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  return e?.code ?? (error instanceof Error ? error.message : String(error));
}
