/**
 * The browse and symptom indexes: which articles name each event, error code, product family, article type,
 * year, keyword and `/kb/<NNN>/` folder. Listings hold summaries, not whole records, so pages stay small.
 */
import type { ArticleRecord } from '../types.ts';
import { eventSourceKey, eventSourceSlug } from '../symptoms/index.ts';
import { compareIds } from './citations.ts';

/** What a listing shows of an article. */
export interface ArticleSummary {
  id: string;
  title: string;
  permalink: string;
  product: string | null;
  productFamily: string;
  articleType: string;
  lastModified: string | null;
}

export const summarise = (r: ArticleRecord): ArticleSummary => ({
  id: r.id,
  title: r.title,
  permalink: r.permalink,
  product: r.product,
  productFamily: r.productFamily,
  articleType: r.articleType,
  lastModified: r.lastModified,
});

export interface EventSourceGroup {
  /** Normalised key (`msexchangeimc`) and URL slug. */
  key: string;
  slug: string;
  /** The spelling most articles use (`MSExchangeIMC`); null groups the articles that name no source. */
  name: string | null;
  /** Every spelling the articles use, most used first, with how many articles use it. */
  spellings: { spelling: string; articles: number }[];
  /** The articles that describe the event themselves. */
  articles: string[];
  /** Articles that name the event only in the title of an article they cite (a fix list, "see also"), with it and
   *  its title as the citing article writes it. */
  via: { article: string; cited: string; title: string }[];
  /** The entry as articles quote it from the event log: its type and description, with the article it is from. */
  messages: { article: string; type: string | null; message: string }[];
}

export interface EventListing {
  id: number;
  /** Groups by source, named sources first (by article count), then the articles naming no source. */
  sources: EventSourceGroup[];
  /** Articles that describe the event, and articles that name it through a citation (`via`), each counted once. */
  articleCount: number;
}

export interface SourceListing {
  key: string;
  slug: string;
  name: string;
  /** Every spelling the articles use, most used first, with how many articles use it. */
  spellings: { spelling: string; articles: number }[];
  /** Event ids this source logs, each with its articles. */
  events: { id: number; articles: string[] }[];
  articleCount: number;
}

export interface ErrorListing {
  code: string;
  display: string;
  kind: string;
  articles: string[];
}

export interface GroupListing {
  key: string;
  name: string;
  articles: string[];
}

/** One product family's ways to narrow: its articles by year, article type and version (issue #3). */
export interface ProductFacets {
  /** The family slug (`exchange`). */
  key: string;
  name: string;
  years: GroupListing[];
  types: GroupListing[];
  /** Keyed by a URL slug of the version (`winnt-4.0`), named as the records write it (`winnt:4.0`). */
  versions: GroupListing[];
}

export interface Listings {
  events: EventListing[];
  sources: SourceListing[];
  errors: ErrorListing[];
  families: GroupListing[];
  types: GroupListing[];
  years: GroupListing[];
  keywords: GroupListing[];
  folders: GroupListing[];
  productFacets: ProductFacets[];
}

/**
 * The URL segment of a keyword: lower-cased, anything but letters, digits, `.`, `_` and `-` folded to `-`
 * (`b/w` → `b-w`, `100%` → `100`), so no keyword URL needs escaping on any host. Keywords that fold to the
 * same segment share a page.
 */
export function keywordSlug(keyword: string): string {
  const slug = keyword.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'other';
  // `/keywords/index.html` is the keywords index itself: a keyword page there would be a folder where that file
  // is, and the whole build failed on one `Keyword(s): index.html` line (issue #6).
  return slug === 'index.html' ? 'index-html' : slug;
}

/** `localeCompare` in English, its collator made once: sorting thousands of keywords and codes with a collator looked
 *  up for each comparison cost a rebuild a noticeable part of its linking. */
const compareEn = new Intl.Collator('en').compare;
const compareBase = new Intl.Collator('en', { sensitivity: 'base' }).compare;
const compareNumeric = new Intl.Collator('en', { numeric: true }).compare;

/** `f`, remembering its answer for each argument (slugs of the same few thousand keywords and versions, 500k times). */
function remembered(f: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) seen.set(text, (value = f(text)));
    return value;
  };
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** A version as a URL segment: `winnt:4.0` → `winnt-4.0`, `3.51 SP5` → `3.51-sp5`. Never `.` or `..` (a version
 *  written `..` would otherwise be a path that climbs out of its folder: issue #6). Versions are grouped by slug. */
export function versionSlug(version: string): string {
  const slug = version.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' || /^\.+$/.test(slug) ? 'unnamed' : slug;
}

/** Spellings with how many articles use each, most used first; ties in sort order, so builds are reproducible. */
function spellingsByUse(users: Map<string, Set<string>>): { spelling: string; articles: number }[] {
  return [...users]
    .map(([spelling, articles]) => ({ spelling, articles: articles.size }))
    .sort((a, b) => b.articles - a.articles || compareEn(a.spelling, b.spelling));
}

/** The most frequent spelling wins; ties go to the first in sort order, so builds are reproducible. */
function commonSpelling(spellings: string[]): string {
  const counts = new Map<string, number>();
  for (const s of spellings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareEn(a[0], b[0]))[0]![0];
}

/** The fields of a record the listings are made from (`buildListings` is given nothing else). */
const listingFields = {
  id: true, events: true, eventMessages: true, errorCodes: true, productFamily: true, articleType: true, year: true, keywords: true, permalink: true, versions: true,
} as const satisfies Partial<Record<keyof ArticleRecord, true>>;
export type ListingFields = Pick<ArticleRecord, keyof typeof listingFields>;
const listingFieldNames = Object.keys(listingFields) as (keyof ListingFields)[];

/**
 * What of one article the listings are made from. An archive of the same articles, each with the same value, has the
 * same listings (a rebuild after an edit that changed none of them keeps the last build's: build.ts).
 */
export function listingInputsOf(r: ListingFields): string {
  return JSON.stringify(listingFieldNames.map((name) => r[name]));
}

export function buildListings(records: readonly ListingFields[], familyName: (slug: string) => string): Listings {
  const keywordSlugOf = remembered(keywordSlug);
  const versionSlugOf = remembered(versionSlug);
  const sourceKeyOf = remembered(eventSourceKey);
  const sorted = [...records].sort((a, b) => compareIds(a.id, b.id));
  type Group = { spellings: Map<string, Set<string>>; articles: Set<string>; via: EventSourceGroup['via']; messages: EventSourceGroup['messages'] };
  const byEvent = new Map<number, Map<string, Group>>();
  const groupOf = (id: number, source: string | null): Group => {
    const key = source ? sourceKeyOf(source) : '';
    let groups = byEvent.get(id);
    if (!groups) byEvent.set(id, (groups = new Map()));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spellings: new Map(), articles: new Set(), via: [], messages: [] }));
    return group;
  };
  const bySource = new Map<string, { spellings: Map<string, Set<string>>; events: Map<number, Set<string>> }>();
  const byError = new Map<string, { display: string[]; kind: string; articles: Set<string> }>();
  const families = new Map<string, string[]>();
  const types = new Map<string, string[]>();
  const years = new Map<string, string[]>();
  const keywords = new Map<string, { spellings: string[]; articles: string[] }>();
  const folders = new Map<string, string[]>();
  const facets = new Map<string, { years: Map<string, string[]>; types: Map<string, string[]>; versions: Map<string, { names: string[]; articles: string[] }> }>();

  for (const r of sorted) {
    for (const e of r.events) {
      const group = groupOf(e.id, e.source);
      if (e.source) {
        const users = group.spellings.get(e.source);
        if (users) users.add(r.id);
        else group.spellings.set(e.source, new Set([r.id]));
      }
      if (e.via) {
        // Named only in a cited article's title: listed apart on the event page, and not on the source's page.
        group.via.push({ article: r.id, cited: e.via, title: e.viaTitle ?? '' });
        continue;
      }
      group.articles.add(r.id);
      const key = e.source ? sourceKeyOf(e.source) : '';
      if (e.source) {
        let source = bySource.get(key);
        if (!source) bySource.set(key, (source = { spellings: new Map(), events: new Map() }));
        const users = source.spellings.get(e.source);
        if (users) users.add(r.id);
        else source.spellings.set(e.source, new Set([r.id]));
        let ids = source.events.get(e.id);
        if (!ids) source.events.set(e.id, (ids = new Set()));
        ids.add(r.id);
      }
    }
    for (const m of r.eventMessages) {
      // An entry quoted without its source belongs with the article's own sourced event, when it names just one.
      const own = r.events.filter((e) => e.id === m.id && !e.via);
      const source = m.source ?? (own.length === 1 ? own[0]!.source : null);
      if (!own.some((e) => (e.source === null ? '' : sourceKeyOf(e.source)) === (source === null ? '' : sourceKeyOf(source)))) continue;
      groupOf(m.id, source).messages.push({ article: r.id, type: m.type, message: m.message });
    }
    for (const c of r.errorCodes) {
      let entry = byError.get(c.code);
      if (!entry) byError.set(c.code, (entry = { display: [], kind: c.kind, articles: new Set() }));
      entry.display.push(c.display);
      entry.articles.add(r.id);
    }
    push(families, r.productFamily, r.id);
    push(types, r.articleType, r.id);
    push(years, r.year === null ? 'unknown' : String(r.year), r.id);
    for (const k of r.keywords) {
      const key = keywordSlugOf(k);
      let entry = keywords.get(key);
      if (!entry) keywords.set(key, (entry = { spellings: [], articles: [] }));
      entry.spellings.push(k);
      if (entry.articles[entry.articles.length - 1] !== r.id) entry.articles.push(r.id);
    }

    push(folders, r.permalink.split('/')[2] ?? '000', r.id);
    let facet = facets.get(r.productFamily);
    if (!facet) facets.set(r.productFamily, (facet = { years: new Map(), types: new Map(), versions: new Map() }));
    if (r.year !== null) push(facet.years, String(r.year), r.id);
    push(facet.types, r.articleType, r.id);
    for (const v of r.versions) {
      const slug = versionSlugOf(v);
      let entry = facet.versions.get(slug);
      if (!entry) facet.versions.set(slug, (entry = { names: [], articles: [] }));
      entry.names.push(v);
      if (entry.articles.at(-1) !== r.id) entry.articles.push(r.id);
    }
  }

  const events: EventListing[] = [...byEvent]
    .sort((a, b) => a[0] - b[0])
    .map(([id, groups]) => {
      const sources = [...groups]
        .map(([key, g]): EventSourceGroup => {
          const spellings = spellingsByUse(g.spellings);
          const name = spellings[0]?.spelling ?? null;
          return { key, slug: key && name ? eventSourceSlug(name) : '', name: key ? name : null, spellings, articles: [...g.articles], via: g.via, messages: g.messages };
        })
        .sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || b.articles.length - a.articles.length || b.via.length - a.via.length || compareEn(a.key, b.key));
      return { id, sources, articleCount: new Set(sources.flatMap((s) => [...s.articles, ...s.via.map((v) => v.article)])).size };
    });

  const sources: SourceListing[] = [...bySource]
    .map(([key, s]) => {
      const spellings = spellingsByUse(s.spellings);
      const name = spellings[0]!.spelling;
      const list = [...s.events].sort((a, b) => a[0] - b[0]).map(([id, ids]) => ({ id, articles: [...ids] }));
      return { key, slug: eventSourceSlug(name), name, spellings, events: list, articleCount: new Set(list.flatMap((e) => e.articles)).size };
    })
    .sort((a, b) => compareBase(a.name, b.name));

  const errors: ErrorListing[] = [...byError]
    .sort((a, b) => compareEn(a[0], b[0]))
    .map(([code, e]) => ({ code, display: commonSpelling(e.display), kind: e.kind, articles: [...e.articles] }));

  const group = (map: Map<string, string[]>, name: (key: string) => string): GroupListing[] =>
    [...map].sort((a, b) => compareEn(a[0], b[0])).map(([key, articles]) => ({ key, name: name(key), articles }));

  const productFacets: ProductFacets[] = [...facets]
    .sort((a, b) => compareEn(a[0], b[0]))
    .map(([key, f]) => ({
      key,
      name: familyName(key),
      years: group(f.years, (y) => y),
      types: group(f.types, (t) => t).sort((a, b) => b.articles.length - a.articles.length || compareEn(a.key, b.key)),
      versions: [...f.versions]
        .map(([slug, v]) => ({ key: slug, name: commonSpelling(v.names), articles: v.articles }))
        .sort((a, b) => compareNumeric(a.name, b.name)),
    }));

  return {
    events,
    sources,
    errors,
    families: group(families, familyName),
    types: group(types, (t) => t),
    years: group(years, (y) => y),
    keywords: [...keywords]
      .sort((a, b) => compareEn(a[0], b[0]))
      .map(([key, k]) => ({ key, name: commonSpelling(k.spellings), articles: k.articles })),
    folders: group(folders, (f) => `/kb/${f}/`),
    productFacets,
  };
}
