/**
 * The real corpus is the judge: all 59,132 articles built into one site, then checked page by page.
 * Every article yields a page and a record; every event ID in the records has its page; citations are
 * exact inverses; a crawl of the whole site finds no broken internal link.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, $$, text, type BuiltSite } from './helpers/site.ts';
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

test('Q200092 (`ID: 4087, Source: MSExchangeIMC, Type: Error,`) is on /events/4087/ beside Q182346, under MSExchangeIMC', () => {
  assert.ok(records.get('Q200092')!.events.some((e) => e.id === 4087 && e.source === 'MSExchangeIMC' && !e.via));
  const section = $$(site.page('/events/4087/')!, 'section.event-source').find((s) => s.properties.dataSource === 'msexchangeimc')!;
  const own = $$(section, 'ul.listing:not(.via) a').map((a) => String(a.properties.href));
  for (const page of ['/kb/182/Q182346/', '/kb/200/Q200092/']) assert.ok(own.includes(page), `${page} describes MSExchangeIMC 4087`);
});

test('events named in a cited article\'s title are listed apart, with the cited article; one the archive lacks is marked', () => {
  let checked = 0;
  let lacking = 0;
  const citedTitles = new Map<string, string[]>();
  for (const r of records.values()) for (const e of r.events) if (e.via && e.viaTitle) citedTitles.set(e.via, [...(citedTitles.get(e.via) ?? []), e.viaTitle]);
  for (const record of records.values()) {
    for (const e of record.events) {
      if (!e.via) continue;
      const page = site.page(`/events/${e.id}/`)!;
      const key = e.source ? e.source.toLowerCase().replace(/[^a-z0-9]+/g, '') : '';
      const section = $$(page, 'section.event-source').find((s) => s.properties.dataSource === key)!;
      assert.ok(section, `/events/${e.id}/ has a group for ${e.source}`);
      // The cited article's number is a span of its own; the articles citing it are links in the item's `small`.
      const item = $$(section, 'ul.via > li').find((li) => $$(li, 'span').some((span) => text(span) === e.via));
      assert.ok(item, `/events/${e.id}/ lists ${e.via} among the cited articles`);
      assert.ok($$(item, 'small a').some((a) => String(a.properties.href) === record.permalink), `…cited by ${record.id}`);
      assert.ok(!$$(section, 'ul.listing:not(.via) a').some((a) => String(a.properties.href) === record.permalink) || record.events.some((x) => x.id === e.id && !x.via && (x.source ?? '') === (e.source ?? '')), `${record.id} is not listed as describing ${e.id} itself`);
      if (!records.has(e.via)) {
        lacking++;
        assert.match(text(item), /not archived/, `${e.via} is marked as not archived`);
        // By the title one of its citers gives (citers may word it differently).
        const shown = text(item);
        assert.ok(citedTitles.get(e.via)!.some((title) => shown.includes(title.slice(0, 20))), `${e.via} is shown by its title`);
      }
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} via entries checked`);
  assert.ok(lacking > 10, `${lacking} of them cite an article the archive lacks`);
  // The example of the issue: a service pack's fix list names event 210 through Q175964.
  assert.ok(records.get('Q174189')!.events.some((e) => e.id === 210 && e.via === 'Q175964'));
});

test('event pages show the entry as articles quote it from the event log', () => {
  let shown = 0;
  for (const record of records.values()) {
    for (const m of record.eventMessages) {
      const html = readFileSync(join(site.out, 'events', String(m.id), 'index.html'), 'utf8');
      const snippet = m.message.slice(0, 40).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
      assert.ok(html.toLowerCase().includes(snippet.toLowerCase()), `/events/${m.id}/ shows the message ${record.id} quotes`);
      shown++;
    }
  }
  assert.ok(shown > 1_000, `${shown} logged messages`);
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
