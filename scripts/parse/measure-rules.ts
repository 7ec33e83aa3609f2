/**
 * Parses every article of a corpus and prints how often each recogniser rule fired (articles and occurrences),
 * how much fell through to a fallback, diagnostics by rule, and the time per article.
 *
 *   npx tsx scripts/parse/measure-rules.ts /tmp/kb-corpus [--limit N]
 *
 * The counts are what justify the rules: cite them in comments when a rule changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArticle } from './index.ts';

interface Tally {
  articles: number;
  occurrences: number;
}

function articlePaths(root: string): string[] {
  const out: string[] = [];
  const kb = join(root, 'kb');
  for (const group of readdirSync(kb).sort()) {
    for (const id of readdirSync(join(kb, group)).sort()) out.push(`kb/${group}/${id}/README.md`);
  }
  return out;
}

function bump(map: Map<string, Tally>, key: string, by: number): void {
  const tally = map.get(key) ?? { articles: 0, occurrences: 0 };
  tally.articles++;
  tally.occurrences += by;
  map.set(key, tally);
}

function table(title: string, map: Map<string, Tally>, total: number): void {
  console.log(`\n${title}`);
  console.log(`| rule | articles | % of articles | occurrences |`);
  console.log(`|---|---:|---:|---:|`);
  const rows = [...map.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  for (const [rule, t] of rows) {
    console.log(`| ${rule} | ${t.articles.toLocaleString('en')} | ${((100 * t.articles) / total).toFixed(2)} | ${t.occurrences.toLocaleString('en')} |`);
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const root = args.find((arg) => !arg.startsWith('--'));
  if (!root) {
    console.error('usage: tsx scripts/parse/measure-rules.ts <corpus-dir> [--limit N]');
    process.exitCode = 2;
    return;
  }
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const paths = articlePaths(root).slice(0, limit);

  const rules = new Map<string, Tally>();
  const diagnostics = new Map<string, Tally>();
  let parseMs = 0;
  let bytes = 0;
  let slowest = { path: '', ms: 0 };
  // CPU time next to wall time: on a shared machine the wall clock also measures the neighbours.
  const cpuBefore = process.cpuUsage();
  for (const path of paths) {
    const text = readFileSync(join(root, path), 'utf8');
    bytes += text.length;
    const folderId = path.split('/')[2] ?? null;
    const started = performance.now();
    const article = parseArticle({ path, folderId, text, encoding: 'utf-8', bytes: text.length });
    const ms = performance.now() - started;
    parseMs += ms;
    if (ms > slowest.ms) slowest = { path, ms };
    for (const [rule, count] of Object.entries(article.rules)) bump(rules, rule, count);
    const byRule = new Map<string, number>();
    for (const d of article.diagnostics) byRule.set(`${d.severity} ${d.rule}`, (byRule.get(`${d.severity} ${d.rule}`) ?? 0) + 1);
    for (const [rule, count] of byRule) bump(diagnostics, rule, count);
  }

  const cpu = process.cpuUsage(cpuBefore);
  const n = paths.length;
  console.log(`${n.toLocaleString('en')} articles, ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`parse: ${(parseMs / 1000).toFixed(1)} s wall in parseArticle, ${((parseMs / n) * 1000).toFixed(0)} µs per article (slowest ${slowest.path}, ${slowest.ms.toFixed(1)} ms)`);
  console.log(`process CPU (reading included): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  table('Rules', new Map([...rules].filter(([rule]) => !rule.startsWith('fallback.'))), n);
  table('Fallbacks (text the specific rules did not claim)', new Map([...rules].filter(([rule]) => rule.startsWith('fallback.'))), n);
  table('Diagnostics', diagnostics, n);
}

main();
