#!/usr/bin/env -S npx tsx
/**
 * `npm run screenshots -- --out screenshots/ [--site <dir>] [--base <prefix>]`: full-page PNGs of the pages
 * issue #7 checks (home, article, event, error code, product, search) at desktop (1280 px) and phone (375 px)
 * widths, in the light and the dark theme, so anyone can look at the design without building and browsing.
 * Without --site it builds the bundled sample into a temporary folder first.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { launchChromium, pagesToCheck, serveSite, viewports } from './browser/index.ts';

const opts = new Command()
  .name('screenshots')
  .description('Photograph the representative pages of a built site at desktop and phone widths, light and dark.')
  .addOption(new Option('--out <dir>', '[path] folder for the PNG files').default('screenshots'))
  .addOption(new Option('--site <dir>', '[path] an already built site (default: build the sample into a temporary folder)'))
  .addOption(new Option('--base <prefix>', '[string] URL prefix the site was built with').default('/'))
  .parse()
  .opts<{ out: string; site?: string; base: string }>();

let stage = 'build';
let temporary: string | null = null;
try {
  let dir = opts.site ? resolve(opts.site) : null;
  if (!dir) {
    temporary = mkdtempSync(join(tmpdir(), 'kb-screenshots-'));
    dir = join(temporary, 'site');
    const { build } = await import('./build.ts');
    await build({ out: dir, base: opts.base, report: null, quiet: true });
  }
  stage = 'screenshots';
  const out = resolve(opts.out);
  mkdirSync(out, { recursive: true });
  const site = await serveSite(dir, opts.base);
  const browser = await launchChromium();
  try {
    const pages = pagesToCheck(dir);
    for (const [width, viewport] of Object.entries(viewports)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        for (const p of pages) {
          await page.goto(site.href(p.path), { waitUntil: 'load' });
          const file = join(out, `${p.name}-${width}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          process.stdout.write(`${relative(process.cwd(), file)}  ${p.path}\n`);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
} catch (error) {
  process.stderr.write(`error during ${stage}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
