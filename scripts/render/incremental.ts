/**
 * Which pages a rebuild must render. A page from data (an article, an event, a listing page) is a pure function
 * of its item, the articles its item names (their titles, products and dates show in its lists and links), the
 * site options and the template code. Its fingerprint hashes the item, the options and the code; the articles it
 * names count through their summaries: a page is kept only when its fingerprint matches what the last build wrote to
 * the same file (or its inputs are known to be that build's: `PageInputs.asLast`, its fingerprint then not made again)
 * and none of the articles it names has a summary other than that build's (`summaryDigests`). A kept
 * page is never seen by Eleventy: a one-article rebuild renders a handful of pages instead of 72,000, and every page
 * that shows something of the changed article — its cited-by lists, its event and keyword pages, its neighbours — is
 * rendered again because it names it.
 *
 * Names are looked up only for the changed summaries, not hashed into every page: the pages of the full corpus name
 * ~1.5 million articles, and hashing each one's summary digest into each page cost a one-article rebuild ~1.2 s.
 *
 * Templates opt in through `kb.pages.select(items, outputOf)` in their pagination's `before` (content/).
 */
import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSummary } from '../link/index.ts';
import type { OutputFolder } from '../write/output.ts';
import { eachNamedArticle, type PageInputs } from './article-inputs.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** How templates ask which of their pages to render. */
export interface PageSelector {
  /** The items whose pages must be rendered; the others' files stay as the last build wrote them. */
  select<T>(items: readonly T[], outputOf: (item: T) => string): T[];
}

/** Renders every page: for callers without an output folder to compare with. */
export const everyPage: PageSelector = { select: (items) => [...items] };

export interface PageSelection extends PageSelector {
  /** The fingerprint of a page to render, by its site path (`/kb/182/Q182346/index.html`). */
  fingerprintOf(sitePath: string): string | undefined;
  /** Whether a page is rendered because an article it names changed: its fingerprint may then be the last build's,
   *  and its bytes not (the changed summary is not in the fingerprint). */
  namesChanged(sitePath: string): boolean;
  /** Site paths of the pages kept from the last build. */
  readonly kept: ReadonlySet<string>;
  /** This build's summary digests, for the next build to compare with (`selectPages`'s `lastDigests`). */
  readonly summaryDigests: SummaryDigests;
  /** What every page's fingerprint starts with (`renderVersion`). */
  readonly version: string;
}

/** What every page's fingerprint starts with: the template code and the site-wide data every page may show. */
export function renderVersion(siteWide: unknown): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'sample' && name !== 'node_modules') add(join(path, name));
    } else {
      hash.update(`${relative(projectRoot, path)}\0`).update(readFileSync(path)).update('\0');
    }
  };
  // Templates import helpers from scripts/ (slugs, labels), so all of it counts: a code change renders everything.
  for (const input of ['.eleventy.js', 'content', 'layouts', 'assets', 'scripts', 'package-lock.json']) add(join(projectRoot, input));
  hash.update(JSON.stringify(siteWide));
  return hash.digest('base64url');
}

/** Each article's summary digest, by id: what of it the pages naming it show. */
export type SummaryDigests = Map<string, string>;

/**
 * @param inputsOf what an item's page is made from, for items with part of it digested ahead (an article's parse:
 *   article-inputs.ts); undefined for the others, whose whole item is hashed. Required, not defaulted: an article
 *   page's digest covers its published original too (write/articles.ts keeps the original with the page), which
 *   hashing its item would not.
 * @param lastDigests the summary digests of the last build into `output` (`PageSelection.summaryDigests`), or null
 *   when they are not known: then no page is kept.
 * @param changedRecords when known, the articles whose records may differ from the last build's: the others' summary
 *   digests are that build's, not made again.
 */
export function selectPages(
  output: OutputFolder,
  version: string,
  summaries: ReadonlyMap<string, ArticleSummary>,
  inputsOf: (item: unknown) => PageInputs | undefined,
  lastDigests: ReadonlyMap<string, string> | null,
  changedRecords: ReadonlySet<string> | null = null,
): PageSelection {
  const fingerprints = new Map<string, string>();
  const kept = new Set<string>();
  const namedChanged = new Set<string>();
  const summaryDigests: SummaryDigests = new Map();
  for (const [id, summary] of summaries) {
    const kept = changedRecords && !changedRecords.has(id) ? lastDigests?.get(id) : undefined;
    summaryDigests.set(id, kept ?? hash('sha1', JSON.stringify(summary), 'base64'));
  }
  // Articles whose summary is not the last build's: changed, added or gone (a page naming a gone article links to it no more).
  const changed = new Set<string>();
  if (lastDigests) {
    for (const [id, digest] of summaryDigests) if (lastDigests.get(id) !== digest) changed.add(id);
    for (const id of lastDigests.keys()) if (!summaryDigests.has(id)) changed.add(id);
  }
  // A name in JSON is a whole string (`"Q182346"`, article-inputs.ts): a few are searched for directly, faster than
  // scanning every name of every page.
  const quoted = changed.size <= 64 ? [...changed].map((id) => `"${id}"`) : null;
  const isChanged = (id: string) => changed.has(id);
  /**
   * Whether a page names an article whose summary changed: in `names`, or in its rest, told from its values when they
   * are ids (or null) and lists of ids, as an article page's links are, without serialising it; else from its JSON.
   */
  const namesChanged = (names: readonly string[], rest: object, json: () => string): boolean => {
    if (!lastDigests) return true;
    if (changed.size === 0) return false;
    if (names.some(isChanged)) return true;
    const values = Object.values(rest);
    if (values.every((v) => v === null || typeof v === 'string' || (Array.isArray(v) && v.every((id) => typeof id === 'string')))) {
      return values.some((v) => (Array.isArray(v) ? v.some(isChanged) : v !== null && changed.has(v)));
    }
    if (quoted) return quoted.some((name) => json().includes(name));
    let found = false;
    eachNamedArticle(json(), (id) => (found ||= changed.has(id)));
    return found;
  };
  return {
    kept,
    summaryDigests,
    version,
    fingerprintOf: (sitePath) => fingerprints.get(sitePath),
    namesChanged: (sitePath) => namedChanged.has(sitePath),
    select<T>(items: readonly T[], outputOf: (item: T) => string): T[] {
      const render: T[] = [];
      for (const item of items) {
        const path = outputOf(item);
        const { digest, names, rest, asLast } = inputsOf(item) ?? { digest: '', names: [], rest: item as object };
        let json: string | undefined;
        const jsonOf = () => (json ??= JSON.stringify(rest));
        const stale = namesChanged(names, rest, jsonOf);
        // A page made from the last build's inputs keeps that build's fingerprint, with neither serialising nor hashing
        // them (59k article pages a one-article rebuild).
        if (asLast && !stale && output.keepAsIs(path)) {
          kept.add(path);
          continue;
        }
        // One call into the hash, not one per part: 72k pages a rebuild.
        const print = `p:${hash('sha256', `${version}\0${digest}\0${jsonOf()}`, 'base64url')}`;
        if (!stale && output.keep(path, print)) {
          kept.add(path);
        } else {
          fingerprints.set(path, print);
          if (stale) namedChanged.add(path);
          render.push(item);
        }
      }
      return render;
    },
  };
}

