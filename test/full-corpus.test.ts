/**
 * The real corpus is the judge: all 59,132 articles built into one site, then checked page by page.
 * Every article yields a page and a record; every event ID in the records has its page; citations are
 * exact inverses; a crawl of the whole site finds no broken internal link.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, $$, type BuiltSite } from './helpers/site.ts';
import { realCorpusDir, realArticlePaths } from './helpers/corpus.ts';
import type { LinkedArticle } from '../scripts/types.ts';
import { BUDGET, footprintOf, hostReport } from '../scripts/report/host-limits.ts';

let site: BuiltSite;
let paths: string[];
const records = new Map<string, LinkedArticle>();

before(async () => {
  paths = realArticlePaths();
  site = await buildSite({ source: realCorpusDir() });
  for (const path of paths) {
    const id = path.split('/')[2]!;
    records.set(id, site.record<LinkedArticle>(id));
  }
});

test('every real article yields a page and a record, and nothing is rejected', () => {
  assert.equal(paths.length, 59_132);
  assert.equal(site.result.articlesRead, paths.length);
  assert.equal(site.result.articlesBuilt, paths.length);
  assert.equal(site.result.rejected, 0);
  for (const path of paths) {
    const id = path.split('/')[2]!;
    const record = records.get(id)!;
    assert.equal(record.id, id, path);
    assert.equal(`/${path.replace(/README\.md$/, '')}`, record.permalink, path);
    assert.ok(existsSync(join(site.out, record.permalink, 'index.html')), `${record.permalink}index.html`);
    assert.ok(record.lastModified === null || (/^\d{4}-\d{2}-\d{2}$/.test(record.lastModified) && !Number.isNaN(Date.parse(record.lastModified))), `${id} lastModified ${record.lastModified}`);
    assert.ok(typeof record.title === 'string' && record.title.length > 0, `${id} has a title`);
  }
});

test('Q182346 links to /events/4087/, which lists it under MSExchangeIMC', () => {
  const record = records.get('Q182346')!;
  assert.deepEqual(record.events.filter((e) => e.id === 4087), [{ source: 'MSExchangeIMC', id: 4087 }]);
  const article = site.page('/kb/182/Q182346/')!;
  assert.ok($$(article, 'a').some((a) => a.properties.href === '/events/4087/'), 'the article links to its event page');
  const eventPage = site.page('/events/4087/')!;
  const section = $$(eventPage, 'section.event-source').find((s) => s.properties.dataSource === 'msexchangeimc');
  assert.ok(section, '/events/4087/ has an MSExchangeIMC group');
  assert.ok($$(section, 'a').some((a) => String(a.properties.href) === '/kb/182/Q182346/'), 'the group lists Q182346');
});

test('every event ID named by a record has its page, and every article links to its symptom pages', () => {
  const eventIds = new Set<number>();
  let articlesWithEvents = 0;
  for (const record of records.values()) {
    if (record.events.length === 0 && record.errorCodes.length === 0) continue;
    if (record.events.length) articlesWithEvents++;
    const html = readFileSync(join(site.out, record.permalink, 'index.html'), 'utf8');
    for (const e of record.events) {
      eventIds.add(e.id);
      assert.ok(html.includes(`href="/events/${e.id}/"`), `${record.id} links to /events/${e.id}/`);
    }
    for (const c of record.errorCodes) assert.ok(html.includes(`href="/errors/${c.code}/"`), `${record.id} links to /errors/${c.code}/`);
  }
  for (const id of eventIds) assert.ok(site.exists(`/events/${id}/`), `/events/${id}/ exists`);
  // The scale the corpus measures (FORMAT.md §6: ~2,100 articles, ~1,250 distinct IDs).
  assert.ok(articlesWithEvents > 1_800 && articlesWithEvents < 2_600, `${articlesWithEvents} articles name events`);
  assert.ok(eventIds.size > 1_000 && eventIds.size < 1_600, `${eventIds.size} distinct event IDs`);
});

test('cited-by is the exact inverse of the citations that resolve', () => {
  const inverse = new Map<string, Set<string>>();
  for (const r of records.values()) {
    assert.deepEqual([...r.referencesFound, ...r.referencesMissing].sort(), [...r.references].sort(), r.id);
    for (const ref of r.referencesFound) {
      assert.ok(records.has(ref), `${r.id} cites ${ref}, marked found`);
      if (!inverse.has(ref)) inverse.set(ref, new Set());
      inverse.get(ref)!.add(r.id);
    }
    for (const ref of r.referencesMissing) assert.ok(!records.has(ref), `${r.id} cites ${ref}, marked missing`);
  }
  for (const r of records.values()) assert.deepEqual(new Set(r.citedBy), inverse.get(r.id) ?? new Set(), `citedBy of ${r.id}`);
});

test('a crawl of the whole site finds no broken internal link', () => {
  const broken = new Set<string>();
  let links = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const html = readFileSync(full, 'utf8');
        for (const m of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
          const href = decodeURIComponent(m[1]!);
          links++;
          const target = join(site.out, href);
          if (!existsSync(href.endsWith('/') ? join(target, 'index.html') : target)) broken.add(`${full.slice(site.out.length)} → ${href}`);
        }
      }
    }
  };
  walk(site.out);
  assert.ok(links > 500_000, `${links} links crawled`);
  assert.deepEqual([...broken].slice(0, 20), []);
});

test('the default full build fits the hosting budget, by its own count and by a walk of the folder', () => {
  const own = site.result.footprint;
  const walked = footprintOf(site.out);
  assert.deepEqual({ bytes: own.bytes, files: own.files, folders: own.folders }, { bytes: walked.bytes, files: walked.files, folders: walked.folders }, 'the build counts what it published');
  assert.ok(own.bytes <= BUDGET.maxBytes, `${(own.bytes / 1e6).toFixed(1)} MB of ${BUDGET.maxBytes / 1e6} MB`);
  assert.ok(own.files <= BUDGET.maxFiles, `${own.files} files of ${BUDGET.maxFiles}`);
  assert.ok(own.files + own.folders <= BUDGET.maxEntries, `${own.files + own.folders} files and folders of ${BUDGET.maxEntries}`);
  assert.ok(hostReport(own).fits);
});
