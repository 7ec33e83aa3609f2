/**
 * One source file → a `SourceFile`, or a rejection that says why. Bad content never throws: it becomes a Diagnostic.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, SourceFile } from '../types.ts';
import { decodeText } from './decode.ts';

/** Limits on what the read stage accepts. Pass any subset; the rest take their defaults. */
export interface ReadLimits {
  /** Files larger than this many bytes are rejected without being read (`kb:file-too-large`).
   *  Default 4 MiB (4194304): the largest real article is 177,849 bytes (FORMAT.md §10, `kb/156/Q156063`), so anything
   *  this big is almost certainly not an article, and reading it would only slow the build. CLI: `--max-file-size`. */
  maxBytes: number;
  /** Lines longer than this many characters get a `kb:long-line` warning (the file is still read).
   *  Default 100000: the longest real line is 1,671 characters (FORMAT.md §10), so such a line is a damaged or
   *  machine-made file, and later stages (and browsers) handle it slowly. */
  maxLineLength: number;
}

export const defaultReadLimits: Readonly<ReadLimits> = Object.freeze({ maxBytes: 4 * 1024 * 1024, maxLineLength: 100_000 });

/** Fills in defaults and checks the values once. Bad configuration throws, naming the value and what was expected. */
export function resolveReadLimits(limits: Partial<ReadLimits> = {}): ReadLimits {
  const resolved = { ...defaultReadLimits, ...dropUndefined(limits) };
  for (const key of ['maxBytes', 'maxLineLength'] as const) {
    const value = resolved[key];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`Invalid read limit ${key}: ${String(value)}; expected a whole number of ${key === 'maxBytes' ? 'bytes' : 'characters'} greater than 0 (default ${defaultReadLimits[key]}).`);
    }
  }
  return resolved;
}

export interface ReadResult {
  /** The decoded file, or null when it was rejected (the diagnostics say why). */
  file: SourceFile | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads and decodes `root/path`. `path` is relative to `root`, with `/` separators (as `findArticleFiles` returns it).
 * `onBytes` sees the bytes as read, before decoding: the cache keys its entry by exactly the bytes that were parsed.
 */
export async function readSourceFile(root: string, path: string, limits?: Partial<ReadLimits>, onBytes?: (bytes: Uint8Array) => void): Promise<ReadResult> {
  const { maxBytes, maxLineLength } = resolveReadLimits(limits);
  const reject = (rule: string, message: string): ReadResult => ({ file: null, diagnostics: [{ file: path, severity: 'rejected', rule, message }] });

  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: this runs in a worker thread, where blocking costs nothing, while each promise
    // round trip through libuv's pool cost ~1 ms per file (measured: 1.0–1.4 ms async vs ~0.1 ms sync).
    const fd = openSync(join(root, path), 'r');
    try {
      // Size from the open handle, so the check and the read see the same file.
      const { size } = fstatSync(fd);
      if (size > maxBytes) return reject('kb:file-too-large', tooLargeMessage(size, maxBytes));
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return reject('kb:unreadable', unreadableMessage(error));
  }
  onBytes?.(bytes);

  if (bytes.length === 0) return reject('kb:empty-file', 'The file is empty (0 bytes), so there is no article to build; delete it or restore its content.');

  const decoded = decodeText(bytes);
  if (decoded.binary) {
    return reject('kb:binary-file', `The file is not text (${decoded.warnings.join('; ')}); it may be damaged or misnamed — replace it with the article's text or remove it.`);
  }
  if (decoded.text === '') {
    return reject('kb:empty-file', `The file contains no text once decoded (${bytes.length} bytes of byte-order mark or control characters); delete it or restore its content.`);
  }

  const diagnostics: Diagnostic[] = decoded.warnings.map((message) => ({ file: path, severity: 'warning', rule: 'kb:encoding', message: capitalise(message) + '.' }));
  const long = findLongLines(decoded.text, maxLineLength);
  if (long) {
    const others = long.count > 1 ? `; ${long.count - 1} more line${long.count === 2 ? '' : 's'} also exceed${long.count === 2 ? 's' : ''} it` : '';
    diagnostics.push({
      file: path,
      line: long.firstLine,
      severity: 'warning',
      rule: 'kb:long-line',
      message: `Line ${long.firstLine} is ${fmt(long.firstLength)} characters long, over the ${fmt(maxLineLength)}-character limit${others}. Real KB lines are under 2,000 characters, so the file is probably damaged or not an article; it is still built, but check it.`,
    });
  }

  return {
    file: { path, folderId: folderIdOf(path), text: decoded.text, encoding: decoded.encoding, bytes: bytes.length },
    diagnostics,
  };
}

/** `kb/182/Q182346/README.md` → `Q182346`: the folder that holds the file, when it is named like an article. */
export function folderIdOf(path: string): string | null {
  const parts = path.split('/');
  const folder = parts[parts.length - 2];
  return folder !== undefined && /^Q\d+$/.test(folder) ? folder : null;
}

/** The first line longer than `max` characters, and how many there are. Scans with indexOf: no split of a huge string. */
function findLongLines(text: string, max: number): { firstLine: number; firstLength: number; count: number } | null {
  if (text.length <= max) return null;
  let found: { firstLine: number; firstLength: number; count: number } | null = null;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > max) {
      if (found) found.count++;
      else found = { firstLine: line, firstLength: end - start, count: 1 };
    }
    if (nl < 0) break;
    start = nl + 1;
    line++;
  }
  return found;
}

function tooLargeMessage(size: number, maxBytes: number): string {
  const suggested = Math.ceil(size / MiB) * MiB;
  return (
    `The file is ${sizeText(size)}, larger than the ${sizeText(maxBytes)} limit, so it was not read. ` +
    `Real KB articles are under 200 KB, so check that this is an article; if it is, raise the limit with --max-file-size ${suggested} (bytes).`
  );
}

function unreadableMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT' ? 'it no longer exists (was it moved or deleted during the build?)'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was denied; make it readable by the user running the build'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : `${error instanceof Error ? error.message : String(error)}`;
  return `The file could not be read: ${why}.`;
}

const MiB = 1024 * 1024;

function sizeText(bytes: number): string {
  const mib = bytes / MiB;
  const short = mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
  return `${short} (${fmt(bytes)} bytes)`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
