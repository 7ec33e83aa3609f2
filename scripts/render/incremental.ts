/**
 * Which pages a rebuild must render. A page from data (an article, an event, a listing page) is a pure function
 * of its item, the articles its item names (their titles, products and dates show in its lists and links), the
 * site options and the template code; its fingerprint hashes exactly those. A page whose fingerprint matches what
 * the last build wrote to the same file is kept as it is and Eleventy never sees it: a one-article rebuild renders
 * a handful of pages instead of 72,000, and every page that shows something of the changed article — its cited-by
 * lists, its event and keyword pages, its neighbours — is rendered again because it names it.
 *
 * Templates opt in through `kb.pages.select(items, outputOf)` in their pagination's `before` (content/).
 */
import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSummary } from '../link/index.ts';
import type { OutputFolder } from '../write/output.ts';
import { namedArticle, type PageInputs } from './article-inputs.ts';

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
  /** Site paths of the pages kept from the last build. */
  readonly kept: ReadonlySet<string>;
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

/**
 * @param inputsOf what an item's page is made from, for items with part of it digested ahead (an article's parse:
 *   article-inputs.ts); undefined for the others, whose whole item is hashed. Required, not defaulted: an article
 *   page's digest covers its published original too (write/articles.ts keeps the original with the page), which
 *   hashing its item would not.
 */
export function selectPages(output: OutputFolder, version: string, summaries: ReadonlyMap<string, ArticleSummary>, inputsOf: (item: unknown) => PageInputs | undefined): PageSelection {
  const fingerprints = new Map<string, string>();
  const kept = new Set<string>();
  // What a page shows of an article it names comes from the article's summary: hashed once per article here, not
  // once per page naming it (~20 names per article page: a rebuild hashed ~250 MB of summaries for 72k pages).
  const summaryDigests = new Map<string, string>();
  const summaryDigestOf = (id: string) => {
    let digest = summaryDigests.get(id);
    if (digest === undefined) {
      digest = hash('sha1', JSON.stringify(summaries.get(id) ?? null), 'base64');
      summaryDigests.set(id, digest);
    }
    return digest;
  };
  const fingerprint = ({ digest, names, rest }: PageInputs): string => {
    const json = JSON.stringify(rest);
    let named = '';
    for (const id of names) named += summaryDigestOf(id);
    for (const [, id] of json.matchAll(namedArticle)) named += summaryDigestOf(id!);
    // One call into the hash, not one per part: 72k pages a rebuild.
    return `p:${hash('sha256', `${version}\0${digest}\0${json}\0${named}`, 'base64url')}`;
  };
  return {
    kept,
    fingerprintOf: (sitePath) => fingerprints.get(sitePath),
    select<T>(items: readonly T[], outputOf: (item: T) => string): T[] {
      const render: T[] = [];
      for (const item of items) {
        const path = outputOf(item);
        const print = fingerprint(inputsOf(item) ?? { digest: '', names: [], rest: item as object });
        if (output.keep(path, print)) {
          kept.add(path);
        } else {
          fingerprints.set(path, print);
          render.push(item);
        }
      }
      return render;
    },
  };
}

