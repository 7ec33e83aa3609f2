/**
 * `npm run bench [-- --hugo] [--source <dir>] [--rebuilds-only]`: the full-corpus yardstick of issue #5. Builds
 * the corpus of ../shared/corpus (extracted to a temporary folder once) cold, then again after one article changed
 * (with the cache), then once more with the edit undone, then with nothing changed, and prints per stage the wall time
 * and the peak memory of the whole process tree (worker threads are in-process; an indexer's child process is not, so
 * /proc is sampled for every descendant), then the output's size and file count. Reading, parsing and normalising run
 * article by article, interleaved on the parse workers, so they share one stage; under it the bench prints each one's
 * time summed over the threads (the build's `thread time:` split). Then the targets of issue #22, each met or not: the
 * cold build's peak memory, the one-article rebuild's time, and whether the output after the edit is undone is byte for
 * byte the cold build's. With --hugo, times ../shared/bench/hugo-baseline.sh on the same corpus and prints the ratio;
 * with --rebuilds-only, reuses the last bench's output and cache. The cold build starts as Hugo's does: in a new
 * folder, with no large deletion just before (the last bench's work folder is moved aside and deleted once every
 * build is timed), the corpus in the page cache.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { realCorpusDir } from '../test/helpers/corpus.ts';
import { rssKiB } from './report/process-tree.ts';
import { parseStageLine, type StageLine } from './report/stage-line.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface StageFigure extends StageLine {
  peakMiB: number;
  /** The build's own Node process (its worker threads included), without child processes. */
  nodePeakMiB: number;
}

interface RunFigures {
  wall: number;
  peakMiB: number;
  stages: StageFigure[];
}

/** Runs one build in a child process, sampling its tree's memory and splitting the samples by the stage lines it prints. */
async function runBuild(args: string[]): Promise<RunFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/cli.ts'), 'build', ...args], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, CI: '1' } });
  let stagePeak = 0;
  let stageNodePeak = 0;
  let peak = 0;
  const sample = () => {
    const { tree, own } = rssKiB(child.pid!);
    stagePeak = Math.max(stagePeak, tree);
    stageNodePeak = Math.max(stageNodePeak, own);
    peak = Math.max(peak, tree);
  };
  const sampler = setInterval(sample, 100);
  const stages: StageFigure[] = [];
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    buffer += chunk.toString('utf8');
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const stage = parseStageLine(line);
      if (stage) {
        sample();
        stages.push({ ...stage, peakMiB: Math.round(stagePeak / 1024), nodePeakMiB: Math.round(stageNodePeak / 1024) });
        stagePeak = 0;
        stageNodePeak = 0;
      }
    }
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the build exited with status ${code}`);
  return { wall: (performance.now() - started) / 1000, peakMiB: Math.round(peak / 1024), stages };
}

function printRun(title: string, run: RunFigures): void {
  console.log(`\n${title}: ${run.wall.toFixed(1)} s wall (process start to exit), peak ${run.peakMiB} MiB (whole process tree)`);
  console.log(`  ${'stage'.padEnd(22)} ${'wall'.padStart(8)} ${'peak'.padStart(10)} ${'node alone'.padStart(11)}`);
  for (const s of run.stages) {
    console.log(`  ${s.name.padEnd(22)} ${`${s.seconds.toFixed(1)} s`.padStart(8)} ${`${s.peakMiB} MiB`.padStart(10)} ${`${s.nodePeakMiB} MiB`.padStart(11)}`);
    // Thread time, not wall time: the workers run the per-article stages side by side, so these add up to more.
    for (const t of s.threadSeconds) console.log(`    ${t.name.padEnd(20)} ${`${t.seconds.toFixed(1)} s`.padStart(8)}   thread time`);
  }
}

function firstArticle(root: string): string {
  const group = readdirSync(join(root, 'kb')).sort()[0]!;
  return `kb/${group}/${readdirSync(join(root, 'kb', group)).sort()[0]!}/README.md`;
}

const program = new Command()
  .name('bench')
  .addOption(new Option('--source <dir>', '[path] corpus folder (default: ../shared/corpus extracted to a temporary folder)'))
  .addOption(new Option('--work <dir>', '[path] where the output and cache go').default('/tmp/kb-bench'))
  .addOption(new Option('--hugo', '[boolean] also time ../shared/bench/hugo-baseline.sh and print the ratio').default(false))
  .addOption(new Option('--rebuilds-only', '[boolean] keep the work folder of an earlier bench and time only the rebuilds').default(false))
  .parse();
const opts = program.opts<{ source?: string; work: string; hugo: boolean; rebuildsOnly: boolean }>();

const source = resolve(opts.source ?? realCorpusDir());
const work = resolve(opts.work);
const out = join(work, 'site');
const cacheDir = join(work, 'cache');
/** Where the last bench's work folder waits to be deleted until every build of this one is timed. */
const previousWork = `${work}.previous`;
if (opts.rebuildsOnly && !existsSync(join(out, 'index.html'))) throw new Error(`--rebuilds-only needs an earlier bench's build in ${out}`);
if (!opts.rebuildsOnly) {
  // Moved aside, not deleted: creating files in the minutes after ~80k were deleted costs the kernel several times
  // its usual CPU (shared/bench; on ext4 without a journal, each new inode is looked for past the free inodes deleted
  // in the last 60 s, or 360 s while their inode table block is unwritten: docs/benchmarks.md), and Hugo's build, timed
  // last, follows no such deletion. Deleted at the end.
  if (existsSync(work)) {
    rmSync(previousWork, { recursive: true, force: true });
    renameSync(work, previousWork);
  }
  execFileSync('sync');
  // Read once, untimed, as the Hugo baseline's untimed copy of the corpus does: both builds then read it from the
  // page cache, not one from the disk and the other from memory.
  execFileSync('sh', ['-c', 'find kb -name README.md -print0 | xargs -0 cat > /dev/null'], { cwd: source });
}
const args = ['--source', source, '--out', out, '--cache-dir', cacheDir, '--report', join(work, 'report.json')];

console.log(`kb-archive bench: ${source} → ${out}`);
const cold = opts.rebuildsOnly ? null : await runBuild(args);
const coldDigest = cold ? folderDigest(out) : null;
// The cold build leaves ~1.2 GB of output and cache for the kernel to write back in the half-minute after it; flushed
// before the rebuild's clock starts, as before the cold build's, so that the rebuild is timed on its own work.
execFileSync('sync');

// One article changes: its title gains words (restored afterwards: the corpus folder is shared with the tests).
const edited = existsSync(join(source, 'kb/182/Q182346/README.md')) ? 'kb/182/Q182346/README.md' : firstArticle(source);
const article = join(source, edited);
const original = readFileSync(article);
writeFileSync(article, original.toString('utf8').replace(/^title: ("?)(.*?)\1$/m, 'title: $1$2 (bench edit)$1'));
let warm: RunFigures;
try {
  warm = await runBuild(args);
} finally {
  writeFileSync(article, original);
}
// Back to the original text: a rebuild like the first, now with every file's key known by its metadata. A file
// changed in the 2 s before a build is looked at again by the next one (pipeline/cache.ts, "racily clean"): the
// pause lets the run after this one find nothing changed, as a scheduled rebuild of an unchanged archive does.
await new Promise((resolve) => setTimeout(resolve, 2500));
const restored = await runBuild(args);
const restoredDigest = folderDigest(out);
// Nothing changed since: the folder is kept as it is (write/last-build.ts).
const unchanged = await runBuild(args);

// The files' own bytes (what a host such as GitHub Pages counts); `du -sb` would add 4 KiB per folder.
const apparent = Number(execFileSync('sh', ['-c', `find "${out}" -type f -printf '%s\\n' | awk '{ s += $1 } END { printf "%d", s }'`], { encoding: 'utf8' }).trim());
const disk = Number(execFileSync('du', ['-sk', out], { encoding: 'utf8' }).split('\t')[0]) * 1024;
const files = Number(execFileSync('sh', ['-c', `find "${out}" -type f | wc -l`], { encoding: 'utf8' }).trim());
const dirs = Number(execFileSync('sh', ['-c', `find "${out}" -type d | wc -l`], { encoding: 'utf8' }).trim());
const cache = Number(execFileSync('du', ['-sk', cacheDir], { encoding: 'utf8' }).split('\t')[0]) * 1024;

if (cold) printRun('Cold build', cold);
printRun(`One-article rebuild (${edited} edited, with the cache)`, warm!);
printRun('The edit undone, rebuilt again', restored);
printRun('Nothing changed, rebuilt again', unchanged);
const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;
console.log(`\nOutput: ${files.toLocaleString('en-US')} files in ${dirs.toLocaleString('en-US')} folders, ${gib(apparent)} of file content, ${gib(disk)} on disk (du -sk); cache ${gib(cache)}`);

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
console.log('\nTargets (issue #22):');
if (cold) console.log(`  cold build's peak memory, whole process tree: ${cold.peakMiB} MiB (≤ 4 GiB): ${verdict(cold.peakMiB <= 4096)}`);
console.log(`  one-article rebuild: ${warm!.wall.toFixed(1)} s (≤ 10 s): ${verdict(warm!.wall <= 10)}`);
if (coldDigest) console.log(`  the edit undone and rebuilt, the output is byte for byte the cold build's: ${verdict(coldDigest === restoredDigest)}`);
if (opts.hugo) {
  const line = execFileSync(join(projectRoot, '../shared/bench/hugo-baseline.sh'), [source], { encoding: 'utf8' }).trim();
  const hugo = Number(/in ([\d.]+)s/.exec(line)?.[1]);
  console.log(`  ${line}`);
  if (hugo > 0 && cold) console.log(`  cold build / Hugo: ${(cold.wall / hugo).toFixed(2)}× (≤ 3×): ${verdict(cold.wall <= 3 * hugo)}`);
}
rmSync(previousWork, { recursive: true, force: true });

/** A digest of every file under `dir`: its path and bytes, in path order. */
function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}
