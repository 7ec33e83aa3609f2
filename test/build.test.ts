/**
 * The sample site, built end to end: every bundled article becomes a page and a record, the record follows
 * PRODUCT.md, the symptom and browse pages exist, and every internal link resolves.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, $, $$, text, type BuiltSite } from './helpers/site.ts';
import { defaultSource } from '../scripts/build.ts';
import { permalinkOf } from '../scripts/link/index.ts';

let site: BuiltSite;
const sampleIds = readdirSync(join(defaultSource, 'kb')).flatMap((group) => readdirSync(join(defaultSource, 'kb', group)).filter((q) => /^Q\d+$/.test(q)));

before(async () => {
  site = await buildSite({ workers: 0 });
});

test('every sample article is read, built and accounted for', () => {
  assert.ok(sampleIds.length >= 20, `the sample has ${sampleIds.length} articles`);
  assert.equal(site.result.articlesRead, sampleIds.length);
  assert.equal(site.result.articlesBuilt + site.result.rejected, site.result.articlesRead);
  assert.equal(site.result.rejected, 0, JSON.stringify(site.result.diagnostics.filter((d) => d.severity === 'rejected')));
});

test('each article has a page and a PRODUCT.md record in the data export', () => {
  for (const id of sampleIds) {
    const permalink = permalinkOf(id);
    const record = site.record<Record<string, unknown>>(id);
    assert.equal(record.id, id);
    assert.equal(typeof record.title, 'string');
    assert.ok(!String(record.title).startsWith(`${id}:`), 'title keeps no leading Qnnn:');
    assert.ok(record.lastModified === null || /^\d{4}-\d{2}-\d{2}$/.test(String(record.lastModified)));
    for (const field of ['versions', 'os', 'keywords', 'appliesTo', 'sections', 'events', 'references']) {
      assert.ok(Array.isArray(record[field]), `${id}.${field} is an array`);
    }
    assert.ok(!(record.references as string[]).includes(id), 'an article never cites itself');
    const page = site.page(permalink);
    assert.ok(page, `${permalink} exists`);
    assert.ok(text($(page, 'h1')).includes(String(record.title)), `${id} h1 shows the title`);
    assert.equal($$(page, 'h1').length, 1);
    assert.ok($(page, 'link[rel=canonical]'));
  }
});

test('header and footer lines never leak into the rendered body', () => {
  for (const id of sampleIds) {
    const page = site.page(permalinkOf(id))!;
    const body = text($(page, '.article-body'));
    assert.doesNotMatch(body, /^\s*(Article|Product\(s\)|Version\(s\)|Operating System\(s\)|Keyword\(s\)|Last Modified):/m, id);
    assert.doesNotMatch(body, /^\s*(Keywords|Technology|Issue type)\s+:/m, id);
    assert.doesNotMatch(body, /={20,}/, id);
  }
});

test('every event named by a record has its page, listing the article under its source', () => {
  let checked = 0;
  for (const id of sampleIds) {
    const record = site.record<{ events: { source: string | null; id: number }[] }>(id);
    for (const event of record.events) {
      const page = site.page(`/events/${event.id}/`);
      assert.ok(page, `/events/${event.id}/ exists`);
      const links = $$(page, '.event-source a').map((a) => String(a.properties.href));
      assert.ok(links.some((href) => href.includes(`/${id}/`)), `/events/${event.id}/ lists ${id}`);
      checked++;
    }
  }
  assert.ok(checked > 5, `checked ${checked} event mentions`);
});

test('article text is data: no script from an article reaches a page', () => {
  for (const id of sampleIds) {
    const file = join(site.out, permalinkOf(id), 'index.html');
    const html = readFileSync(file, 'utf8');
    assert.doesNotMatch(html, /<script\b(?![^>]*\bsrc="[^"]*\/assets\/)/i, `${id} has no inline or foreign script`);
    assert.doesNotMatch(html, /\{%-?\s*(raw|endraw)/, `${id} shows no raw tags`);
  }
});

test('no internal link is broken', () => {
  const broken: string[] = [];
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
  for (const file of walk(site.out)) {
    const html = readFileSync(file, 'utf8');
    for (const [, href] of html.matchAll(/\shref="([^"#?]*)[^"]*"/g)) {
      if (!href || /^[a-z]+:/i.test(href)) continue;
      assert.ok(href.startsWith('/'), `relative link ${href} in ${file}`);
      const target = join(site.out, decodeURIComponent(href));
      if (!existsSync(href.endsWith('/') ? join(target, 'index.html') : target)) broken.push(`${file.slice(site.out.length)} → ${href}`);
    }
  }
  assert.deepEqual([...new Set(broken)].slice(0, 20), []);
});
