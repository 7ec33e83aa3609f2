/**
 * A built site's footprint (bytes, files, folders, largest file) and how it compares with the project's hosting
 * budget (PRODUCT.md, "Hosting budget") and with the documented limits of the static hosts mirrors use.
 *
 * Sizes are file content (st_size), not blocks on disk: hosts count what is uploaded. "MB"/"GB" are decimal
 * (10^6, 10^9 bytes) and "MiB" binary (2^20), each limit in the unit its host documents it in.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Footprint {
  /** Sum of the files' sizes (st_size; a symlink's own lstat size). */
  bytes: number;
  /** Every entry that is not a directory: regular files, symlinks (not followed), anything else. */
  files: number;
  /** Every directory below the root, not the root itself. */
  folders: number;
  /** The largest file, its path relative to the root with `/` separators; ties go to the path that sorts first. */
  largestFile: { path: string; bytes: number } | null;
}

/** Whether `candidate` should replace `current` as the largest file: bigger, or as big with a path sorting first. */
const larger = (candidate: { path: string; bytes: number }, current: { path: string; bytes: number } | null) =>
  current === null || candidate.bytes > current.bytes || (candidate.bytes === current.bytes && candidate.path < current.path);

/**
 * The footprint of the folder `dir`, in one synchronous walk: 70k awaited `lstat` calls cost seconds in promise
 * round trips. Symlinks are counted as files with their own size and never followed. Throws when `dir` is missing.
 */
export function footprintOf(dir: string): Footprint {
  let bytes = 0;
  let files = 0;
  let folders = 0;
  let largestFile: Footprint['largestFile'] = null;
  // A Dirent for a symlink reports isSymbolicLink(), never isDirectory(), so the recursive walk does not descend it.
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) {
      folders++;
      continue;
    }
    const full = join(entry.parentPath, entry.name);
    const size = lstatSync(full).size;
    files++;
    bytes += size;
    const file = { path: sep === '/' ? relative(dir, full) : relative(dir, full).split(sep).join('/'), bytes: size };
    if (larger(file, largestFile)) largestFile = file;
  }
  return { bytes, files, folders, largestFile };
}

/**
 * The same figures from a list of site-relative paths (`kb/182/Q182346/index.html`: `/`-separated, no leading
 * slash) and sizes, for a build that knows what it wrote: folders are the distinct ancestor directories of the
 * paths. A path listed twice is one file (its last size counts). Throws on a path that is not site-relative.
 */
export function footprintOfPaths(files: Iterable<{ path: string; bytes: number }>): Footprint {
  const sizes = new Map<string, number>();
  for (const { path, bytes } of files) {
    const parts = path.split('/');
    if (path === '' || parts.some((p) => p === '' || p === '.' || p === '..') || path.includes('\\')) {
      throw new Error(`footprintOfPaths: "${path}" is not a site-relative path (a/b/c.html: no leading or doubled /, no . or ..)`);
    }
    sizes.set(path, bytes);
  }
  const folders = new Set<string>();
  let bytes = 0;
  let largestFile: Footprint['largestFile'] = null;
  for (const [path, size] of sizes) {
    bytes += size;
    const file = { path, bytes: size };
    if (larger(file, largestFile)) largestFile = file;
    // Ancestors from the nearest up: once one is known, so are all above it.
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
      const folder = path.slice(0, cut);
      if (folders.has(folder)) break;
      folders.add(folder);
    }
  }
  return { bytes, files: sizes.size, folders: folders.size, largestFile };
}

/** One host's documented limits; a limit the host does not document is absent, never guessed. */
export interface HostLimits {
  readonly name: string;
  /** Where each figure is documented. */
  readonly sources: readonly string[];
  /** The unit its documentation states sizes in, used when the report prints them. */
  readonly units: 'decimal' | 'binary';
  /** Largest published site (sum of file sizes). */
  readonly maxBytes?: number;
  /** Largest single file. */
  readonly maxFileBytes?: number;
  /** Most files. */
  readonly maxFiles?: number;
  /** Most files and folders together. */
  readonly maxEntries?: number;
  /** What the figures do not say: conditions, limits this report cannot check. */
  readonly note?: string;
}

const MB = 1000 * 1000;
const GB = 1000 * MB;
const MiB = 1024 * 1024;

/** The project's own contract (PRODUCT.md, "Hosting budget"): 700 MB of file content (decimal MB), 100,000 files, 200,000 files and folders. */
export const BUDGET = Object.freeze({ maxBytes: 700 * MB, maxFiles: 100_000, maxEntries: 200_000 });

/**
 * Static hosts mirrors use, with their documented limits. "1 GB" read as 10^9 bytes (the stricter reading) where
 * a host does not say which it means.
 */
const hosts: HostLimits[] = [
  {
    // https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits ("Published GitHub Pages sites may be no larger than 1 GB")
    // https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github (no file over 100 MB in a repository)
    name: 'GitHub Pages',
    sources: [
      'https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits',
      'https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github',
    ],
    units: 'decimal',
    maxBytes: 1 * GB,
    maxFileBytes: 100 * MB,
    note: '100 MB per file is GitHub\'s repository limit, binding when a site is published from a branch',
  },
  {
    // https://docs.gitlab.com/ee/administration/instance_limits.html#number-of-files-per-gitlab-pages-web-site (200,000 entries: files, directories and symlinks)
    // https://docs.gitlab.com/ee/user/admin_area/settings/continuous_integration.html#maximum-artifacts-size ("Set to 1G on GitLab.com")
    // https://gitlab.com/gitlab-org/gitlab/-/issues/405048 ("GitLab Pages have limitations for site size (1 GB) and the number of files (200,000)" on GitLab.com)
    name: 'GitLab Pages (gitlab.com)',
    sources: [
      'https://docs.gitlab.com/ee/administration/instance_limits.html#number-of-files-per-gitlab-pages-web-site',
      'https://docs.gitlab.com/ee/user/admin_area/settings/continuous_integration.html#maximum-artifacts-size',
      'https://gitlab.com/gitlab-org/gitlab/-/issues/405048',
    ],
    units: 'decimal',
    maxBytes: 1 * GB,
    maxEntries: 200_000,
    note: 'self-managed instances set their own limits',
  },
  {
    // https://developers.cloudflare.com/pages/platform/limits/#files (20,000 files on the Free plan)
    // https://developers.cloudflare.com/workers/static-assets/billing-and-limitations/ ("25 MiB individual file size limit. This matches the limits in Cloudflare Pages")
    name: 'Cloudflare Pages (free)',
    sources: ['https://developers.cloudflare.com/pages/platform/limits/', 'https://developers.cloudflare.com/workers/static-assets/billing-and-limitations/'],
    units: 'binary',
    maxFiles: 20_000,
    maxFileBytes: 25 * MiB,
  },
  {
    // https://developers.cloudflare.com/changelog/post/2026-01-23-pages-file-limit-increase/ (100,000 files on paid plans)
    name: 'Cloudflare Pages (paid)',
    sources: [
      'https://developers.cloudflare.com/pages/platform/limits/',
      'https://developers.cloudflare.com/changelog/post/2026-01-23-pages-file-limit-increase/',
    ],
    units: 'binary',
    maxFiles: 100_000,
    maxFileBytes: 25 * MiB,
    note: 'the 100,000-file limit needs PAGES_WRANGLER_MAJOR_VERSION=4 in the Pages project settings',
  },
  {
    // https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit ("Netlify doesn't have a limit on the number of files per deploy")
    name: 'Netlify',
    sources: ['https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit'],
    units: 'decimal',
    note: 'no documented limit on a deploy\'s files or size; at most 54,000 files in any one folder (not checked here)',
  },
];
export const HOSTS: readonly HostLimits[] = Object.freeze(hosts.map((host) => Object.freeze({ ...host, sources: Object.freeze([...host.sources]) })));

const count = (n: number) => n.toLocaleString('en-US');

/** `612.3 MB`, `1 GB`, `25 MiB`: one decimal at most, dropped when it is 0. */
function size(bytes: number, units: 'decimal' | 'binary'): string {
  const k = units === 'decimal' ? 1000 : 1024;
  const names = units === 'decimal' ? ['B', 'kB', 'MB', 'GB', 'TB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let i = 0;
  while (value >= k && i < names.length - 1) {
    value /= k;
    i++;
  }
  return `${i === 0 ? value : Number(value.toFixed(1))} ${names[i]}`;
}

/** A size and its limit, `[612.3 MB, 1 GB]`; exact bytes when rounding would hide that the size is over the limit. */
function sizes(bytes: number, limit: number, units: 'decimal' | 'binary'): [string, string] {
  const shown = size(bytes, units);
  const limitShown = size(limit, units);
  return bytes > limit && shown === limitShown ? [`${count(bytes)} bytes`, `${count(limit)} bytes`] : [shown, limitShown];
}

/** `612.3 MB of 1 GB`. */
const sizeOf = (bytes: number, limit: number, units: 'decimal' | 'binary') => sizes(bytes, limit, units).join(' of ');

/** Whether a footprint is within the project's hosting budget (BUDGET). */
const withinBudget = (f: Footprint) => f.bytes <= BUDGET.maxBytes && f.files <= BUDGET.maxFiles && f.files + f.folders <= BUDGET.maxEntries;

/**
 * One line for a build's summary: `612.3 MB in 76,402 files and 73,478 folders: within the hosting budget (700 MB,
 * 100,000 files, 200,000 files and folders)`, or `over the hosting budget`.
 */
export function describeFootprint(f: Footprint): string {
  const [shown, budget] = sizes(f.bytes, BUDGET.maxBytes, 'decimal');
  return `${shown} in ${count(f.files)} ${f.files === 1 ? 'file' : 'files'} and ${count(f.folders)} ${f.folders === 1 ? 'folder' : 'folders'}: ` +
    `${withinBudget(f) ? 'within' : 'over'} the hosting budget (${budget}, ${count(BUDGET.maxFiles)} files, ${count(BUDGET.maxEntries)} files and folders)`;
}

/**
 * Human lines: the footprint against the project's budget, then one line per host with each limit it documents
 * checked (✓ all within, ✗ any over, · nothing it documents applies). `fits` is the project's contract (BUDGET),
 * not every host: a site within budget may still be too big for Cloudflare's free plan.
 */
export function hostReport(f: Footprint): { lines: string[]; fits: boolean } {
  const entries = f.files + f.folders;
  const fits = withinBudget(f);
  const [shown, budget] = sizes(f.bytes, BUDGET.maxBytes, 'decimal');
  const lines = [
    `${fits ? '✓' : '✗'} size ${shown} (budget ${budget}) · ${count(f.files)} files (budget ${count(BUDGET.maxFiles)}) · ${count(entries)} files and folders (budget ${count(BUDGET.maxEntries)})`,
  ];
  for (const host of HOSTS) {
    const checks: { text: string; ok: boolean }[] = [];
    if (host.maxBytes !== undefined) checks.push({ text: sizeOf(f.bytes, host.maxBytes, host.units), ok: f.bytes <= host.maxBytes });
    if (host.maxFiles !== undefined) checks.push({ text: `${count(f.files)} files of ${count(host.maxFiles)}`, ok: f.files <= host.maxFiles });
    if (host.maxEntries !== undefined) checks.push({ text: `${count(entries)} files and folders of ${count(host.maxEntries)}`, ok: entries <= host.maxEntries });
    if (host.maxFileBytes !== undefined) {
      const largest = f.largestFile;
      checks.push(largest
        ? { text: `largest file ${sizeOf(largest.bytes, host.maxFileBytes, host.units)}${largest.bytes > host.maxFileBytes ? ` (${largest.path})` : ''}`, ok: largest.bytes <= host.maxFileBytes }
        : { text: 'no files', ok: true });
    }
    const mark = checks.length === 0 ? '·' : checks.every((c) => c.ok) ? '✓' : '✗';
    const parts = checks.map((c) => c.text);
    if (host.note) parts.push(`note: ${host.note}`);
    lines.push(`${mark} ${host.name}: ${parts.join('; ')}`);
  }
  return { lines, fits };
}
