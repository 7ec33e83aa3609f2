/**
 * The full-text index's files, byte by byte: written by the build (write-index.ts), read by the browser
 * (assets/search.ts through rank.ts). Documented in scripts/index/README.md.
 *
 * Terms are spread over `SHARDS` files by a hash of the term, so a query fetches one file per word, all at once,
 * knowing each file's name from the word alone. A shard holds its terms' dictionary, then their postings: the
 * articles holding each term (as article numbers, ascending, delta-coded), a one-byte impact each (the term's BM25
 * weight in that article, idf aside), and for most terms the blocks where it occurs. A term held by more than
 * `HEAD_POSTINGS` articles keeps only its highest-impact postings in the shard (the head, which is all a ranked query
 * needs: the rest could not reach the first pages); the rest (the tail) is a file of its own, read only to browse past
 * the head or to filter a common word down to few articles.
 *
 * All integers are unsigned LEB128 varints.
 */
import { fnv1a } from './hash.ts';

/** Shard files the terms are spread over. */
export const SHARDS = 2048;
/** Postings a shard keeps per term: the ones of highest impact. */
export const HEAD_POSTINGS = 1000;
/** Terms held by more articles than this keep no blocks: they are everywhere, so where they stand tells little. */
export const BLOCKS_UP_TO_DF = 5000;

/** BM25's parameters: the classic values (Robertson and Zaragoza, "The Probabilistic Relevance Framework"). */
export const K1 = 1.2;
export const B = 0.75;
/**
 * The article length BM25 normalises by, fixed rather than the build's mean, so that an edit to one article changes
 * no other article's impacts (and so no other shard's bytes). The mean over the full corpus is ~560 tokens.
 */
export const AVERAGE_LENGTH = 560;

/** Shard files the sentence fingerprints are spread over, by the fingerprint's value (its low bits). */
export const SENTENCE_SHARDS = 512;
/**
 * Articles a sentence may be held by and still be indexed: a sentence in more is boilerplate ("Click Start, point to
 * Settings, and then click Control Panel."), which cannot tell one article from another however it is pasted.
 */
export const MAX_SENTENCE_ARTICLES = 200;

export const MAGIC = 'KBX1';

/** Site paths of the index's files (without the --base prefix). */
export const fullTextPaths = {
  root: '/search/index/',
  shard: (shard: number) => `/search/index/t/${shard.toString(16).padStart(3, '0')}.bin`,
  tail: (name: string) => `/search/index/tail/${name}.bin`,
  filter: (name: string, value: string) => `/search/index/filter/${name}/${filterFileName(value)}.bin`,
  /** Sentence fingerprints → the articles holding the sentence (sentences.ts). */
  sentences: (shard: number) => `/search/index/s/${shard.toString(16).padStart(3, '0')}.bin`,
};

/** A filter value as a file name: letters, digits and `-`, every other character as `_` and its code. */
export function filterFileName(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

/** FNV-1a (hash.ts): terms' shards here, lookup keys' in query.ts, sentences' fingerprints in sentences.ts. */
export { fnv1a };

export const shardOfTerm = (term: string): number => fnv1a(term) % SHARDS;

/** A tail file's name: a hash of its term (terms may hold any letter). The build adds `-2`, `-3` on the rare clash. */
export const tailBaseName = (term: string): string => fnv1a(term).toString(16).padStart(8, '0');

/**
 * Which of a common term's `count` postings (in article order) its head keeps: the HEAD_POSTINGS highest impacts,
 * equal impacts taken in article order, so the head is the same whatever the order of input. Impacts are bytes, so a
 * histogram finds the cut without sorting 40k postings. 1 for a posting of the head, 0 for one of the tail.
 */
export function headMask(count: number, impactOf: (i: number) => number): Uint8Array {
  const histogram = new Int32Array(256);
  for (let i = 0; i < count; i++) histogram[impactOf(i)]!++;
  let cut = 255;
  let above = 0;
  while (above + histogram[cut]! < HEAD_POSTINGS) above += histogram[cut--]!;
  let atCut = HEAD_POSTINGS - above;
  const mask = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const impact = impactOf(i);
    if (impact > cut || (impact === cut && atCut-- > 0)) mask[i] = 1;
  }
  return mask;
}

/**
 * A title's word as written is a term of its own, `=` and the form (`=savings`), in the shard of the word's term
 * (`save`): the query that looks up the term finds it in the same file. Its postings are the articles whose title holds
 * that form.
 */
export const exactTerm = (form: string): string => `=${form}`;

/** The impact byte of an exact title form's postings: in the title, the least impact (only its presence counts). */
export const EXACT_IMPACT = 128 | 1;
export const shardOfSentence = (fingerprint: number): number => fingerprint % SENTENCE_SHARDS;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** BM25's term-frequency part for a field-weighted frequency in an article of `length` tokens, in [0, K1 + 1). */
export function impactOf(weight: number, length: number): number {
  return (weight * (K1 + 1)) / (weight + K1 * (1 - B + (B * length) / AVERAGE_LENGTH));
}

/**
 * An impact as one byte: 1–127 in the low seven bits (0 is never written: a posting always counts for something), and
 * the high bit set when the term is in the article's title. Heads are cut by this byte, so title postings come first.
 */
export function impactByte(impact: number, inTitle: boolean): number {
  return Math.min(127, Math.max(1, Math.ceil((impact / (K1 + 1)) * 127))) | (inTitle ? 128 : 0);
}

export function impactOfByte(byte: number): number {
  return ((byte & 127) / 127) * (K1 + 1);
}

export const inTitle = (byte: number): boolean => byte >= 128;

/** Inverse document frequency, BM25's form (never negative). */
export function idf(df: number, articles: number): number {
  return Math.log(1 + (articles - df + 0.5) / (df + 0.5));
}

/** A growing byte buffer with varint writing. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  varint(value: number): void {
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buffer[this.length++] = v;
  }

  bytes(value: Uint8Array): void {
    this.room(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }

  string(value: string): void {
    // Nearly every term is ASCII: written as it is, without an encoder's array per string (400k terms per build).
    const n = value.length;
    let ascii = true;
    for (let i = 0; i < n && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
    if (!ascii) {
      const encoded = encoder.encode(value);
      this.varint(encoded.length);
      this.bytes(encoded);
      return;
    }
    this.varint(n);
    this.room(n);
    for (let i = 0; i < n; i++) this.buffer[this.length++] = value.charCodeAt(i);
  }

  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads what a ByteWriter wrote. Throws on bytes that end early: a damaged file is a failed fetch, not a wrong answer. */
export class ByteReader {
  offset = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  byte(): number {
    if (this.offset >= this.bytes.length) throw new Error('index file ends early');
    return this.bytes[this.offset++]!;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }

  take(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw new Error('index file ends early');
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  string(): string {
    return decoder.decode(this.take(this.varint()));
  }

  magic(): void {
    const found = decoder.decode(this.take(MAGIC.length));
    if (found !== MAGIC) throw new Error(`not a ${MAGIC} index file`);
  }
}

/** One term's postings: article numbers ascending, with their impacts and, when kept, their blocks. */
export interface Postings {
  numbers: number[];
  /** Impact bytes (1–255), one per article; empty for a filter's list. */
  impacts: Uint8Array;
  /** Per article, its blocks ascending; null when the term keeps none. */
  blocks: number[][] | null;
}

/** A term's entry in its shard. */
export interface ShardTerm {
  term: string;
  /** Articles holding the term, head and tail. */
  df: number;
  /** The tail file's name, when the shard holds only the head. */
  tail: string | null;
  postings: Postings;
}

/**
 * Where the blocks of posting `i` are: `blocksOf(i, found)` calls `found(list, from, to)` with the blocks
 * `list[from..to)`, ascending (a view of them, not a copy: the build writes ~11M postings).
 */
export type BlocksOf = (i: number, found: (list: ArrayLike<number>, from: number, to: number) => void) => void;

/**
 * Writes `count` postings, read by index (so the build writes them from its posting arrays without an array per
 * term): the article numbers ascending as gaps, then an impact byte each when `impactOf` is given, then each one's
 * blocks (count, then gaps) when `blocksOf` is.
 */
export function writePostings(w: ByteWriter, count: number, numberOf: (i: number) => number, impactOf: ((i: number) => number) | null = null, blocksOf: BlocksOf | null = null): void {
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const number = numberOf(i);
    w.varint(number - previous);
    previous = number;
  }
  if (impactOf) for (let i = 0; i < count; i++) w.byte(impactOf(i));
  if (!blocksOf) return;
  const writeBlocks = (list: ArrayLike<number>, from: number, to: number) => {
    w.varint(to - from);
    let last = 0;
    for (let b = from; b < to; b++) {
      w.varint(list[b]! - last);
      last = list[b]!;
    }
  };
  for (let i = 0; i < count; i++) blocksOf(i, writeBlocks);
}

export function readPostings(r: ByteReader, count: number, withImpacts: boolean, withBlocks: boolean): Postings {
  const numbers = new Array<number>(count);
  let previous = 0;
  for (let i = 0; i < count; i++) numbers[i] = previous += r.varint();
  const impacts = withImpacts ? r.take(count).slice() : new Uint8Array(0);
  let blocks: number[][] | null = null;
  if (withBlocks) {
    blocks = new Array(count);
    for (let i = 0; i < count; i++) {
      const n = r.varint();
      const list = new Array<number>(n);
      let last = 0;
      for (let j = 0; j < n; j++) list[j] = last += r.varint();
      blocks[i] = list;
    }
  }
  return { numbers, impacts, blocks };
}

const FLAG_BLOCKS = 1;
const FLAG_TAIL = 2;

/** A shard's entry as stored: its postings' bytes, not decoded. */
export interface StoredTerm {
  term: string;
  df: number;
  /** Postings stored in the shard (the head, when there is a tail). */
  count: number;
  hasBlocks: boolean;
  tail: string | null;
  data: Uint8Array;
}

/** A shard's bytes, from its terms sorted by term. */
export function encodeShard(terms: readonly StoredTerm[]): Uint8Array {
  const w = new ByteWriter();
  w.bytes(encoder.encode(MAGIC));
  w.varint(terms.length);
  for (const t of terms) {
    w.string(t.term);
    w.varint(t.df);
    w.varint(t.count);
    w.varint((t.hasBlocks ? FLAG_BLOCKS : 0) | (t.tail !== null ? FLAG_TAIL : 0));
    if (t.tail !== null) w.string(t.tail);
    w.varint(t.data.length);
  }
  for (const t of terms) w.bytes(t.data);
  return w.result();
}

/** Every entry of a shard in its order, postings not decoded (views into `bytes`). */
export function readShardEntries(bytes: Uint8Array): StoredTerm[] {
  const r = new ByteReader(bytes);
  r.magic();
  const count = r.varint();
  const heads: { term: string; df: number; count: number; flags: number; tail: string | null; length: number }[] = [];
  for (let i = 0; i < count; i++) {
    const term = r.string();
    const df = r.varint();
    const n = r.varint();
    const flags = r.varint();
    const tail = flags & FLAG_TAIL ? r.string() : null;
    heads.push({ term, df, count: n, flags, tail, length: r.varint() });
  }
  const entries = heads.map((h): StoredTerm => ({ term: h.term, df: h.df, count: h.count, hasBlocks: (h.flags & FLAG_BLOCKS) !== 0, tail: h.tail, data: r.take(h.length) }));
  if (!r.done) throw new Error('index shard longer than its entries');
  return entries;
}

/** A stored entry's postings. */
export function readStoredTerm(entry: StoredTerm): Postings {
  return readPostings(new ByteReader(entry.data), entry.count, true, entry.hasBlocks);
}

/** The entries of `wanted` terms found in a shard's bytes (the others are not decoded). */
export function decodeShard(bytes: Uint8Array, wanted: ReadonlySet<string>): Map<string, ShardTerm> {
  const out = new Map<string, ShardTerm>();
  for (const e of readShardEntries(bytes)) {
    if (wanted.has(e.term)) out.set(e.term, { term: e.term, df: e.df, tail: e.tail, postings: readStoredTerm(e) });
  }
  return out;
}

/** A filter file: the header, then the article numbers (no impacts, no blocks). */
export function encodeList(numbers: ArrayLike<number>): Uint8Array {
  const w = new ByteWriter();
  writeListHeader(w, numbers.length, false);
  writePostings(w, numbers.length, (i) => numbers[i]!);
  return w.result();
}

/** What a tail or filter file starts with; its postings follow, as `writePostings` writes them. */
export function writeListHeader(w: ByteWriter, count: number, hasBlocks: boolean): void {
  w.bytes(encoder.encode(MAGIC));
  w.varint(count);
  w.varint(hasBlocks ? FLAG_BLOCKS : 0);
}

export function decodeList(bytes: Uint8Array, withImpacts: boolean): Postings {
  const r = new ByteReader(bytes);
  r.magic();
  const count = r.varint();
  const flags = r.varint();
  return readPostings(r, count, withImpacts, (flags & FLAG_BLOCKS) !== 0);
}

/**
 * A sentence shard's bytes, written a fingerprint at a time in ascending order, each with the articles holding it
 * (numbers ascending): the count, then per fingerprint the gap from the previous one's key (the fingerprint over
 * `SENTENCE_SHARDS`: the shard is the rest), its article count and its articles as a filter's list (the first
 * number, then gaps).
 */
export class SentenceShardWriter {
  private readonly body = new ByteWriter();
  private count = 0;
  private previous = 0;

  add(fingerprint: number, numbers: ArrayLike<number>): void {
    const key = Math.floor(fingerprint / SENTENCE_SHARDS);
    this.body.varint(key - this.previous);
    this.previous = key;
    this.body.varint(numbers.length);
    writePostings(this.body, numbers.length, (i) => numbers[i]!);
    this.count++;
  }

  result(): Uint8Array {
    const w = new ByteWriter();
    w.bytes(encoder.encode(MAGIC));
    w.varint(this.count);
    w.bytes(this.body.result());
    return w.result();
  }
}

export function encodeSentenceShard(entries: readonly { fingerprint: number; numbers: ArrayLike<number> }[]): Uint8Array {
  const w = new SentenceShardWriter();
  for (const { fingerprint, numbers } of entries) w.add(fingerprint, numbers);
  return w.result();
}

/** The articles of the `wanted` fingerprints (every one when null) found in a sentence shard's bytes (all of them in shard `shard`). */
export function decodeSentenceShard(bytes: Uint8Array, shard: number, wanted: ReadonlySet<number> | null): Map<number, number[]> {
  const r = new ByteReader(bytes);
  r.magic();
  const count = r.varint();
  const out = new Map<number, number[]>();
  let key = 0;
  for (let i = 0; i < count && (!wanted || out.size < wanted.size); i++) {
    key += r.varint();
    const fingerprint = key * SENTENCE_SHARDS + shard;
    const n = r.varint();
    if (!wanted || wanted.has(fingerprint)) out.set(fingerprint, readPostings(r, n, false, false).numbers);
    else for (let j = 0; j < n; j++) r.varint();
  }
  return out;
}
