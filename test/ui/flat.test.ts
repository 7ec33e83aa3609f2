/**
 * Pages are flattened where they are made (layouts/lib/flat.ts): a page kept as the tree of pieces `+` joined weighs
 * several times its characters for as long as its Eleventy run holds it. Measured on the heap, not assumed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { flat } from '../../layouts/lib/flat.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A page-like string of many small pieces, as the templates join them. */
function joined(i: number): string {
  let s = '<!doctype html>';
  for (let k = 0; k < 200; k++) s += '<li><a href="/kb/' + k + '/">item ' + i + '</a></li>';
  return s;
}

/** Heap bytes that `count` strings made by `make` keep alive, and their characters. */
function kept(make: (i: number) => string, count: number): { heap: number; characters: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const strings = Array.from({ length: count }, (_, i) => make(i));
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  return { heap, characters: strings.reduce((sum, s) => sum + s.length, 0) };
}

test('flat keeps a joined string at about its characters, where the tree of its pieces weighs several times more', () => {
  const tree = kept(joined, 3000);
  const flattened = kept((i) => flat(joined(i)), 3000);
  assert.equal(flattened.characters, tree.characters);
  // One-byte characters: a flat string is its length in bytes, plus a header.
  assert.ok(flattened.heap < flattened.characters * 1.5, `flattened: ${flattened.heap} bytes of heap for ${flattened.characters} characters`);
  assert.ok(tree.heap > flattened.heap * 3, `as joined: ${tree.heap} bytes, flattened: ${flattened.heap}`);
});

test('flat returns the same text', () => {
  const text = joined(7);
  assert.equal(flat(text), text);
  assert.equal(flat(''), '');
  assert.equal(flat('\n<'), '\n<');
});
