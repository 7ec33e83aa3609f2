/**
 * The output folder, owned by the build: every stage writes through it, so that at the end the build can delete
 * what it did not write this time (a deleted article's pages, a renamed listing) and the folder holds exactly
 * this build's site — without emptying it first, which costs a 200k-file `rm -rf` and slows the writes that
 * follow (shared/bench/README.md).
 *
 * With a manifest file (kept in the cache folder), the folder remembers what the last build put in each file — a
 * hash of its bytes, or of the inputs it was made from — so a rebuild skips every write whose file would not
 * change, skips rendering pages whose inputs did not change (`keep`), and finds stale files in the manifest
 * instead of walking 370k files. The manifest is deleted when a build opens the folder and saved when it
 * finishes, so a build that stops half-way leaves none: the next one compares bytes and walks, as without a cache.
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { changedSince, type PresenceAnswer, type PresenceTask } from './presence-worker.ts';
import { runOnThread } from '../pipeline/thread-module.ts';
import { loadValue, storeValue } from '../pipeline/stored.ts';
import type { WriteTask } from './writer-worker.ts';

/** Files, or bytes, per batch sent to the writer thread: few messages, and the thread never waits long for work. */
const BATCH_FILES = 256;
const BATCH_BYTES = 2 * 2 ** 20;
/** Bytes sent to the writer thread and not yet written, past which `write` waits: an Eleventy run's pages (~50 MB at
 *  6,000 articles), written while the next run renders. What is queued adds to the peak the next run reaches. */
const MAX_QUEUED_BYTES = 64 * 2 ** 20;

/** A file waiting for the writer thread: its absolute path, its content, and its size in bytes (UTF-8 for a string). */
type QueuedFile = [file: string, content: string | Uint8Array, size: number];

/** A site path that `path.join` would leave as it is: from the root, no empty, `.` or `..` segment. */
const normalisedSitePath = /^(?!.*(?:\/\/|\/\.\.?(?:\/|$)))\//;

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

/** What the last build wrote: each file (relative to the root, `/`-separated) with its fingerprint, as two lists. */
interface Manifest {
  version: 3;
  root: string;
  /** The file time (ctime, ms) of the moment it was saved, after the build's last write (`saveManifest`). */
  savedAt: number;
  paths: string[];
  fingerprints: string[];
}

/** The fingerprint of bytes written as they are. */
export function contentFingerprint(content: string | Uint8Array): string {
  return `c:${hash('sha1', content, 'base64url')}`;
}

export class OutputFolder {
  /** Absolute paths written (or deliberately kept) by this build. */
  readonly written = new Set<string>();
  /** This build's manifest: relative path → fingerprint ('' when unknown, e.g. a file Eleventy copied). */
  private readonly fingerprints = new Map<string, string>();
  /** The size in bytes of each file this build wrote (relative path → bytes), for `files`. */
  private readonly sizes = new Map<string, number>();
  /** The last build's, or null when there is none to trust. */
  private readonly previous: Map<string, string> | null;
  /** Which of the last build's files were not as it left them when this build started, as a worker thread finds (`asLeft`). */
  private readonly presence: Presence | null;
  /** The root as `path.join` leaves it (absolute, normalised, no trailing /): site paths are joined onto it by hand. */
  private readonly rootIsNormal: boolean;
  /** The last build's files, in the order of the presence check's sizes. */
  private readonly previousPaths: string[];
  /** When the last build saved its manifest, as a file time (ctime, ms): its files were last changed before. */
  private readonly savedAt: number;
  /** The folder held files when the build started: without a manifest, compare bytes before writing and walk for stale files. */
  private readonly startedNonEmpty: boolean;

  /**
   * @param manifestFile where the manifest is kept between builds (in the cache folder), or null for none.
   */
  constructor(readonly root: string, private readonly manifestFile: string | null = null) {
    this.rootIsNormal = sep === '/' && isAbsolute(root) && normalize(root) === root && !root.endsWith(sep);
    this.startedNonEmpty = existsSync(root) && readdirSync(root).length > 0;
    const manifest = this.startedNonEmpty && manifestFile ? readManifest(manifestFile, root) : null;
    this.previous = manifest?.files ?? null;
    this.savedAt = manifest?.savedAt ?? 0;
    this.presence = manifest ? checkPresence(root, manifest.paths, manifest.savedAt) : null;
    this.previousPaths = manifest?.paths ?? [];
    // From here on the folder changes; a manifest left behind by a crash would describe files that are no longer there.
    if (manifestFile) rmSync(manifestFile, { force: true });
  }

  /** Whether this build can tell unchanged files from the last build's manifest. */
  get incremental(): boolean {
    return this.previous !== null;
  }

  /** The absolute file path of a site path (`/feed.xml`, `/kb/182/Q182346/` → `…/index.html`). */
  file(sitePath: string): string {
    const path = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
    // A site path is normalised already: joined as it is (path.join's normalising cost ~0.2 s of a rebuild's 150k calls).
    return this.rootIsNormal && normalisedSitePath.test(path) ? `${this.root}${path}` : join(this.root, path);
  }

  private relativePath(file: string): string {
    // Paths from `file()` are joined onto the root already normalised: cutting the prefix gives what
    // path.relative would, without its normalising (1.3 s of a rebuild's ~400k calls).
    const prefix = this.root.endsWith(sep) ? this.root : `${this.root}${sep}`;
    if (sep === '/' && file.startsWith(prefix) && !file.includes('/..') && !file.includes('/./')) return file.slice(prefix.length);
    const rel = relative(this.root, file);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }

  /**
   * Keeps the file at `sitePath` as the last build left it, if it was made from the same inputs (`fingerprint`)
   * and is still there; the caller then need not make it again. False: make it.
   */
  keep(sitePath: string, fingerprint: string): boolean {
    const file = this.file(sitePath);
    return this.keepFile(file, this.relativePath(file), fingerprint);
  }

  private keepFile(file: string, rel: string, fingerprint: string): boolean {
    if (this.previous?.get(rel) !== fingerprint || !this.asLeft(file, rel)) return false;
    this.written.add(file);
    this.fingerprints.set(rel, fingerprint);
    return true;
  }

  /**
   * Keeps the file at `sitePath` as the last build wrote it, whatever its fingerprint, if it is still there: for a
   * file the caller knows to be unchanged because its inputs are the last build's (an article page whose article and
   * links did not change) or a part of something kept (an article's record, when its page — made from a superset of
   * the record — was kept).
   */
  keepAsIs(sitePath: string): boolean {
    const file = this.file(sitePath);
    const rel = this.relativePath(file);
    const print = this.previous?.get(rel);
    return print !== undefined && this.keepFile(file, rel, print);
  }

  /**
   * Whether every file of the last build's manifest was as it left it when this build started, as the worker
   * thread found (waiting for its answer); false without a manifest, or when the thread could not tell.
   */
  async allAsLeft(): Promise<boolean> {
    const presence = this.presence;
    if (!this.previous || !presence) return false;
    for (;;) {
      const changed = this.changedAtStart();
      if (changed) return changed.size === 0;
      if (presence.failed) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Keeps every file of the last build as it is (`finish` then deletes none and saves the same manifest). */
  keepAll(): void {
    for (const [rel, print] of this.previous ?? []) this.fingerprints.set(rel, print);
  }

  /** Whether the worker thread has told which of the last build's files were gone or changed at the start (for tests). */
  get checkedAtStart(): boolean {
    return this.changedAtStart() !== null;
  }

  /**
   * Whether a file the last build's manifest lists is in the folder as that build left it — there, and not changed
   * since its manifest was saved (`changedSince`): as the worker thread found it when the build started, or, until
   * it has answered, as a `stat` finds it now. A file edited by hand, or rewritten by a build that kept no manifest
   * here (`--no-cache`, another `--cache-dir`), is then made again. Like every input, the folder is read as it was
   * at the start: a file someone else changes meanwhile is noticed by the next build (a page kept then counts as
   * written, and the next build's check finds it changed).
   */
  private asLeft(file: string, rel: string): boolean {
    const changed = this.changedAtStart();
    return changed ? !changed.has(rel) : !changedSince(file, this.savedAt);
  }

  /** The worker thread's answer, taken from its port without waiting for the event loop; null until it has come. */
  private changedAtStart(): Set<string> | null {
    const presence = this.presence;
    if (!presence) return null;
    if (!presence.changed) {
      const answer = receiveMessageOnPort(presence.port);
      if (!answer) return null;
      const { changed, sizes } = answer.message as PresenceAnswer;
      presence.changed = new Set(changed);
      presence.sizes = sizes;
      presence.port.close();
    }
    return presence.changed;
  }

  /**
   * Writes a file unless it already holds these bytes (a rebuild's search index rewrites only the shards an edit
   * changed). The write itself happens on the writer thread (writer-worker.ts), in batches, in the order asked: the
   * promise resolves once the file is queued, and waits only while too much is queued. `flush` (and `finish`)
   * waits for every write, and throws the first that failed.
   * @param fingerprint what the file is made from, for the manifest: by default its bytes; a rendered page gives the
   *   fingerprint of its inputs (render/incremental.ts), so that a rebuild can keep it without rendering it.
   * @param options.compareBytes the fingerprint does not cover everything the bytes are made from (a page rendered
   *   because an article it names changed): the file is compared with the bytes instead.
   */
  async write(sitePath: string, content: string | Uint8Array, fingerprint = contentFingerprint(content), options: { compareBytes?: boolean } = {}): Promise<void> {
    const file = this.file(sitePath);
    const rel = this.relativePath(file);
    const unchanged = this.previous && !options.compareBytes ? this.previous.get(rel) === fingerprint && this.asLeft(file, rel) : this.startedNonEmpty && sameBytes(file, content);
    this.written.add(file);
    this.fingerprints.set(rel, fingerprint);
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    this.sizes.set(rel, size);
    if (!unchanged) await this.queue(file, content, size);
  }

  /** Writes many files, in order. */
  async writeAll(files: Iterable<[sitePath: string, content: string | Uint8Array]>): Promise<void> {
    for (const [path, content] of files) await this.write(path, content);
  }

  /** Files waiting for the next batch, with their size in bytes, and the batch's size. */
  private batch: QueuedFile[] = [];
  private batchBytes = 0;
  /** Batches sent to the writer thread and not yet written, oldest first. */
  private readonly sent: { done: Promise<void>; bytes: number }[] = [];
  private sentBytes = 0;
  private writer: Piscina<WriteTask, void> | null = null;
  private failure: Error | null = null;

  private async queue(file: string, content: string | Uint8Array, size: number): Promise<void> {
    this.batch.push([file, content, size]);
    this.batchBytes += size;
    if (this.batch.length >= BATCH_FILES || this.batchBytes >= BATCH_BYTES) this.send();
    // Back pressure: what is queued stays in memory until written.
    while (this.sentBytes > MAX_QUEUED_BYTES) await this.sent[0]!.done;
    if (this.failure) throw this.failure;
  }

  /**
   * Starts the writer thread ahead of the first write: loading its code takes the better part of a second, which a
   * rebuild would otherwise spend waiting once its few pages are rendered.
   */
  startWriter(): void {
    // Every batch is posted as soon as it is full (`concurrentTasksPerWorker`), and waits in the thread's own queue:
    // handed out one at a time, the next batch would wait for the main thread's event loop, which a render run holds
    // for seconds, and the writer sat idle while the main thread rendered (~25 s of a full build's rendering stage).
    this.writer ??= new Piscina<WriteTask, void>({ filename: new URL('./writer-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: 1, idleTimeout: 1000, concurrentTasksPerWorker: 4096 });
  }

  private send(): void {
    if (this.batch.length === 0) return;
    this.startWriter();
    const writer = this.writer!;
    const { files, bytes } = encodeBatch(this.batch, this.batchBytes);
    // Moved to the thread: its length is 0 here once posted.
    const size = bytes.byteLength;
    this.batch = [];
    this.batchBytes = 0;
    const entry = {
      bytes: size,
      done: writer.run({ files, bytes }, { transferList: [bytes] }).then(
        () => {},
        (error: unknown) => void (this.failure ??= error instanceof Error ? error : new Error(String(error))),
      ).finally(() => {
        this.sent.splice(this.sent.indexOf(entry), 1);
        this.sentBytes -= size;
      }),
    };
    this.sent.push(entry);
    this.sentBytes += size;
  }

  /** Waits until every file asked for is on disk; throws the first write that failed (naming its file). */
  async flush(): Promise<void> {
    this.send();
    while (this.sent.length > 0) await this.sent[0]!.done;
    if (this.failure) throw this.failure;
  }

  /** Flushes, then lets the writer thread go. */
  private async closeWriter(): Promise<void> {
    try {
      await this.flush();
    } finally {
      const writer = this.writer;
      this.writer = null;
      await writer?.destroy();
    }
  }

  /**
   * Deletes every file of the last build that this one did not write, then the folders left empty, and saves
   * this build's manifest. Without a manifest to go by, walks the folder instead: every file neither written by
   * this build nor modified since `since` goes. Returns how many files were deleted.
   */
  async finish(since: number): Promise<number> {
    await this.closeWriter();
    let removed = 0;
    if (this.previous) {
      for (const rel of this.previous.keys()) {
        if (this.fingerprints.has(rel)) continue;
        const file = join(this.root, rel);
        if (this.written.has(file)) continue;
        try {
          unlinkSync(file);
          removed++;
        } catch (error) {
          // Removed by hand since the build started: nothing to delete, but its folder may be left empty.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        removeEmptyFolders(dirname(file), this.root);
      }
    } else if (this.startedNonEmpty) {
      removed = this.walkStale(since);
    }
    if (this.manifestFile) await this.saveManifest(this.manifestFile);
    return removed;
  }

  /** Every file of this build, site-relative, with its size: what the folder holds once `finish` has run. */
  files(): { path: string; bytes: number }[] {
    // A kept file is as the last build left it, with the size the presence check found; only a file this build
    // neither wrote nor found that way (one Eleventy copied) is looked at again.
    const found = new Map<string, number>();
    const sizes = this.presence?.sizes;
    if (sizes) this.previousPaths.forEach((rel, i) => sizes[i]! >= 0 && found.set(rel, sizes[i]!));
    return [...this.fingerprints.keys()].map((path) => ({ path, bytes: this.sizes.get(path) ?? found.get(path) ?? statSync(join(this.root, path)).size }));
  }

  private walkStale(since: number): number {
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

  /** v8-serialised, unsorted: the full corpus's 370k entries load in 0.3 s and save in 0.07 s (sorted JSON: 1.2 s and 0.8 s). */
  private async saveManifest(file: string): Promise<void> {
    // Files are stamped by the kernel's coarse clock, which runs up to a tick behind the time of day: wait a few
    // ticks so that every write of this build is stamped before `savedAt`, and take `savedAt` from a file stamped
    // now on that same clock, so that any later change of a file of the folder is stamped at or after it.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const stamp = `${file}.${process.pid}.stamp`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(stamp, '');
    const savedAt = statSync(stamp).ctimeMs;
    rmSync(stamp, { force: true });
    const manifest: Manifest = { version: 3, root: this.root, savedAt, paths: [...this.fingerprints.keys()], fingerprints: [...this.fingerprints.values()] };
    storeValue(file, manifest);
  }
}

/** The manifest of the last build into `root`, or null when missing, unreadable or about another folder. */
function readManifest(file: string, root: string): { files: Map<string, string>; paths: string[]; savedAt: number } | null {
  // A manifest in an earlier format (JSON, or without savedAt) reads as none.
  const manifest = loadValue(file) as Partial<Manifest> | null;
  const paths = manifest?.paths;
  const fingerprints = manifest?.fingerprints;
  const savedAt = manifest?.savedAt;
  if (manifest?.version !== 3 || manifest.root !== root || typeof savedAt !== 'number' || !Array.isArray(paths) || !Array.isArray(fingerprints) || paths.length !== fingerprints.length) return null;
  const previous = new Map<string, string>();
  for (let i = 0; i < paths.length; i++) previous.set(paths[i]!, fingerprints[i]!);
  return { files: previous, paths, savedAt };
}

interface Presence {
  port: MessagePort;
  /** The answer, once taken from the port: the files gone or changed since the last build saved its manifest. */
  changed: Set<string> | null;
  /** And the size of each file of the manifest, in its order (-1: gone). */
  sizes: Float64Array | null;
  /** The thread failed: no answer will come. */
  failed: boolean;
}

/**
 * Starts checking, on a worker thread, which of `paths` under `root` are gone or changed since `since` (the last
 * manifest's save). A thread that cannot start or fails never answers (`failed`): each file is then checked when it
 * is needed. The thread runs a bundle of its entry (pipeline/thread-module.ts): it starts ~0.3 s sooner than through
 * tsx, and a rebuild waits for its answer.
 */
function checkPresence(root: string, paths: string[], since: number): Presence {
  const { port1, port2 } = new MessageChannel();
  const presence: Presence = { port: port1, changed: null, sizes: null, failed: false };
  runOnThread<PresenceTask>(new URL('./presence-worker.ts', import.meta.url), { root, paths, since, port: port2 }, [port2]).catch(() => {
    presence.failed = true;
    port1.close();
  });
  return presence;
}

/** Removes `folder` and its parents up to (not including) `root` while they are empty. */
function removeEmptyFolders(folder: string, root: string): void {
  for (let dir = folder; dir.length > root.length && dir.startsWith(root); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // Not empty (or gone): its parents are not empty either.
    }
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

/**
 * A batch as the writer thread takes it: every file's bytes in one buffer, which is moved to the thread, not copied.
 * Posted as strings, each batch was copied twice until written (the strings, held by the pool until the task ends, and
 * their serialised copy): ~0.3 GB more at the full build's peak, with 64 MiB queued.
 */
function encodeBatch(batch: readonly QueuedFile[], size: number): WriteTask {
  const bytes = Buffer.allocUnsafeSlow(size);
  const files: WriteTask['files'] = [];
  let at = 0;
  for (const [file, content, length] of batch) {
    if (typeof content === 'string') bytes.write(content, at, 'utf8');
    else bytes.set(content, at);
    files.push([file, at, at + length]);
    at += length;
  }
  return { files, bytes: bytes.buffer as ArrayBuffer };
}
