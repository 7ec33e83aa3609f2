/**
 * Measures the symptom extractors over a whole corpus, and prints random samples for checking precision by hand.
 *
 *   npx tsx scripts/symptoms/measure.ts /tmp/kb-corpus
 *   npx tsx scripts/symptoms/measure.ts /tmp/kb-corpus --sample 100 --seed 7 [--only events|codes|refs]
 *   npx tsx scripts/symptoms/measure.ts /tmp/kb-corpus --show unclassified|<exclusion rule>|<extraction rule> [--sample N]
 *
 * Event recall (`event-candidates.ts`): every candidate mention of the broad net, counted as extracted (per rule;
 * `+via` when on a citation line) or excluded (per named rule); the unclassified rest should be ~0. `--show` lists
 * the candidates of one class (all of them, or `--sample N` of them, drawn with `--seed`).
 *
 * Reads `kb/<NNN>/Q<n>/README.md` directly through the test-only splitter (`corpus-input.ts`), since the real
 * recogniser lives elsewhere. Output is plain text: counts first, then the samples (`id | value | context`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { symptomInputFromReadme } from './corpus-input.ts';
import { findErrorCodes } from './error-codes.ts';
import { classifyEventCandidates } from './event-candidates.ts';
import { eventSourceKey } from './event-sources.ts';
import { extractEvents, findEvents } from './events.ts';
import { extractSymptoms } from './index.ts';
import { findReferences } from './references.ts';
import { seededRandom } from '../report/seeded-random.ts';

interface Options {
  root: string;
  sample: number;
  seed: number;
  only: 'events' | 'codes' | 'refs' | null;
  show: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { root: '', sample: 0, seed: 1, only: null, show: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sample') options.sample = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg === '--only') options.only = argv[++i] as Options['only'];
    else if (arg === '--show') options.show = argv[++i]!;
    else options.root = arg;
  }
  if (!options.root) throw new Error('usage: measure.ts <corpus-dir> [--sample N] [--seed S] [--only events|codes|refs] [--show unclassified|<rule>]');
  return options;
}

function pick<T>(items: T[], n: number, rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const kb = join(options.root, 'kb');
  const files: string[] = [];
  for (const group of readdirSync(kb).sort()) {
    for (const q of readdirSync(join(kb, group)).sort()) files.push(join(kb, group, q, 'README.md'));
  }
  const ids = new Set(files.map((f) => f.split('/').at(-2)!));

  let withEvents = 0;
  const eventIds = new Set<number>();
  const sourceKeys = new Set<string>();
  const eventRules = new Map<string, number>();
  const codesByKind = new Map<string, number>();
  const distinctCodes = new Set<string>();
  let withCodes = 0;
  let withMessages = 0;
  let messages = 0;
  let withRefs = 0;
  let citations = 0;
  let resolved = 0;
  let tooBig = 0;
  const citedIds = new Set<string>();
  // Events named in cited titles (`via`), and the event as logged (`eventMessages`).
  let viaEntries = 0;
  let viaMissing = 0;
  const viaCited = new Set<string>();
  const viaArticles = new Set<string>();
  let withEventMessages = 0;
  let eventMessages = 0;
  let typedMessages = 0;
  const loggedKeys = new Set<string>();
  const ownPairs = new Set<string>();
  const allPairs = new Set<string>();
  // Recall: candidate outcomes, and the candidates of the class asked for by --show.
  const outcomes = new Map<string, number>();
  const shown: string[] = [];
  let candidates = 0;
  const eventSamples: string[] = [];
  const codeSamples: string[] = [];
  const refSamples: string[] = [];
  let extractMs = 0;

  for (const file of files) {
    const input = symptomInputFromReadme(readFileSync(file, 'utf8'));
    const t0 = performance.now();
    const result = extractSymptoms(input);
    extractMs += performance.now() - t0;
    if (result.events.length > 0) withEvents++;
    for (const e of result.events) {
      eventIds.add(e.id);
      if (e.id > 65535) tooBig++;
      if (e.source !== null) sourceKeys.add(eventSourceKey(e.source));
      const pair = `${e.id}:${e.source === null ? '' : eventSourceKey(e.source)}`;
      allPairs.add(pair);
      if (e.via === undefined) ownPairs.add(pair);
      else {
        viaEntries++;
        if (!ids.has(e.via)) viaMissing++;
        viaCited.add(e.via);
        viaArticles.add(input.id);
      }
    }
    if (result.eventMessages.length > 0) withEventMessages++;
    eventMessages += result.eventMessages.length;
    for (const m of result.eventMessages) {
      loggedKeys.add(`${m.id}:${m.source === null ? '' : eventSourceKey(m.source)}`);
      if (m.type !== null) typedMessages++;
    }
    if (options.only === null || options.only === 'events') {
      for (const c of classifyEventCandidates(input)) {
        candidates++;
        const o = c.outcome;
        const key = o.kind === 'extracted' ? `extracted ${o.rule}${o.via ? '+via' : ''}` : o.kind === 'excluded' ? `excluded ${o.rule}` : 'unclassified';
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        const name = o.kind === 'unclassified' ? 'unclassified' : o.rule;
        if (options.show === name || options.show === key) shown.push(`${input.id} | ${c.token} | ${key} | ${c.field}${c.cites ? ` cites ${c.cites}` : ''}: ${c.context.slice(0, 160)}`);
      }
    }
    if (result.errorCodes.length > 0) withCodes++;
    for (const c of result.errorCodes) {
      codesByKind.set(c.kind, (codesByKind.get(c.kind) ?? 0) + 1);
      distinctCodes.add(c.code);
    }
    if (result.errorMessages.length > 0) withMessages++;
    messages += result.errorMessages.length;
    if (result.references.length > 0) withRefs++;
    citations += result.references.length;
    for (const r of result.references) {
      citedIds.add(r);
      if (ids.has(r)) resolved++;
    }
    if (options.sample > 0) {
      if (options.only === null || options.only === 'events') {
        const kept = extractEvents(input);
        for (const h of findEvents(input)) {
          eventRules.set(`${h.rule}/${h.sourceFrom}`, (eventRules.get(`${h.rule}/${h.sourceFrom}`) ?? 0) + 1);
          const survived = kept.some((e) => e.id === h.id && e.source === h.source && e.via === h.via);
          if (survived) eventSamples.push(`${input.id} | ${h.source ?? '-'} ${h.id}${h.via ? ` via ${h.via}` : ''} | ${h.rule}/${h.sourceFrom} | ${h.field}: ${h.context.slice(0, 160)}`);
        }
      }
      if (options.only === null || options.only === 'codes') {
        for (const h of findErrorCodes(input)) codeSamples.push(`${input.id} | ${h.kind} ${h.code} | ${h.field}: ${h.context.slice(0, 160)}`);
      }
      if (options.only === null || options.only === 'refs') {
        for (const h of findReferences(input)) refSamples.push(`${input.id} | ${h.ref} ${ids.has(h.ref) ? 'found' : 'missing'} | ${h.rule} | ${h.context.slice(0, 160)}`);
      }
    }
  }

  const elapsed = (performance.now() - started) / 1000;
  const kinds = [...codesByKind.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  const cited = [...citedIds];
  console.log(`articles                 ${files.length}`);
  console.log(`articles with events     ${withEvents}`);
  console.log(`distinct event IDs       ${eventIds.size}${tooBig ? ` (${tooBig} > 65535!)` : ''}`);
  console.log(`distinct sources (key)   ${sourceKeys.size}`);
  console.log(`articles with codes      ${withCodes}`);
  console.log(`error codes by kind      ${kinds} (per article, deduplicated)`);
  console.log(`distinct codes           ${distinctCodes.size}`);
  console.log(`articles with messages   ${withMessages} (${messages} messages)`);
  console.log(`articles with references ${withRefs}`);
  console.log(`citations                ${citations}: resolved ${resolved}, missing ${citations - resolved}`);
  console.log(`distinct cited ids       ${cited.length}: ${cited.filter((r) => ids.has(r)).length} in the corpus`);
  const viaList = [...viaCited];
  console.log(`events via cited titles  ${viaEntries} entries (${viaMissing} citing an article not in the corpus) in ${viaArticles.size} articles, citing ${viaList.length} distinct articles (${viaList.filter((r) => !ids.has(r)).length} not in the corpus)`);
  console.log(`distinct (id, source)    ${allPairs.size} (${ownPairs.size} named by articles themselves)`);
  console.log(`articles with eventMessages ${withEventMessages} (${eventMessages} messages, ${typedMessages} with a type); distinct (id, source) logged: ${loggedKeys.size}`);
  console.log(`time                     ${elapsed.toFixed(1)} s (extractors ${(extractMs / 1000).toFixed(1)} s)`);
  if (candidates > 0) {
    const order = (k: string) => (k.startsWith('extracted') ? 0 : k.startsWith('excluded') ? 1 : 2);
    const rows = [...outcomes.entries()].sort((a, b) => order(a[0]) - order(b[0]) || b[1] - a[1]);
    const total = (prefix: string) => rows.filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);
    console.log(`\n== event candidates (broad net): ${candidates}; extracted ${total('extracted')}, excluded ${total('excluded')}, unclassified ${total('unclassified')}`);
    for (const [k, n] of rows) console.log(`  ${k.padEnd(36)} ${n}`);
  }
  if (options.show !== null) {
    const list = options.sample > 0 ? pick(shown, options.sample, seededRandom(options.seed)) : shown;
    console.log(`\n== ${options.show}: ${list.length} of ${shown.length}`);
    for (const line of list) console.log(line);
    return;
  }
  if (options.sample > 0) {
    if (eventRules.size > 0) console.log(`event rules              ${[...eventRules.entries()].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const sections: Array<[string, string[]]> = [['events', eventSamples], ['error codes', codeSamples], ['references', refSamples]];
    for (const [name, samples] of sections) {
      if (samples.length === 0) continue;
      console.log(`\n== ${options.sample} random ${name} of ${samples.length} (seed ${options.seed})`);
      for (const line of pick(samples, options.sample, seededRandom(options.seed))) console.log(line);
    }
  }
}

main();
