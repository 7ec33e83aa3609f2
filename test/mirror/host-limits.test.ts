/**
 * A site's footprint (scripts/report/host-limits.ts): the folder walk's exact figures on a small tree with an empty
 * folder and symlinks, the same figures from the list of paths a build wrote, and the host report's ✓ and ✗.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../helpers/temp.ts';
import { BUDGET, HOSTS, describeFootprint, footprintOf, footprintOfPaths, hostReport, type Footprint } from '../../scripts/report/host-limits.ts';

/** The tree's files, site-relative, with their sizes; a symlink's size is its target's length (what lstat reports). */
const files: { path: string; bytes: number; symlinkTo?: string }[] = [
  { path: 'index.html', bytes: 10 },
  { path: 'empty.txt', bytes: 0 },
  { path: 'kb/182/Q182346/index.html', bytes: 12_345 },
  { path: 'kb/182/Q182346/index.json', bytes: 1_000 },
  { path: 'kb/183/Q183001/index.html', bytes: 700 },
  { path: 'assets/site.css', bytes: 3 },
  // A link to a folder: followed, its two files would count twice and its folder once more.
  { path: 'latest', bytes: 'kb/182'.length, symlinkTo: 'kb/182' },
  { path: 'assets/home.html', bytes: '../index.html'.length, symlinkTo: '../index.html' },
];
const bytes = 10 + 0 + 12_345 + 1_000 + 700 + 3 + 6 + 13;

/** Writes `files` under a fresh folder, plus the empty folder `kb/184/`. */
function makeTree(): string {
  const root = tempDir('kb-host-limits-');
  for (const f of files) {
    const full = join(root, f.path);
    mkdirSync(dirname(full), { recursive: true });
    if (f.symlinkTo) symlinkSync(f.symlinkTo, full);
    else writeFileSync(full, Buffer.alloc(f.bytes, 'x'));
  }
  mkdirSync(join(root, 'kb/184'));
  return root;
}

test('footprintOf counts every file and symlink by its own size, and every folder below the root, following no link', () => {
  const root = makeTree();
  assert.deepEqual(footprintOf(root), {
    bytes,
    files: 8,
    // assets, kb, kb/182, kb/182/Q182346, kb/183, kb/183/Q183001, kb/184 (empty); not the root, not `latest`.
    folders: 7,
    largestFile: { path: 'kb/182/Q182346/index.html', bytes: 12_345 },
  });
});

test('footprintOfPaths gives the walk\'s figures from the list of files written, folders being their ancestors', () => {
  const root = makeTree();
  rmdirSync(join(root, 'kb/184')); // a list of files cannot name an empty folder
  const walked = footprintOf(root);
  const listed = footprintOfPaths(files.map(({ path, bytes }) => ({ path, bytes })));
  assert.deepEqual(listed, walked);
  assert.deepEqual(listed, { bytes, files: 8, folders: 6, largestFile: { path: 'kb/182/Q182346/index.html', bytes: 12_345 } });
});

test('footprintOfPaths: a path listed twice is one file, ties for largest go to the path sorting first, and a path that is not site-relative is refused', () => {
  assert.deepEqual(footprintOfPaths([]), { bytes: 0, files: 0, folders: 0, largestFile: null });
  assert.deepEqual(
    footprintOfPaths([
      { path: 'b/x.html', bytes: 5 },
      { path: 'a/y.html', bytes: 5 },
      { path: 'b/x.html', bytes: 4 },
      { path: 'top.txt', bytes: 1 },
    ]),
    { bytes: 10, files: 3, folders: 2, largestFile: { path: 'a/y.html', bytes: 5 } },
  );
  for (const path of ['/kb/182/index.html', 'kb//index.html', 'kb/../x', './x', 'kb/', '', 'kb\\x']) {
    assert.throws(() => footprintOfPaths([{ path, bytes: 1 }]), /not a site-relative path/, path);
  }
});

test('footprintOf of a folder that does not exist throws', () => {
  assert.throws(() => footprintOf(join(tempDir('kb-host-limits-'), 'missing')), { code: 'ENOENT' });
});

const footprint = (bytes: number, files: number, folders: number, largest: number | null): Footprint => ({
  bytes, files, folders, largestFile: largest === null ? null : { path: 'data/kb-records.jsonl.gz', bytes: largest },
});
const line = (lines: string[], host: string) => {
  const found = lines.find((l) => l.slice(2).startsWith(`${host}:`));
  assert.ok(found, `a line for ${host} in ${lines.join('\n')}`);
  return found;
};

test('hostReport: a site within the budget fits, with ✓ for the hosts whose limits it is within and ✗ for the others', () => {
  const { lines, fits } = hostReport(footprint(612_300_000, 76_402, 73_478, 7_500_000));
  assert.equal(fits, true);
  assert.equal(lines[0], '✓ size 612.3 MB (budget 700 MB) · 76,402 files (budget 100,000) · 149,880 files and folders (budget 200,000)');
  assert.match(line(lines, 'GitHub Pages'), /^✓ GitHub Pages: 612\.3 MB of 1 GB; largest file 7\.5 MB of 100 MB(;|$)/);
  assert.match(line(lines, 'GitLab Pages (gitlab.com)'), /^✓ .*: 612\.3 MB of 1 GB; 149,880 files and folders of 200,000(;|$)/);
  assert.match(line(lines, 'Cloudflare Pages (free)'), /^✗ .*: 76,402 files of 20,000; largest file 7\.2 MiB of 25 MiB(;|$)/);
  assert.match(line(lines, 'Cloudflare Pages (paid)'), /^✓ .*: 76,402 files of 100,000; largest file 7\.2 MiB of 25 MiB(;|$)/);
  assert.match(line(lines, 'Netlify'), /^· Netlify: note: no documented limit/);
  assert.equal(lines.length, 1 + HOSTS.length);
});

test('hostReport: exactly at every budget limit fits; one over any of them does not', () => {
  assert.equal(hostReport(footprint(BUDGET.maxBytes, BUDGET.maxFiles, BUDGET.maxEntries - BUDGET.maxFiles, 1)).fits, true);
  const over = [
    footprint(BUDGET.maxBytes + 1, 10, 10, 1),
    footprint(1, BUDGET.maxFiles + 1, 0, 1),
    footprint(1, 50_000, BUDGET.maxEntries - 50_000 + 1, 1),
  ];
  for (const f of over) {
    const { lines, fits } = hostReport(f);
    assert.equal(fits, false, JSON.stringify(f));
    assert.ok(lines[0]!.startsWith('✗ '), lines[0]);
  }
  // Rounding would show "700 MB (budget 700 MB)": the exact bytes say why it is over.
  assert.match(hostReport(over[0]!).lines[0]!, /^✗ size 700,000,001 bytes \(budget 700,000,000 bytes\) · /);
});

test('hostReport: a host limit exceeded is marked ✗ even when the budget fits, naming the file too large', () => {
  const big = hostReport(footprint(300_000_000, 1_000, 500, 150_000_000));
  assert.equal(big.fits, true);
  assert.match(line(big.lines, 'GitHub Pages'), /^✗ GitHub Pages: 300 MB of 1 GB; largest file 150 MB of 100 MB \(data\/kb-records\.jsonl\.gz\)/);
  assert.match(line(big.lines, 'Cloudflare Pages (paid)'), /^✗ .*largest file 143\.1 MiB of 25 MiB/);
  assert.match(line(big.lines, 'GitLab Pages (gitlab.com)'), /^✓ /);

  const huge = hostReport(footprint(1_000_000_001, 1_000, 500, 1));
  assert.equal(huge.fits, false);
  assert.match(line(huge.lines, 'GitHub Pages'), /^✗ GitHub Pages: 1,000,000,001 bytes of 1,000,000,000 bytes;/);

  const empty = hostReport(footprint(0, 0, 0, null));
  assert.equal(empty.fits, true);
  assert.match(line(empty.lines, 'GitHub Pages'), /^✓ GitHub Pages: 0 B of 1 GB; no files/);
});

test('the budget is PRODUCT.md\'s, and every host names where its limits are documented', () => {
  assert.deepEqual({ ...BUDGET }, { maxBytes: 700_000_000, maxFiles: 100_000, maxEntries: 200_000 });
  for (const host of HOSTS) {
    assert.ok(host.sources.length > 0 && host.sources.every((s) => s.startsWith('https://')), host.name);
    const limits = [host.maxBytes, host.maxFileBytes, host.maxFiles, host.maxEntries].filter((l) => l !== undefined);
    assert.ok(limits.length > 0 || host.note, `${host.name}: a limit, or a note saying why there is none`);
  }
});

test('describeFootprint: one line for the build summary, within or over the budget', () => {
  assert.equal(
    describeFootprint(footprint(612_300_000, 76_402, 73_478, 7_500_000)),
    '612.3 MB in 76,402 files and 73,478 folders: within the hosting budget (700 MB, 100,000 files, 200,000 files and folders)',
  );
  assert.match(describeFootprint(footprint(1, 1, 1, 1)), /^1 B in 1 file and 1 folder: within /);
  assert.match(describeFootprint(footprint(1, 100_000, 100_001, 1)), /: over the hosting budget/);
});
