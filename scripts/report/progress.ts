/**
 * Progress in named stages, the way Pagefind and Hugo report: `[Parsing articles] 12,000/59,132 (20%) ETA 31s`.
 * A live bar on a terminal (cli-progress); plain periodic lines in CI logs, where a bar would be noise.
 * Records each stage's wall time and the peak memory seen, for the closing summary and `npm run bench`.
 */
import cliProgress from 'cli-progress';

export interface StageTiming {
  name: string;
  seconds: number;
  /** Resident set size of this process at the end of the stage, in MiB. */
  rssMiB: number;
}

export interface Progress {
  /** Starts a named stage; `total` gives a bar with count and ETA. */
  stage(name: string, total?: number): void;
  /** Reports progress within the current stage. */
  tick(done: number, total: number): void;
  /** Ends the current stage, optionally with a closing remark (`59,132 articles`). */
  done(remark?: string): void;
  /** A line of its own, outside any bar. */
  log(line: string): void;
  readonly timings: StageTiming[];
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream; interactive?: boolean } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const interactive = options.interactive ?? (Boolean(stream.isTTY) && !process.env.CI);
  const quiet = options.quiet ?? false;
  const timings: StageTiming[] = [];
  let current: { name: string; started: number; bar?: cliProgress.SingleBar; lastLine: number; lastPercent: number } | null = null;

  const write = (line: string) => {
    if (!quiet) stream.write(`${line}\n`);
  };

  const finish = (remark?: string) => {
    if (!current) return;
    const seconds = (performance.now() - current.started) / 1000;
    current.bar?.stop();
    const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
    timings.push({ name: current.name, seconds, rssMiB });
    write(`[${current.name}] ${remark ? `${remark} ` : ''}in ${seconds.toFixed(1)}s`);
    current = null;
  };

  return {
    timings,
    stage(name, total) {
      finish();
      current = { name, started: performance.now(), lastLine: performance.now(), lastPercent: 0 };
      if (total !== undefined && total > 0 && interactive && !quiet) {
        current.bar = new cliProgress.SingleBar(
          { format: `[${name}] {bar} {value}/{total} ({percentage}%) ETA {eta_formatted}`, stream, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        current.bar.start(total, 0);
      }
    },
    tick(done, total) {
      if (!current) return;
      if (current.bar) {
        current.bar.update(done);
        return;
      }
      // Plain lines: at most one every 5 seconds, and only on a new 10% step, so CI logs stay short.
      const now = performance.now();
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent > current.lastPercent && now - current.lastLine > 5000 && done < total) {
        const rate = done / ((now - current.started) / 1000);
        const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        write(`[${current.name}] ${formatCount(done)}/${formatCount(total)} (${percent}%) ETA ${eta}s`);
        current.lastLine = now;
        current.lastPercent = percent;
      }
    },
    done: finish,
    log(line) {
      if (current?.bar) current.bar.stop();
      write(line);
    },
  };
}
