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
  /** How many pages the templates have asked to render so far (all of them, once Eleventy has its content map). */
  readonly rendering: number;
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
 * Strings that name an article (`Q182346`) in an item's JSON: whatever of the article a page shows comes from its
 * summary. Matched in the JSON text, as a whole string value or key (after `[`, `{`, `,` or `:`), which is much faster than a
 * replacer visiting every value; text that merely looks like one costs a needless render at worst, never a stale page.
 */
const namedArticle = /[[{,:]"(Q\d+)"/g;

export function selectPages(output: OutputFolder, version: string, summaries: ReadonlyMap<string, ArticleSummary>): PageSelection {
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
  const fingerprint = (item: unknown): string => {
    // An article's body is most of its item, and shows nothing of other articles but the links already resolved in
    // it: hashed as it is, it escapes JSON-escaping and the scan for article numbers (half of a rebuild's render).
    const body = isObject(item) && typeof item.bodyHtml === 'string' ? item.bodyHtml : null;
    const json = JSON.stringify(body === null ? item : { ...(item as object), bodyHtml: null });
    let named = '';
    for (const [, id] of json.matchAll(namedArticle)) named += summaryDigestOf(id!);
    const digest = createHash('sha256').update(version).update('\0').update(json).update('\0').update(named);
    if (body !== null) digest.update('\0').update(body);
    return `p:${digest.digest('base64url')}`;
  };
  return {
    kept,
    get rendering() {
      return fingerprints.size;
    },
    fingerprintOf: (sitePath) => fingerprints.get(sitePath),
    select<T>(items: readonly T[], outputOf: (item: T) => string): T[] {
      const render: T[] = [];
      for (const item of items) {
        const path = outputOf(item);
        const print = fingerprint(item);
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
