/**
 * The hosting budget's figures (issue #20): a build counts what it published (size, files, folders) and prints it;
 * the count equals a walk of the folder; each publishing option adds exactly the files it documents, and the
 * default adds none per article beyond its page.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type BuiltSite } from '../helpers/site.ts';
import { readRecordsExport } from '../../scripts/write/data-export.ts';
import { footprintOf } from '../../scripts/report/host-limits.ts';
import type { BuildOptions } from '../../scripts/build.ts';

const variants: Record<string, BuildOptions> = {
  default: {},
  folderRecords: { records: 'folder' },
  articleRecords: { records: 'article' },
  originals: { originals: true },
  redirectsFile: { redirectsFile: true },
  sourceUrl: { sourceUrl: 'https://github.com/jeffpar/kbarchive/blob/master' },
};
const sites = new Map<string, BuiltSite>();

before(async () => {
  for (const [name, options] of Object.entries(variants)) sites.set(name, await buildSite({ workers: 0, search: false, ...options }));
});

const site = (name: string) => sites.get(name)!;
const footprint = (name: string) => site(name).result.footprint;

test('the build counts what it published: its figures equal a walk of the folder', () => {
  for (const [name, s] of sites) {
    const walked = footprintOf(s.out);
    assert.deepEqual(
      { bytes: s.result.footprint.bytes, files: s.result.footprint.files, folders: s.result.footprint.folders },
      { bytes: walked.bytes, files: walked.files, folders: walked.folders },
      name,
    );
  }
});

test('by default an article gets its page and nothing else beside it: one file and one folder', () => {
  const articles = site('default').result.articlesBuilt;
  const records = readRecordsExport<{ id: string; permalink: string }>(site('default').out);
  assert.equal(records.length, articles, 'every record is in the data export');
  const paths = listFiles(site('default').out);
  for (const r of records) {
    const beside = paths.filter((p) => p.startsWith(r.permalink.slice(1)));
    assert.deepEqual(beside, [`${r.permalink.slice(1)}index.html`], r.id);
  }
});

test('each option adds the files it documents, and nothing else', () => {
  const articles = site('default').result.articlesBuilt;
  const base = footprint('default');
  const folders = new Set(readRecordsExport<{ permalink: string }>(site('default').out).map((r) => r.permalink.split('/')[2])).size;
  assert.equal(footprint('articleRecords').files - base.files, articles, '--records article: an index.json per article');
  assert.equal(footprint('originals').files - base.files, articles, '--originals: a Q<n>.txt per article');
  assert.equal(footprint('folderRecords').files - base.files, folders, '--records folder: a records.jsonl per /kb/<NNN>/ folder');
  assert.equal(footprint('redirectsFile').files - base.files, 1, '--redirects-file: _redirects');
  assert.equal(footprint('sourceUrl').files, base.files, '--source-url: links only');
  for (const name of Object.keys(variants)) assert.equal(footprint(name).folders, base.folders, `${name} adds no folder`);
});

test('--records folder puts every record in its folder\'s records.jsonl, the same as the export', () => {
  const s = site('folderRecords');
  const exported = readRecordsExport<{ id: string; permalink: string }>(s.out);
  for (const r of exported) {
    const folder = r.permalink.replace(/Q\d+\/$/, '');
    const lines = readFileSync(join(s.out, folder, 'records.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    assert.deepEqual(lines.find((l) => l.id === r.id), r);
    const page = readFileSync(join(s.out, r.permalink, 'index.html'), 'utf8');
    assert.ok(page.includes(`href="${folder}records.jsonl"`), `${r.id} links its folder's records`);
  }
});

test('--source-url links each article to its original where the collection publishes it; the default links none', () => {
  for (const r of readRecordsExport<{ id: string; permalink: string; sourcePath: string }>(site('sourceUrl').out)) {
    const page = readFileSync(join(site('sourceUrl').out, r.permalink, 'index.html'), 'utf8');
    assert.ok(page.includes(`href="https://github.com/jeffpar/kbarchive/blob/master/${r.sourcePath}"`), r.id);
    const plain = readFileSync(join(site('default').out, r.permalink, 'index.html'), 'utf8');
    assert.ok(!plain.includes('class="original"'), `${r.id}: no link to what is not published`);
  }
});

test('the build prints its footprint against the budget', async () => {
  const lines: string[] = [];
  const { build } = await import('../../scripts/build.ts');
  const s = site('default');
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    await build({ out: s.out, workers: 0, search: false, report: null, quiet: false });
  } finally {
    process.stderr.write = write;
  }
  const f = footprint('default');
  const line = lines.join('').split('\n').find((l) => l.startsWith('Output: '));
  assert.ok(line, 'an Output: line');
  assert.ok(line.includes(`${f.files.toLocaleString('en-US')} files and ${f.folders.toLocaleString('en-US')} folders`), line);
  assert.match(line, /within the hosting budget/);
});

/** Every file under `dir`, site-relative. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}
