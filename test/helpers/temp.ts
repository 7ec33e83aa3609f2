/**
 * Temporary folders for tests, removed when the test process ends: every test file runs in its own process,
 * and a full-corpus site with its cache is ~2 GiB, so folders left behind fill a machine's disk within a few
 * runs (a CI run once failed with "No space left on device"). Set KB_KEEP_TEMP=1 to keep them for a look.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

process.on('exit', () => {
  if (process.env.KB_KEEP_TEMP) return;
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      // A folder a test made unreadable, say: the others still go, and the test's own result stands.
      process.stderr.write(`Could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
});

/** A fresh folder under the system's temporary folder, named `<prefix>XXXXXX`, removed at process exit. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
