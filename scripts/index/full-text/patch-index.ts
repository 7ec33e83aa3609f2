/**
 * A rebuild's full-text index, patched from the last build's files instead of built again from every article.
 *
 * The index is made so that an article's postings depend on that article alone (impacts normalise by a fixed length,
 * format.ts): an edit changes only the entries of the terms, title forms and sentences the article held before or
 * holds now, and the lists of its filter values. So the files the last build wrote, read back, are patched: in each
 * such entry the changed articles' postings are taken out and their new ones put in, and the entry is written again
 * as a clean build writes it (the head the highest impacts, ties by article number; the rest in the tail); every other
 * entry keeps its bytes. What a clean build would decide from the whole archive is kept in `IndexState`: the terms
 * held by more than a tenth of the articles, the tails' names, and the title forms and sentences left out because too
 * many articles hold them.
 *
 * A patch is refused (null: build the whole index) whenever its result could differ from a clean build's: more
 * articles changed than a patch is worth, the article count changed (it moves the common-term line), a term that kept
 * no blocks comes to need them, a tail's name would depend on the order terms were met, a left-out form or sentence
 * comes back under its limit, or a file is missing or damaged.
 */
import type { IndexArticle } from './write-index.ts';
import {
  BLOCKS_UP_TO_DF, ByteWriter, decodeList, decodeSentenceShard, encodeList, encodeShard, EXACT_IMPACT, exactTerm, fullTextPaths, HEAD_POSTINGS, headMask, impactByte,
  impactOf, MAX_SENTENCE_ARTICLES, readShardEntries, readStoredTerm, SentenceShardWriter, shardOfSentence, shardOfTerm, tailBaseName,
  writeListHeader, writePostings, type StoredTerm,
} from './format.ts';

/** What a build keeps of its full-text index for the next build to patch. */
export interface IndexState {
  articles: number;
  terms: number;
  postings: number;
  /** Terms held by more than a tenth of the articles, sorted. */
  commonTerms: string[];
  /** Every tail's name. */
  tails: string[];
  /** Exact title forms (`=savings`) left out for being in more than HEAD_POSTINGS titles, with their counts. */
  commonForms: [term: string, titles: number][];
  /** Sentence fingerprints left out as boilerplate, with the number of articles holding them. */
  boilerplate: [fingerprint: number, articles: number][];
  /** Every file of the index, with its size in bytes. */
  files: [path: string, bytes: number][];
}

/** One changed article: as the last build indexed it (null: new) and as it is now (null: gone). */
export interface ArticleChange {
  before: IndexArticle | null;
  after: IndexArticle | null;
}

export interface IndexPatch {
  /** The files whose bytes changed or that are new. */
  files: Map<string, Uint8Array>;
  /** The last build's files this one no longer has. */
  removed: Set<string>;
  state: IndexState;
}

/** More changed articles than this and the whole index is built: a patch reads a shard per term of each. */
export const MAX_PATCHED_ARTICLES = 200;

interface Posting {
  number: number;
  impact: number;
  blocks: ArrayLike<number> | null;
}

class Refused extends Error {}

/** The patched index, or null when only a whole build gives what a clean build would (see above). */
export function patchFullTextIndex(state: IndexState, changes: readonly ArticleChange[], read: (path: string) => Uint8Array | null): IndexPatch | null {
  try {
    return patch(state, changes, read);
  } catch {
    // Refused, or a file that does not read as the index's format: built whole, as if there were no last build.
    return null;
  }
}

function patch(state: IndexState, changes: readonly ArticleChange[], read: (path: string) => Uint8Array | null): IndexPatch {
  if (changes.length === 0 || changes.length > MAX_PATCHED_ARTICLES) throw new Refused();
  const articles = state.articles - changes.filter((c) => c.before).length + changes.filter((c) => c.after).length;
  if (articles !== state.articles) throw new Refused();
  const changed = new Set<number>();
  for (const c of changes) for (const a of [c.before, c.after]) if (a) changed.add(a.number);

  const fileSizes = new Map(state.files);
  const files = new Map<string, Uint8Array>();
  const removed = new Set<string>();
  const readFile = (path: string): Uint8Array => {
    if (!fileSizes.has(path)) throw new Refused();
    const bytes = read(path);
    if (!bytes || bytes.length !== fileSizes.get(path)) throw new Refused();
    return bytes;
  };
  const put = (path: string, bytes: Uint8Array) => {
    files.set(path, bytes);
    removed.delete(path);
    fileSizes.set(path, bytes.length);
  };
  const drop = (path: string) => {
    files.delete(path);
    if (fileSizes.delete(path)) removed.add(path);
  };

  // The new postings of every term, title form and sentence the changed articles hold now; and every one they held.
  const added = new Map<string, Posting[]>();
  const addedForms = new Map<string, number[]>();
  /** Per title form, how many changed articles held it before: what a left-out form's count loses. */
  const formsBefore = new Map<string, number>();
  const addedSentences = new Map<number, number[]>();
  const shardTerm = new Map<string, string>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  for (const c of changes) {
    for (const a of [c.before, c.after]) {
      if (!a) continue;
      const names = a.terms.terms === '' ? [] : a.terms.terms.split('\n');
      const titled = new Set(a.titleTerms);
      let blockAt = 0;
      for (let i = 0; i < names.length; i++) {
        const term = names[i]!;
        shardTerm.set(term, term);
        const count = a.terms.blockCounts[i]!;
        if (a === c.after) {
          push(added, term, { number: a.number, impact: impactByte(impactOf(a.terms.weights[i]!, a.terms.length), titled.has(term)), blocks: a.terms.blocks.subarray(blockAt, blockAt + count) });
        } else if (!added.has(term)) added.set(term, []);
        blockAt += count;
      }
      for (const [key, term] of new Map(a.titleForms.map(({ form, term }) => [exactTerm(form), term]))) {
        shardTerm.set(key, term);
        const list = addedForms.get(key) ?? addedForms.set(key, []).get(key)!;
        if (a === c.after) list.push(a.number);
        else formsBefore.set(key, (formsBefore.get(key) ?? 0) + 1);
      }
      for (const fingerprint of a.terms.sentences) {
        const list = addedSentences.get(fingerprint) ?? addedSentences.set(fingerprint, []).get(fingerprint)!;
        if (a === c.after) list.push(a.number);
      }
    }
  }

  // Term shards: the patched entries, each shard written again with the others' bytes as they were.
  const common = new Set(state.commonTerms);
  const tails = new Set(state.tails);
  const commonForms = new Map(state.commonForms);
  let terms = state.terms;
  let postings = state.postings;
  const byShard = new Map<number, string[]>();
  for (const [term, forShard] of shardTerm) push(byShard, shardOfTerm(forShard), term);
  for (const [shard, wanted] of byShard) {
    const path = fullTextPaths.shard(shard);
    const entries = readShard(readFile(path));
    for (const term of wanted) {
      const old = entries.get(term) ?? null;
      if (term.startsWith('=')) {
        const now = patchForm(term, old, addedForms.get(term) ?? [], formsBefore.get(term) ?? 0, changed, commonForms);
        if (now) entries.set(term, now);
        else entries.delete(term);
        continue;
      }
      const before = old ? [...readEntry(old), ...(old.tail ? readTail(readFile(fullTextPaths.tail(old.tail))) : [])] : [];
      if (old && before.length !== old.df) throw new Refused();
      const list = before.filter((p) => !changed.has(p.number)).concat(added.get(term) ?? []).sort((x, y) => x.number - y.number);
      postings += list.length - before.length;
      if (old && list.length === 0) terms--;
      if (!old && list.length > 0) terms++;
      if (list.length * 10 > articles) common.add(term);
      else common.delete(term);
      // A tail's name is the hash of its term, with a suffix after a clash: the suffix depends on the order the clean
      // build met the terms in, so a clash here is built whole.
      if (old?.tail?.includes('-')) throw new Refused();
      if (old?.tail && list.length <= HEAD_POSTINGS) {
        if (tails.has(`${old.tail}-2`)) throw new Refused();
        tails.delete(old.tail);
        drop(fullTextPaths.tail(old.tail));
      }
      if (list.length === 0) {
        entries.delete(term);
        continue;
      }
      const hasBlocks = list.length <= BLOCKS_UP_TO_DF;
      if (hasBlocks && old && !old.hasBlocks) throw new Refused();
      let head = list;
      let tail: string | null = null;
      if (list.length > HEAD_POSTINGS) {
        const cut = headAndTail(list);
        head = cut.head;
        tail = old?.tail ?? tailBaseName(term);
        if (!old?.tail) {
          if (tails.has(tail)) throw new Refused();
          tails.add(tail);
        }
        const w = new ByteWriter();
        writeListHeader(w, cut.tail.length, hasBlocks);
        writeList(w, cut.tail, hasBlocks);
        put(fullTextPaths.tail(tail), w.result());
      }
      const w = new ByteWriter();
      writeList(w, head, hasBlocks);
      entries.set(term, { term, df: list.length, count: head.length, hasBlocks, tail, data: w.result() });
    }
    const sorted = [...entries.values()].sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    put(path, encodeShard(sorted));
  }

  // Sentence shards.
  const boilerplate = new Map(state.boilerplate);
  const sentenceShards = new Map<number, number[]>();
  for (const fingerprint of addedSentences.keys()) push(sentenceShards, shardOfSentence(fingerprint), fingerprint);
  for (const [shard, wanted] of sentenceShards) {
    const path = fullTextPaths.sentences(shard);
    const entries = decodeSentenceShard(readFile(path), shard, null);
    for (const fingerprint of wanted) {
      const now = addedSentences.get(fingerprint)!;
      const held = boilerplate.get(fingerprint);
      if (held !== undefined) {
        const count = held - countIn(changes, (a) => a.terms.sentences.includes(fingerprint), 'before') + now.length;
        if (count <= MAX_SENTENCE_ARTICLES) throw new Refused();
        boilerplate.set(fingerprint, count);
        continue;
      }
      const list = (entries.get(fingerprint) ?? []).filter((n) => !changed.has(n)).concat(now).sort((x, y) => x - y);
      if (list.length > MAX_SENTENCE_ARTICLES) {
        boilerplate.set(fingerprint, list.length);
        entries.delete(fingerprint);
      } else if (list.length === 0) entries.delete(fingerprint);
      else entries.set(fingerprint, list);
    }
    const writer = new SentenceShardWriter();
    for (const fingerprint of [...entries.keys()].sort((x, y) => x - y)) writer.add(fingerprint, entries.get(fingerprint)!);
    put(path, writer.result());
  }

  // Filter lists.
  const filterPaths = new Set<string>();
  for (const c of changes) for (const a of [c.before, c.after]) for (const [name, value] of a?.filters ?? []) filterPaths.add(fullTextPaths.filter(name, value));
  for (const path of filterPaths) {
    const numbers = new Set((fileSizes.has(path) ? decodeList(readFile(path), false).numbers : []).filter((n) => !changed.has(n)));
    for (const c of changes) {
      if (c.after?.filters.some(([name, value]) => fullTextPaths.filter(name, value) === path)) numbers.add(c.after.number);
    }
    if (numbers.size === 0) drop(path);
    else put(path, encodeList([...numbers].sort((x, y) => x - y)));
  }

  // A file patched back to the bytes it had is left alone by the output folder, which compares them.
  return {
    files,
    removed,
    state: {
      articles,
      terms,
      postings,
      commonTerms: [...common].sort(),
      tails: [...tails].sort(),
      commonForms: [...commonForms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      boilerplate: [...boilerplate].sort(([a], [b]) => a - b),
      files: [...fileSizes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    },
  };
}

/** An exact title form's entry after the change, or null when it is gone or left out (too many titles). */
function patchForm(term: string, old: StoredTerm | null, now: number[], heldBefore: number, changed: ReadonlySet<number>, commonForms: Map<string, number>): StoredTerm | null {
  const held = commonForms.get(term);
  if (held !== undefined) {
    // Left out, so only its count is known: back under the limit, its list would be needed.
    const count = held - heldBefore + now.length;
    if (count <= HEAD_POSTINGS) throw new Refused();
    commonForms.set(term, count);
    return null;
  }
  const before = old ? readEntry(old).map((p) => p.number) : [];
  const list = before.filter((n) => !changed.has(n)).concat(now).sort((x, y) => x - y);
  if (list.length > HEAD_POSTINGS) {
    commonForms.set(term, list.length);
    return null;
  }
  if (list.length === 0) return null;
  const w = new ByteWriter();
  writePostings(w, list.length, (i) => list[i]!, () => EXACT_IMPACT, null);
  return { term, df: list.length, count: list.length, hasBlocks: false, tail: null, data: w.result() };
}

function countIn(changes: readonly ArticleChange[], holds: (a: IndexArticle) => boolean, side: 'before' | 'after'): number {
  return changes.filter((c) => c[side] && holds(c[side]!)).length;
}

/** The head (format.ts, `headMask`) and the tail, both in article order. */
function headAndTail(list: Posting[]): { head: Posting[]; tail: Posting[] } {
  const mask = headMask(list.length, (i) => list[i]!.impact);
  return { head: list.filter((_, i) => mask[i]), tail: list.filter((_, i) => !mask[i]) };
}

function writeList(w: ByteWriter, list: Posting[], hasBlocks: boolean): void {
  writePostings(w, list.length, (i) => list[i]!.number, (i) => list[i]!.impact, hasBlocks ? (i, found) => {
    const blocks = list[i]!.blocks;
    if (!blocks) throw new Refused();
    found(blocks, 0, blocks.length);
  } : null);
}

function readShard(bytes: Uint8Array): Map<string, StoredTerm> {
  return new Map(readShardEntries(bytes).map((e) => [e.term, e]));
}

function readEntry(entry: StoredTerm): Posting[] {
  return toPostings(readStoredTerm(entry));
}

function readTail(bytes: Uint8Array): Posting[] {
  return toPostings(decodeList(bytes, true));
}

function toPostings({ numbers, impacts, blocks }: { numbers: number[]; impacts: Uint8Array; blocks: number[][] | null }): Posting[] {
  return numbers.map((number, i) => ({ number, impact: impacts[i]!, blocks: blocks?.[i] ?? null }));
}


