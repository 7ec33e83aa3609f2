/**
 * Issue #6, end to end: a corpus of hostile and broken files (test/hostile/corpus.ts, written for the tests)
 * mixed with real articles (copied from the shared corpus at test time) is built by the real CLI. The build
 * must exit 0, name every rejected file in its closing summary, lose no good article, write nothing outside
 * --out, account for every file, and publish no page that runs a script or shows evaluated template syntax.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element, Root, RootContent } from 'hast';
import { realArticlePaths, realCorpusDir } from '../helpers/corpus.ts';
import { tempDir } from '../helpers/temp.ts';
import { hostileFiles, kbPage, articlePath, writeHostileCorpus, TEMPLATES, XSS, type HostileFile } from './corpus.ts';
import type { Diagnostic } from '../../scripts/types.ts';
import { folderRecordsPath } from '../../layouts/lib/site.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(projectRoot, 'node_modules/.bin/tsx');

/** Runs `tsx scripts/cli.ts build …` as a user would, returning its exit code and output. */
export function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, ['scripts/cli.ts', 'build', ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  // Progress and the closing summary go to stderr (stdout stays free for piping); tests read both.
  return { status: r.status, stdout: `${r.stdout}${r.stderr}`, stderr: r.stderr };
}

/** Every file under `dir`, relative, sorted. */
function listTree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  if (node.type === 'element' && node.content) elements(node.content, out);
  return out;
}

function comments(node: Root | RootContent, out: string[] = []): string[] {
  if (node.type === 'comment') out.push(node.value);
  if ('children' in node) for (const child of node.children) comments(child, out);
  return out;
}

/** Attributes that take a URL: a `javascript:` value there runs when followed. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'cite', 'background'];

/** Why a page could run code: foreign scripts, event handlers, `javascript:` URLs, frames and plugins. */
/** The search page's own script: inline in its head (a page that shows no article text), the search code in it. */
function isSearchScript(tree: Root, el: Element): boolean {
  const head = elements(tree).find((e) => e.tagName === 'head');
  return el.properties.src === undefined && head !== undefined && elements(head).includes(el) && toString(el).includes('#search-fulltext');
}

function executableParts(tree: Root, page: string): string[] {
  const found: string[] = [];
  for (const el of elements(tree)) {
    if (el.tagName === 'script' && !String(el.properties.src ?? '').startsWith('/assets/') && !(page === 'search/index.html' && isSearchScript(tree, el))) {
      found.push(`<script src=${String(el.properties.src)}>`);
    }
    if (['iframe', 'object', 'embed', 'frame', 'base'].includes(el.tagName)) found.push(`<${el.tagName}>`);
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) found.push(`<${el.tagName} ${name}>`);
      if (URL_ATTRIBUTES.includes(name) && /^\s*(javascript|vbscript|data):/i.test(String(value))) found.push(`<${el.tagName} ${name}=${String(value)}>`);
    }
    // The site's own old-link redirects refresh to a page of the site; anything else is not ours.
    if (el.tagName === 'meta' && /refresh/i.test(String(el.properties.httpEquiv ?? '')) && !/^\s*\d+\s*;\s*url=\/(?!\/)[^\s:]*$/i.test(String(el.properties.content ?? ''))) {
      found.push(`<meta http-equiv=refresh content=${String(el.properties.content)}>`);
    }
  }
  return found;
}

let files: HostileFile[];
let work: string;
let source: string;
let parent: string;
let out: string;
let report: string;
let run: { status: number | null; stdout: string; stderr: string };
let parentBefore: string[];
let realPaths: string[];
let diagnostics: Diagnostic[];

const page = (path: string): Root | null => {
  const file = join(out, path, 'index.html');
  return existsSync(file) ? fromHtml(readFileSync(file, 'utf8')) : null;
};
/** The record of the article at `path` (`/kb/182/Q182346/`), from its folder's records.jsonl. */
const record = (path: string): Record<string, unknown> => {
  const records = readFileSync(join(out, folderRecordsPath(path)), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return records.find((r) => r.permalink === path) ?? {};
};
const permalink = (id: string): string => `/${articlePath(id).replace(/README\.md$/, '')}`;

before(() => {
  files = hostileFiles();
  work = tempDir('kb-hostile-');
  source = join(work, 'source');
  parent = join(work, 'parent');
  out = join(parent, 'site');
  report = join(work, 'report.json');
  writeHostileCorpus(source, files);
  // Real articles, spread over the archive (every 4,000th), plus the one the product is known for.
  const all = realArticlePaths();
  realPaths = [...new Set([...all.filter((_, i) => i % 4000 === 0), 'kb/182/Q182346/README.md'])];
  for (const rel of realPaths) {
    mkdirSync(dirname(join(source, rel)), { recursive: true });
    cpSync(join(realCorpusDir(), rel), join(source, rel));
  }
  mkdirSync(parent);
  // A file beside --out that the build must leave alone.
  cpSync(join(source, realPaths[0]!), join(parent, 'neighbour.md'));
  parentBefore = listTree(parent);
  // The report and the per-article cache are the build's own files, placed where the user says; by default
  // they sit beside --out, so they are pointed elsewhere to check that nothing else lands there.
  run = cli(['--source', source, '--out', out, '--report', report, '--cache-dir', join(work, 'cache'), '--records', 'folder']);
  diagnostics = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as { diagnostics: Diagnostic[] }).diagnostics : [];
});

describe('a hostile corpus mixed with real articles', () => {
  test('builds with exit 0 and checks its own accounting', () => {
    assert.equal(run.status, 0, run.stderr || run.stdout.slice(-2000));
    const inputs = files.length + realPaths.length;
    const rejectedFiles = new Set(files.filter((f) => f.expect.kind === 'rejected').map((f) => f.path)).size;
    const line = run.stdout.split('\n').find((l) => l.startsWith('Read '));
    assert.ok(line, run.stdout.slice(-2000));
    assert.match(line, new RegExp(`^Read ${inputs} articles: ${inputs - rejectedFiles} built, ${rejectedFiles} rejected \\(every file accounted for\\)`));
  });

  test('the summary names every rejected file with the rule that rejected it', () => {
    for (const f of files) {
      if (f.expect.kind !== 'rejected') continue;
      const rule = f.expect.rule;
      assert.ok(
        run.stdout.split('\n').some((l) => l.includes(`✗ ${f.path}`) && l.includes(`[${rule}]`)),
        `${f.what}: the summary names ${f.path} with ${rule}\n${run.stdout.split('\n').filter((l) => l.includes('✗')).join('\n')}`,
      );
    }
    // Nothing else is rejected: every good file, hostile or real, became a page.
    const expected = new Set(files.filter((f) => f.expect.kind === 'rejected').map((f) => f.path));
    const rejected = new Set(diagnostics.filter((d) => d.severity === 'rejected').map((d) => d.file));
    assert.deepEqual([...rejected].sort(), [...expected].sort());
  });

  test('every message says what is wrong and what to do, in a sentence', () => {
    for (const d of diagnostics) {
      assert.match(d.rule, /^kb:[a-z0-9-]+$/, d.rule);
      assert.ok(d.file.length > 0 && !d.file.startsWith('/'), d.file);
      assert.ok(d.message.length > 40 && /[.!)]$/.test(d.message), `${d.rule}: a full sentence: ${d.message}`);
      assert.ok(!d.message.includes('undefined') && !d.message.includes('[object Object]'), `${d.rule}: ${d.message}`);
    }
  });

  test('every real article has its page and record', () => {
    for (const rel of realPaths) {
      const id = rel.split('/')[2]!;
      const path = `/${rel.replace(/README\.md$/, '')}`;
      assert.ok(page(path), `${rel} has a page`);
      assert.equal(record(path).id, id);
    }
  });

  test('each usable hostile file has its page, showing its text exactly, with the expected warnings and record', () => {
    for (const f of files) {
      if (f.expect.kind !== 'built') continue;
      const { id, shows = [], warns = [], record: fields = {} } = f.expect;
      const tree = page(permalink(id));
      assert.ok(tree, `${f.what}: a page at ${permalink(id)}`);
      const text = toString(tree);
      assert.ok(!text.includes('\uFFFD'), `${f.what}: no replacement character`);
      for (const s of shows) assert.ok(text.includes(s), `${f.what}: the page shows ${JSON.stringify(s)}`);
      const r = record(permalink(id));
      assert.equal(r.id, id, f.what);
      for (const [k, v] of Object.entries(fields)) assert.deepEqual(r[k], v, `${f.what}: record.${k}`);
      const rules = diagnostics.filter((d) => d.file === f.path).map((d) => d.rule);
      for (const rule of warns) assert.ok(rules.includes(rule), `${f.what}: warning ${rule} (got ${rules.join(', ')})`);
    }
  });

  test('a duplicate id yields one page, from the file in its own folder, and a message naming both files', () => {
    const tree = page(permalink('Q900030'))!;
    assert.match(toString(tree), /The Right Copy/);
    assert.doesNotMatch(toString(tree), /Misfiled/);
    const d = diagnostics.find((x) => x.rule === 'kb:duplicate-id');
    assert.ok(d);
    assert.equal(d.file, 'kb/901/Q900030/README.md');
    assert.ok(d.message.includes('kb/900/Q900030/README.md'), d.message);
    assert.ok(!existsSync(join(out, 'kb/901')), 'no page under the wrong folder');
  });

  test('writes nothing outside --out', () => {
    assert.deepEqual(listTree(parent).filter((p) => !p.startsWith('site/')), parentBefore);
    assert.deepEqual(listTree(work).filter((p) => !/^(parent|source|cache)\//.test(p)), ['report.json']);
    assert.ok(!existsSync(join(tmpdir(), 'kb-hostile-escape')));
    assert.ok(!existsSync(join(parent, 'etc')) && !existsSync(join(work, 'etc')));
    // Refused permalinks never became folders inside the site either.
    const odd = listTree(out).filter((p) => p.startsWith('etc/') || p.startsWith('tmp/') || p.includes('{') || p.includes('%'));
    assert.deepEqual(odd, []);
    assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /<h1|<main/, 'the home page is the home page');
  });

  test('no page runs a script from an article, and article markup is shown as text', () => {
    const pages = listTree(out).filter((p) => p.endsWith('.html'));
    assert.ok(pages.length > files.length);
    const problems: string[] = [];
    for (const p of pages) {
      const tree = fromHtml(readFileSync(join(out, p), 'utf8'));
      for (const x of executableParts(tree, p)) problems.push(`${p}: ${x}`);
      for (const c of comments(tree)) if (c.includes('kb-xss')) problems.push(`${p}: an article's comment became a comment: ${c}`);
      if (elements(tree).some((el) => el.tagName === 'svg' && toString(el).includes('kb-xss'))) problems.push(`${p}: article svg`);
    }
    assert.deepEqual(problems, []);
    const body = toString(page(permalink('Q900051'))!);
    for (const payload of Object.values(XSS)) assert.ok(body.includes(payload), `shown as text: ${payload}`);
  });

  test('template syntax in an article is never evaluated', () => {
    const pages = listTree(out).filter((p) => p.endsWith('.html') || p.endsWith('.json'));
    for (const p of pages) {
      const text = readFileSync(join(out, p), 'utf8');
      assert.ok(!text.includes('KB-UP'), `${p}: a filter ran`);
      assert.ok(!text.includes('kb-included') || text.includes('include &quot;kb-included&quot;') || text.includes('include \\"kb-included\\"') || text.includes('include "kb-included"'), `${p}: an include ran`);
    }
    const t60 = toString(page(permalink('Q900060'))!);
    for (const t of TEMPLATES) assert.ok(t60.includes(`Text ${t} text.`), `literally: ${t}`);
    assert.ok(!/Template 49\b/.test(t60));
    const t61 = page(permalink('Q900061'))!;
    assert.equal(toString(elements(t61).find((el) => el.tagName === 'h1')!), '{{ 7*7 }}');
    assert.ok(!/\b49\b/.test(toString(t61)), 'no 49 on the page');
  });
});

describe('--strict', () => {
  test('turns a rejected file into exit status 1, with a message that says why', () => {
    const dir = tempDir('kb-strict-');
    const src = join(dir, 'source');
    writeHostileCorpus(src, [
      { path: articlePath('Q900090'), bytes: new TextEncoder().encode(kbPage({ id: 'Q900090' })), what: 'good', expect: { kind: 'built', id: 'Q900090' } },
      { path: articlePath('Q900091'), bytes: new Uint8Array(), what: 'empty', expect: { kind: 'rejected', rule: 'kb:empty-file' } },
    ]);
    const r = cli(['--source', src, '--out', join(dir, 'site'), '--report', join(dir, 'report.json'), '--no-cache', '--strict']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /--strict: 1 rejected, 0 warnings: exiting with status 1/);
    assert.match(r.stdout, /✗ kb\/900\/Q900091\/README\.md: The file is empty/);
    assert.ok(existsSync(join(dir, 'site/kb/900/Q900090/index.html')), 'the good article is still built');
  });
});
