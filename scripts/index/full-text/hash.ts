/**
 * FNV-1a over a key's UTF-16 code units: shards fill evenly whatever the keys look like (terms, lookup keys in
 * query.ts), and a sentence's fingerprint is the hash of its terms (sentences.ts). A module of its own, re-exported by
 * format.ts, because the parse workers' results depend on it (sentence fingerprints are cached with the article:
 * pipeline/cache.ts hashes this file into the cache's code version, and not the whole format).
 */
export function fnv1a(key: string): number {
  let hash = OFFSET;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), PRIME) >>> 0;
  return hash;
}

/** `fnv1a(words.slice(from).join(' '))`, without making the string: a sentence's fingerprint (sentences.ts). */
export function fnv1aWords(words: readonly string[], from = 0): number {
  let hash = OFFSET;
  for (let w = from; w < words.length; w++) {
    if (w > from) hash = Math.imul(hash ^ 32, PRIME) >>> 0;
    const word = words[w]!;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), PRIME) >>> 0;
  }
  return hash;
}

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;
