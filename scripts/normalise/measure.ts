/**
 * Measure the normalisers on a real corpus: `npx tsx scripts/normalise/measure.ts /tmp/kb-corpus`.
 *
 * Reads every `kb/<NNN>/Q<n>/README.md` with the simple line-regex extractor of test/normalise/raw-fields.ts
 * (independent of the parse stage, so the rules can be checked on their own), builds each record with no
 * symptoms, and prints the distributions that justify the rules: product families, platforms, article
 * types, years, dialects, repairs and diagnostics by rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toParsedArticle } from '../../test/normalise/raw-fields.ts';
import { buildRecord } from './record.ts';

type Tally = Map<string, number>;

function bump(tally: Tally, key: string, times = 1): void {
  tally.set(key, (tally.get(key) ?? 0) + times);
}

function print(title: string, tally: Tally, limit = Infinity, byKey = false): void {
  const rows = [...tally].sort((a, b) => (byKey ? a[0].localeCompare(b[0]) : b[1] - a[1] || a[0].localeCompare(b[0])));
  console.log(`\n${title} (${tally.size} distinct)`);
  for (const [key, n] of rows.slice(0, limit)) console.log(`  ${String(n).padStart(7)}  ${key}`);
  if (rows.length > limit) console.log(`  … and ${rows.length - limit} more`);
}

function main(root: string): void {
  const started = Date.now();
  const tallies = {
    families: new Map() as Tally,
    platforms: new Map() as Tally,
    types: new Map() as Tally,
    years: new Map() as Tally,
    dialects: new Map() as Tally,
    rules: new Map() as Tally,
    diagnostics: new Map() as Tally,
    issueTypes: new Map() as Tally,
    firstTags: new Map() as Tally,
  };
  const examples = new Map<string, string[]>();
  let articles = 0;
  let rejected = 0;
  for (const group of readdirSync(join(root, 'kb')).sort()) {
    for (const folder of readdirSync(join(root, 'kb', group)).sort()) {
      const path = `kb/${group}/${folder}/README.md`;
      const parsed = toParsedArticle(path, readFileSync(join(root, path), 'utf8'));
      const { record, diagnostics, rules } = buildRecord(parsed, { events: [], eventMessages: [], errorCodes: [], errorMessages: [], references: [] });
      articles++;
      for (const [rule, n] of Object.entries(rules)) bump(tallies.rules, rule, n);
      for (const d of diagnostics) {
        bump(tallies.diagnostics, `${d.severity} ${d.rule}`);
        const list = examples.get(d.rule) ?? [];
        if (list.length < 3) examples.set(d.rule, [...list, `${d.file}: ${d.message}`]);
      }
      if (record === null) {
        rejected++;
        continue;
      }
      bump(tallies.families, record.productFamily);
      for (const p of record.platforms) bump(tallies.platforms, p);
      if (record.platforms.length === 0) bump(tallies.platforms, '(none)');
      bump(tallies.types, record.articleType);
      bump(tallies.years, String(record.year));
      bump(tallies.dialects, record.dialect);
      bump(tallies.issueTypes, String(record.issueType));
      bump(tallies.firstTags, record.titleTags[0] ?? '(none)');
    }
  }
  console.log(`${articles} articles, ${rejected} rejected, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  print('Product families', tallies.families);
  print('Platforms (articles)', tallies.platforms);
  print('Article types', tallies.types);
  print('Issue types', tallies.issueTypes);
  print('Dialects', tallies.dialects);
  print('Years', tallies.years, Infinity, true);
  print('First title tags', tallies.firstTags, 40);
  print('Rules fired (notes and warnings, by times)', tallies.rules);
  print('Diagnostics by rule', tallies.diagnostics);
  for (const [rule, list] of examples) {
    console.log(`\n  e.g. ${rule}`);
    for (const line of list) console.log(`    ${line}`);
  }
}

const root = process.argv[2];
if (root === undefined) {
  console.error('usage: npx tsx scripts/normalise/measure.ts <corpus dir holding kb/>');
  process.exitCode = 2;
} else {
  main(root);
}
