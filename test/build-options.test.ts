/** Configuration is resolved once, with defaults; a bad value throws a message naming it and what was expected. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveBuildOptions } from '../scripts/build.ts';

test('--base is normalised to a path with slashes at both ends', () => {
  assert.equal(resolveBuildOptions({ base: 'kb' }).base, '/kb/');
  assert.equal(resolveBuildOptions({ base: '/mirror/kb' }).base, '/mirror/kb/');
  assert.equal(resolveBuildOptions({}).base, '/');
  assert.throws(() => resolveBuildOptions({ base: '/k b/' }), /--base must be a URL path/);
});

test('--site-url takes an origin; a path is refused, since it would be doubled with --base', () => {
  assert.equal(resolveBuildOptions({ siteUrl: 'https://example.org/' }).siteUrl, 'https://example.org');
  assert.equal(resolveBuildOptions({ siteUrl: 'http://127.0.0.1:8080' }).siteUrl, 'http://127.0.0.1:8080');
  assert.throws(() => resolveBuildOptions({ siteUrl: 'https://example.org/kb' }), /origin.*--base/);
  assert.throws(() => resolveBuildOptions({ siteUrl: 'example.org' }), /--site-url/);
});

test('--workers must be a whole number from 0 to 64', () => {
  assert.equal(resolveBuildOptions({ workers: 0 }).workers, 0);
  assert.throws(() => resolveBuildOptions({ workers: -1 }), /--workers must be a whole number from 0 to 64; got -1/);
});

test('articlesPerRenderRun must be a whole number of at least 1 (NaN would render no article page)', () => {
  assert.equal(resolveBuildOptions({}).articlesPerRenderRun, 6_000);
  assert.equal(resolveBuildOptions({ articlesPerRenderRun: 1 }).articlesPerRenderRun, 1);
  for (const bad of [0, -3, 2.5, Number.NaN]) {
    assert.throws(() => resolveBuildOptions({ articlesPerRenderRun: bad }), /articlesPerRenderRun must be a whole number of at least 1/);
  }
});
