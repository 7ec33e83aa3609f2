#!/usr/bin/env -S npx tsx
/**
 * The one entry point: `kb-archive build` (the default) and `kb-archive serve`.
 * Each command loads its implementation lazily and owns one catch that names the stage that failed.
 */
import { Command, InvalidArgumentError, Option } from 'commander';

const integer = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  return n;
};

const program = new Command()
  .name('kb-archive')
  .description('Build a static, searchable, cross-linked site from a Microsoft KB archive (kb/<NNN>/Q<number>/README.md).')
  .showHelpAfterError();

program
  .command('build', { isDefault: true })
  .description('Build the site.')
  .addOption(new Option('--source <dir>', '[path] folder holding kb/<NNN>/Q<number>/README.md (default: the sample in content/sample)'))
  .addOption(new Option('--out <dir>', '[path] output folder').default('_site'))
  .addOption(new Option('--base <prefix>', '[string] URL prefix the site is hosted under, e.g. /kb/').default('/'))
  .addOption(new Option('--site-url <url>', '[url] the site origin for canonical links, sitemaps and feeds, e.g. https://example.org; a path goes in --base (default: none)'))
  .addOption(new Option('--strict', '[boolean] exit 1 on any warning or rejected file (for CI)').default(false))
  .addOption(new Option('--workers <n>', '[number] parser threads; 0 parses in the main thread (default: one per core)').argParser(integer('--workers', 0, 64)))
  .addOption(new Option('--max-file-size <bytes>', '[number] largest input file accepted').default(4 * 2 ** 20).argParser(integer('--max-file-size', 1024, 2 ** 31)))
  .addOption(new Option('--report <file>', '[path] where the full diagnostics report is written (default: <out>-report.json)'))
  .addOption(new Option('--cache-dir <dir>', '[path] per-article cache, safe to delete (default: .cache/kb-archive beside --out)'))
  .addOption(new Option('--no-cache', '[boolean] parse every article, reading and writing no cache'))
  .addOption(new Option('--quiet', '[boolean] no progress output').default(false))
  .addOption(new Option('--no-search', '[boolean] skip the search index and lookup tables: /search/ will find nothing (faster test builds)'))
  .addOption(new Option('--records <where>', '[string] records besides the data export /data/kb-records.jsonl.gz: none, one JSON Lines file per /kb/<NNN>/ folder (+308 files, +60 MB on the full archive), or an index.json beside every page (+1 file per article)').choices(['none', 'folder', 'article']).default('none'))
  .addOption(new Option('--originals', '[boolean] write each article\'s original plain text beside its page as Q<number>.txt (+1 file per article)').default(false))
  .addOption(new Option('--source-url <url>', '[url] where the source files are published, for each article\'s "original text" link, e.g. https://github.com/jeffpar/kbarchive/blob/master/ (default: none)'))
  .addOption(new Option('--redirects-file', '[boolean] write _redirects with a 301 for every old path of every article (Netlify; four lines per article)').default(false))
  .action(async (opts) => {
    let stage = 'configuration';
    try {
      const { build } = await import('./build.ts');
      stage = 'build';
      const result = await build({
        source: opts.source, out: opts.out, base: opts.base, siteUrl: opts.siteUrl ?? null, strict: opts.strict,
        workers: opts.workers, maxFileSize: opts.maxFileSize, report: opts.report, quiet: opts.quiet, search: opts.search,
        cacheDir: opts.cache === false ? null : opts.cacheDir,
        records: opts.records, originals: opts.originals, sourceUrl: opts.sourceUrl ?? null, redirectsFile: opts.redirectsFile,
      });
      if (result.failed) {
        process.stderr.write(`--strict: ${result.rejected} rejected, ${result.warnings} warnings: exiting with status 1.\n`);
        process.exitCode = 1;
      }
    } catch (error) {
      process.stderr.write(`error during ${stage}: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 2;
    }
  });

program
  .command('serve')
  .description('Preview a built site locally, under its base prefix.')
  .addOption(new Option('--dir <dir>', '[path] the built site').default('_site'))
  .addOption(new Option('--base <prefix>', '[string] URL prefix the site was built with').default('/'))
  .addOption(new Option('--port <n>', '[number] port on 127.0.0.1').default(8080).argParser(integer('--port', 1, 65535)))
  .action(async (opts) => {
    try {
      const { serve } = await import('./serve.ts');
      await serve({ dir: opts.dir, base: opts.base, port: opts.port });
    } catch (error) {
      process.stderr.write(`error during serve: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  });

program
  .command('check-host')
  .description('Check a built site against the hosting budget (PRODUCT.md) and static hosts\' documented limits: exit 0 within the budget, 1 over it, 2 when the folder is missing.')
  .addOption(new Option('--dir <dir>', '[path] the built site').default('_site'))
  .action(async (opts) => {
    try {
      const { statSync } = await import('node:fs');
      const stat = statSync(opts.dir, { throwIfNoEntry: false });
      if (!stat?.isDirectory()) {
        process.stderr.write(`error: --dir ${opts.dir} ${stat ? 'is not a folder' : 'does not exist'}\n`);
        process.exitCode = 2;
        return;
      }
      const { footprintOf, hostReport } = await import('./report/host-limits.ts');
      const { lines, fits } = hostReport(footprintOf(opts.dir));
      process.stdout.write(`${lines.join('\n')}\n`);
      process.exitCode = fits ? 0 : 1;
    } catch (error) {
      process.stderr.write(`error during check-host: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    }
  });

await program.parseAsync();
