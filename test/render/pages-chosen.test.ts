/**
 * The render stage tells the build when every template has chosen its pages and none is written yet
 * (`onPagesChosen`): a rebuild with few pages to render lets the search index write beside rendering from there
 * (build.ts). So the count it reads then must be the final one, and no page may be on disk before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, linkSite, manifestFileOf, resolveBuildOptions } from '../../scripts/build.ts';
import { renderSite } from '../../scripts/render/eleventy.ts';
import { OutputFolder } from '../../scripts/write/output.ts';
import { sampleArticles } from '../helpers/sample.ts';
import { tempDir } from '../helpers/temp.ts';

const root = tempDir('kb-pages-chosen-');

const htmlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')) : []);

test('pages are chosen before any is written, and the count read then is what gets rendered', async () => {
  const o = resolveBuildOptions({ out: join(root, 'fresh'), quiet: true });
  const { kept, byId } = await sampleArticles();
  const { data, pages } = linkSite(o, new OutputFolder(o.out), kept, byId);
  const seen: { rendering: number; htmlOnDisk: number }[] = [];
  const rendered = await renderSite(data, o.out, { onPagesChosen: () => void seen.push({ rendering: pages.rendering, htmlOnDisk: htmlFiles(o.out).length }) });
  assert.equal(seen.length, 1, 'told once');
  const fromData = rendered.files.filter((f) => f.url && pages.fingerprintOf(f.url.endsWith('/') ? `${f.url}index.html` : f.url) !== undefined);
  assert.ok(fromData.length > kept.length, `${fromData.length} pages from data: the articles and their listings`);
  assert.deepEqual(seen[0], { rendering: fromData.length, htmlOnDisk: 0 });
});

test('after a build into the same folder, few pages are chosen: the case where search writes beside rendering', async () => {
  const options = { out: join(root, 'rebuilt'), cacheDir: join(root, 'cache'), quiet: true, report: null, search: false };
  const first = await build(options);
  const o = resolveBuildOptions(options);
  const { kept, byId } = await sampleArticles();
  const output = new OutputFolder(o.out, manifestFileOf(o.cacheDir!, o.out));
  const { data, pages } = linkSite(o, output, kept, byId);
  let chosen = -1;
  await renderSite(data, o.out, { onPagesChosen: () => void (chosen = pages.rendering) });
  assert.equal(chosen, 0, `none of the ${first.pagesWritten} pages changed, so none is chosen`);
});
