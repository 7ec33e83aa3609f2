/** Builds a site into a fresh temporary folder and reads its pages back as parsed HTML. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Root, Element } from 'hast';
import { build, type BuildOptions, type BuildResult } from '../../scripts/build.ts';
import { tempDir } from './temp.ts';
import { readRecordsExport } from '../../scripts/write/data-export.ts';

export interface BuiltSite {
  out: string;
  result: BuildResult;
  /** Parsed HTML of a site path (`/kb/900/Q900001/`), or null when the file does not exist. */
  page(path: string): Root | null;
  json<T = Record<string, unknown>>(path: string): T;
  /** An article's published record (`Q182346`), from the data export every build writes. */
  record<T = Record<string, unknown>>(id: string): T;
  exists(path: string): boolean;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const out = options.out ?? join(tempDir('kb-site-'), 'site');
  const result = await build({ quiet: true, report: null, ...options, out });
  let exported: Map<string, { id: string }> | undefined;
  const file = (path: string) => join(out, path.endsWith('/') ? `${path}index.html` : path);
  return {
    out,
    result,
    page(path) {
      const f = file(path);
      return existsSync(f) ? fromHtml(readFileSync(f, 'utf8')) : null;
    },
    json(path) {
      return JSON.parse(readFileSync(join(out, path), 'utf8'));
    },
    record(id) {
      exported ??= new Map(readRecordsExport<{ id: string }>(out).map((r) => [r.id, r]));
      const found = exported.get(id);
      if (!found) throw new Error(`no record of ${id} in the data export`);
      return found as never;
    },
    exists: (path) => existsSync(file(path)),
  };
}

export const $ = (tree: Root | Element, selector: string) => select(selector, tree);
export const $$ = (tree: Root | Element, selector: string) => selectAll(selector, tree);
export const text = (node: Root | Element | null | undefined) => (node ? toString(node) : '');
