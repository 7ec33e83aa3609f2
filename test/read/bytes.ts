/**
 * Byte-level builders for the read-stage tests: every fixture is generated here from a description,
 * so no real article text is committed and each test says exactly which bytes it feeds in.
 */
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const BOM_UTF8 = [0xef, 0xbb, 0xbf];

export function withBom(bom: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}

/** `s` as UTF-16 with its byte-order mark (`FF FE` for LE, `FE FF` for BE). */
export function utf16(s: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff], 0);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    const [first, second] = endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
    out[2 + 2 * i] = first;
    out[3 + 2 * i] = second;
  }
  return out;
}

/** ASCII text with CP1252 bytes spliced in: `cp1252('Word', 0xae)` → `Word®` as CP1252 bytes. */
export function cp1252(...parts: (string | number)[]): Uint8Array {
  const bytes: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') bytes.push(p);
    else for (const c of p) bytes.push(c.charCodeAt(0)); // ASCII only, by construction
  }
  return Uint8Array.from(bytes);
}

/** Deterministic "binary" bytes (a linear congruential generator), so failures reproduce. */
export function pseudoRandomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const made: string[] = [];
// Removed when the test process ends, so repeated runs do not fill /tmp (some trees hold 6 MB files).
process.on('exit', () => {
  for (const dir of made) {
    try {
      chmodSync(join(dir, 'kb/183/Q183000'), 0o700); // the unreadable-folder test's folder, if any
    } catch {
      // not that test's tree
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fresh temporary folder holding `files` (relative path → content), removed when the process exits. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'kb-read-test-'));
  made.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

/** A made-up article in the corpus's shape, long enough (≈500 bytes) to look like a real page. */
export function fakeArticle(id = 'Q999001', body = 'The widget does not start.'): string {
  const group = id.slice(1).padStart(6, '0').slice(0, 3);
  return [
    '---',
    'layout: page',
    `title: "${id}: Widget Fails to Start"`,
    `permalink: /kb/${group}/${id}/`,
    '---',
    `## ${id}: Widget Fails to Start`,
    '',
    '{% raw %}',
    `\tArticle: ${id}`,
    '\tProduct(s): Example Product',
    '\tLast Modified: 01-JAN-2000',
    '\t',
    '\tSYMPTOMS',
    '\t========',
    `\t${body}`,
    '\t',
    '\tRESOLUTION',
    '\t==========',
    '\tRestart the widget service and try again. If it still fails, reinstall it.',
    '{% endraw %}',
    '',
  ].join('\n');
}
