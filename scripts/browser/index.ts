/**
 * A real browser over a built site, shared by `npm run screenshots` and the browser tests (test/browser/):
 * Debian's Chromium driven by playwright-core, the site served on 127.0.0.1, and the representative pages
 * issue #7 asks to be checked (home, article, event, error code, product, search).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRecordsExport, recordsExportPath } from '../write/data-export.ts';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../serve.ts';

/** Where Debian installs Chromium (`apt-get install chromium`); override with `CHROMIUM_PATH`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The two widths every page is checked and photographed at. */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 375, height: 740 },
} as const;

export interface ServedSite {
  /** `http://127.0.0.1:<port>` + base, ending in `/`. */
  origin: string;
  /** The absolute URL of a site path (`/events/4087/` → `http://127.0.0.1:<port>/events/4087/`). */
  href(path: string): string;
  close(): Promise<void>;
}

/** Serves a built folder on a free port of 127.0.0.1, under its base prefix. */
export async function serveSite(dir: string, base = '/'): Promise<ServedSite> {
  const server = await serve({ dir, base, port: 0, quiet: true });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}${base}`;
  return {
    origin,
    href: (path) => origin + path.replace(/^\//, ''),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface PageToCheck {
  /** A short name, used for screenshot files: `article`, `event`. */
  name: string;
  /** Site path, without the base prefix. */
  path: string;
}

interface RecordFields {
  id: string;
  permalink: string;
  productFamily: string;
  sections: string[];
  events: { id: number }[];
  errorCodes: { code: string }[];
}

/** Every record of a built site, read from its data export (every build writes it). */
function readRecords(dir: string): RecordFields[] {
  if (!existsSync(join(dir, recordsExportPath))) return [];
  return readRecordsExport<RecordFields>(dir).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The pages of issue #7, picked from a built site so they show the most: the article with the most symptoms
 * and sections, its first event and error code, and the largest product family.
 */
export function pagesToCheck(dir: string): PageToCheck[] {
  const records = readRecords(dir);
  if (records.length === 0) throw new Error(`${dir} holds no article records (${recordsExportPath.slice(1)}): is it a built site?`);
  const score = (r: RecordFields) => (r.events.length > 0 ? 100 : 0) + (r.errorCodes.length > 0 ? 100 : 0) + r.sections.length;
  const article = [...records].sort((a, b) => score(b) - score(a))[0]!;
  const event = article.events[0] ?? records.find((r) => r.events.length)?.events[0];
  const error = article.errorCodes[0] ?? records.find((r) => r.errorCodes.length)?.errorCodes[0];
  const families = new Map<string, number>();
  for (const r of records) families.set(r.productFamily, (families.get(r.productFamily) ?? 0) + 1);
  const family = [...families].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  return [
    { name: 'home', path: '/' },
    { name: 'article', path: article.permalink },
    ...(event ? [{ name: 'event', path: `/events/${event.id}/` }] : []),
    ...(error ? [{ name: 'error', path: `/errors/${error.code}/` }] : []),
    { name: 'product', path: `/products/${family}/` },
    { name: 'search', path: `/search/?q=${event?.id ?? article.id}` },
  ];
}
