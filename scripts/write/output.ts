/**
 * The output folder, owned by the build: every stage writes through it, so that at the end the build can delete
 * what it did not write this time (a deleted article's pages, a renamed listing) and the folder holds exactly
 * this build's site — without emptying it first, which costs a 200k-file `rm -rf` and slows the writes that
 * follow (shared/bench/README.md).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { eachLimited } from './articles.ts';

/** A folder the build may clean: absent, empty, or holding a site this generator wrote. */
export function assertOwnedOutput(root: string): void {
  if (!existsSync(root)) return;
  const index = join(root, 'index.html');
  if (readdirSync(root).length === 0) return;
  if (existsSync(index) && readFileSync(index, 'utf8').slice(0, 4000).includes('content="kb-archive-ssg')) return;
  throw new Error(
    `--out ${root} is not empty and holds no site built by kb-archive (no index.html with its generator tag). ` +
      'The build deletes every file of its output folder that it did not write, so it will only use an empty folder or one of its own: choose another --out, or empty this one.',
  );
}

export class OutputFolder {
  /** Absolute paths written (or deliberately kept) by this build. */
  readonly written = new Set<string>();

  /**
   * @param keepUnchanged compare with the file already there and leave it untouched when the bytes are equal: a
   *   rebuild then rewrites only what changed (faster, and mirrors syncing by mtime copy only that). Off for a
   *   folder that started empty, where there is nothing to compare with.
   */
  constructor(readonly root: string, private readonly keepUnchanged = false) {}

  /** The absolute file path of a site path (`/feed.xml`, `/kb/182/Q182346/` → `…/index.html`). */
  file(sitePath: string): string {
    return join(this.root, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
  }

  /** Records a file another writer (Eleventy, the search indexer) put in the folder. */
  claim(absolutePath: string): void {
    this.written.add(absolutePath);
  }

  /** Folders already made by this build: one mkdir per folder, not per file. */
  private readonly folders = new Set<string>();

  /**
   * Synchronous on purpose: nothing else runs on the main thread while the build writes, and each promise round
   * trip through libuv's pool cost about a millisecond per file — 50 s for the search index's 60k files alone
   * (measured on the full corpus); a write into the page cache takes tens of microseconds.
   */
  async write(sitePath: string, content: string | Uint8Array): Promise<void> {
    const file = this.file(sitePath);
    const folder = dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    if (!this.keepUnchanged || !sameBytes(file, content)) writeFileSync(file, content);
    this.written.add(file);
  }

  /** Writes many files, 64 in flight: enough to keep the disk busy, few enough for file handles. */
  async writeAll(files: Iterable<[sitePath: string, content: string | Uint8Array]>): Promise<void> {
    await eachLimited([...files], 64, ([path, content]) => this.write(path, content));
  }

  /**
   * Deletes every file this build did not write and that was not modified since `since` (a writer that does not
   * go through this class, such as an external indexer, still leaves fresh files), then the folders left empty.
   * Returns how many files were deleted.
   */
  async removeStale(since: number): Promise<number> {
    let removed = 0;
    const walk = (dir: string): boolean => {
      const entries = readdirSync(dir, { withFileTypes: true });
      let kept = 0;
      for (const e of entries) {
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (walk(path)) kept++;
          else rmdirSync(path);
        } else if (this.written.has(path) || statSync(path).mtimeMs >= since) {
          kept++;
        } else {
          unlinkSync(path);
          removed++;
        }
      }
      return kept > 0 || dir === this.root;
    };
    if (existsSync(this.root)) walk(this.root.endsWith(sep) ? this.root.slice(0, -1) : this.root);
    return removed;
  }
}

/** Whether `file` already holds exactly `content` (a missing file does not). */
function sameBytes(file: string, content: string | Uint8Array): boolean {
  let existing: Buffer;
  try {
    existing = readFileSync(file);
  } catch {
    return false;
  }
  const wanted = typeof content === 'string' ? Buffer.from(content) : content;
  return existing.length === wanted.length && existing.equals(wanted);
}
