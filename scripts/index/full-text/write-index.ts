/**
 * The full-text index from every article's terms (article-terms.ts, made on the parse workers): a pure function from
 * the articles to the index's files, path → bytes (format.ts). The build writes them through its output folder,
 * which leaves a file alone when its bytes are unchanged, so an edit to one article rewrites only the shards of the
 * terms it holds.
 *
 * Postings are collected in typed arrays in two passes (count, then fill), not per-term JavaScript arrays: the full
 * corpus has ~11M of them. Sentence fingerprints go to shards of their own (`writeSentenceShards`).
 */
import type { ArticleTerms } from './article-terms.ts';
import type { IndexFigures } from './rank.ts';
import type { IndexState } from './patch-index.ts';
import {
  BLOCKS_UP_TO_DF, ByteWriter, encodeList, encodeShard, EXACT_IMPACT, exactTerm, fullTextPaths, HEAD_POSTINGS, headMask, impactByte, impactOf,
  MAX_SENTENCE_ARTICLES, SENTENCE_SHARDS, SentenceShardWriter, SHARDS, shardOfSentence, shardOfTerm, tailBaseName, writeListHeader, writePostings,
} from './format.ts';

export interface IndexArticle {
  /** The article's number (`182346` for Q182346): postings name articles by it. */
  number: number;
  terms: ArticleTerms;
  /** The terms of its title (`queryTerms(title)`): their postings carry the title bit. */
  titleTerms: readonly string[];
  /** The words of its title as written, with their terms (`wordForms(title)`): indexed as exact terms (format.ts). */
  titleForms: readonly { form: string; term: string }[];
  /** Filter values the article has: `[name, value]` (`['family', 'exchange']`, `['source', 'msexchangeimc']`). */
  filters: [name: string, value: string][];
}

export interface FullTextIndex {
  /** Site path → bytes. */
  files: Map<string, Uint8Array>;
  /** What the next build patches this index from (patch-index.ts), with the figures: the article count, the terms
   *  held by more than a tenth of the articles (a long query skips them: rank.ts). */
  state: IndexState;
}

/**
 * Builds every file of the index. `articles` in any order; each number once. `onFigures` is told the figures the
 * search script is bundled with as soon as they are known (after the first of the build's passes over the postings),
 * so that the search page, which holds the script, need not wait for the whole index.
 */
export function buildFullTextIndex(articles: readonly IndexArticle[], onFigures?: (figures: IndexFigures) => void): FullTextIndex {
  const sorted = [...articles].sort((a, b) => a.number - b.number);
  const termIds = new Map<string, number>();
  const termNames: string[] = [];
  let df = new Int32Array(1 << 16);
  const articleTermIds: Int32Array[] = [];
  let postings = 0;

  // Pass 1: term ids and document frequencies.
  for (const article of sorted) {
    const names = article.terms.terms === '' ? [] : article.terms.terms.split('\n');
    const ids = new Int32Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      let id = termIds.get(name);
      if (id === undefined) {
        id = termNames.length;
        termIds.set(name, id);
        termNames.push(name);
        if (id >= df.length) {
          const grown = new Int32Array(df.length * 2);
          grown.set(df);
          df = grown;
        }
      }
      ids[i] = id;
      df[id]!++;
    }
    articleTermIds.push(ids);
    postings += names.length;
  }
  const commonTerms: string[] = [];
  for (let t = 0; t < termNames.length; t++) if (df[t]! * 10 > sorted.length) commonTerms.push(termNames[t]!);
  commonTerms.sort();
  onFigures?.({ articles: sorted.length, commonTerms });

  // Pass 2: every posting in its term's range, in article order (so each term's list is sorted by number).
  const termCount = termNames.length;
  const start = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) start[t + 1] = start[t]! + df[t]!;
  const fill = start.slice(0, termCount);
  const postArticle = new Int32Array(postings);
  const postImpact = new Uint8Array(postings);
  const postBlockAt = new Int32Array(postings);
  const postBlockCount = new Uint8Array(postings);
  for (let a = 0; a < sorted.length; a++) {
    const terms = sorted[a]!.terms;
    const titled = new Set(sorted[a]!.titleTerms);
    const ids = articleTermIds[a]!;
    let blockAt = 0;
    for (let i = 0; i < ids.length; i++) {
      const p = fill[ids[i]!]!++;
      postArticle[p] = a;
      postImpact[p] = impactByte(impactOf(terms.weights[i]!, terms.length), titled.has(termNames[ids[i]!]!));
      postBlockAt[p] = blockAt;
      postBlockCount[p] = terms.blockCounts[i]!;
      blockAt += terms.blockCounts[i]!;
    }
  }

  // Postings are written straight from the arrays above, by posting index: no array per term of 400k.
  const numberOf = Int32Array.from(sorted, (a) => a.number);
  /** Writes the postings `indices[0..count)` (or `from..from + count` when `indices` is null). */
  const postingsTo = (w: ByteWriter, indices: ArrayLike<number> | null, from: number, count: number, withBlocks: boolean) => {
    const at = (i: number) => (indices ? indices[i]! : from + i);
    writePostings(w, count, (i) => numberOf[postArticle[at(i)]!]!, (i) => postImpact[at(i)]!, withBlocks ? (i, found) => {
      const p = at(i);
      found(sorted[postArticle[p]!]!.terms.blocks, postBlockAt[p]!, postBlockAt[p]! + postBlockCount[p]!);
    } : null);
  };

  // Each term's head (and tail) encoded into one buffer; shards then take slices of it.
  const data = new ByteWriter();
  const entries: { term: string; df: number; tail: string | null; from: number; to: number; count: number; hasBlocks: boolean }[] = [];
  const files = new Map<string, Uint8Array>();
  const tailNames = new Set<string>();
  for (let t = 0; t < termCount; t++) {
    const from = start[t]!;
    const n = df[t]!;
    const hasBlocks = n <= BLOCKS_UP_TO_DF;
    let chosen: number[] | null = null;
    let tail: string | null = null;
    if (n > HEAD_POSTINGS) {
      const head = headMask(n, (i) => postImpact[from + i]!);
      chosen = [];
      const rest: number[] = [];
      for (let i = 0; i < n; i++) (head[i] ? chosen : rest).push(from + i);
      tail = tailName(termNames[t]!, tailNames);
      const list = new ByteWriter();
      writeListHeader(list, rest.length, hasBlocks);
      postingsTo(list, rest, 0, rest.length, hasBlocks);
      files.set(fullTextPaths.tail(tail), list.result());
    }
    const at = data.length;
    const count = chosen ? chosen.length : n;
    postingsTo(data, chosen, from, count, hasBlocks);
    entries.push({ term: termNames[t]!, df: n, tail, from: at, to: data.length, count, hasBlocks });
  }

  // The titles' words as written, each in its term's shard; a form in more than HEAD_POSTINGS titles is left out (a
  // word that common weighs too little in a query for its exact form to matter).
  const exact = new Map<string, { shard: number; numbers: number[] }>();
  const commonForms: [string, number][] = [];
  for (const article of sorted) {
    for (const { form, term } of article.titleForms) {
      const key = exactTerm(form);
      const found = exact.get(key);
      if (!found) exact.set(key, { shard: shardOfTerm(term), numbers: [article.number] });
      else if (found.numbers[found.numbers.length - 1] !== article.number) found.numbers.push(article.number);
    }
  }
  const shardOf = new Map<string, number>();
  for (const [term, { shard, numbers }] of exact) {
    if (numbers.length > HEAD_POSTINGS) {
      commonForms.push([term, numbers.length]);
      continue;
    }
    const at = data.length;
    writePostings(data, numbers.length, (i) => numbers[i]!, () => EXACT_IMPACT, null);
    entries.push({ term, df: numbers.length, tail: null, from: at, to: data.length, count: numbers.length, hasBlocks: false });
    shardOf.set(term, shard);
  }

  const bytes = data.result();
  const byShard: (typeof entries)[] = Array.from({ length: SHARDS }, () => []);
  for (const e of entries) byShard[shardOf.get(e.term) ?? shardOfTerm(e.term)]!.push(e);
  for (const [shard, list] of byShard.entries()) {
    // Every shard is written, empty or not: a query's fetch of it then never meets a missing file.
    list.sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
    files.set(fullTextPaths.shard(shard), encodeShard(list.map((e) => ({ ...e, data: bytes.subarray(e.from, e.to) }))));
  }

  const filters = new Map<string, number[]>();
  for (const article of sorted) {
    for (const [name, value] of article.filters) {
      const path = fullTextPaths.filter(name, value);
      const list = filters.get(path);
      if (!list) filters.set(path, [article.number]);
      else if (list[list.length - 1] !== article.number) list.push(article.number);
    }
  }
  for (const [path, numbers] of filters) files.set(path, encodeList(numbers));

  const boilerplate = writeSentenceShards(sorted, files);
  const byName = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    files,
    state: {
      articles: sorted.length, terms: termCount, postings, commonTerms, tails: [...tailNames].sort(), commonForms: commonForms.sort(byName), boilerplate,
      files: [...files].map(([path, bytes]): [string, number] => [path, bytes.length]).sort(byName),
    },
  };
}

/**
 * The sentence shards: every fingerprint with the articles holding it, in the shard its value names; a fingerprint
 * held by more than MAX_SENTENCE_ARTICLES articles is left out (boilerplate). The full corpus has ~1.8M (fingerprint,
 * article) pairs: they are sorted as one Float64Array of keys `(shard, fingerprint over the shard count, article
 * ordinal)` packed below 2⁵³, which orders them by shard, then fingerprint, then article, with no object per pair.
 * Every shard is written, empty or not.
 */
function writeSentenceShards(sorted: readonly IndexArticle[], files: Map<string, Uint8Array>): [fingerprint: number, articles: number][] {
  const ORDINALS = 2 ** 21;
  const KEYS = Math.ceil(2 ** 32 / SENTENCE_SHARDS);
  if (sorted.length > ORDINALS) throw new Error(`more than ${ORDINALS} articles`);
  let total = 0;
  for (const article of sorted) total += article.terms.sentences.length;
  const pairs = new Float64Array(total);
  let at = 0;
  for (let a = 0; a < sorted.length; a++) {
    for (const fingerprint of sorted[a]!.terms.sentences) {
      pairs[at++] = (shardOfSentence(fingerprint) * KEYS + Math.floor(fingerprint / SENTENCE_SHARDS)) * ORDINALS + a;
    }
  }
  pairs.sort();
  const numbers = new Int32Array(MAX_SENTENCE_ARTICLES);
  const boilerplate: [number, number][] = [];
  let i = 0;
  for (let shard = 0; shard < SENTENCE_SHARDS; shard++) {
    const writer = new SentenceShardWriter();
    const end = (shard + 1) * KEYS * ORDINALS;
    while (i < total && pairs[i]! < end) {
      const entry = Math.floor(pairs[i]! / ORDINALS);
      let j = i;
      while (j < total && Math.floor(pairs[j]! / ORDINALS) === entry) j++;
      const fingerprint = (entry % KEYS) * SENTENCE_SHARDS + shard;
      if (j - i > MAX_SENTENCE_ARTICLES) boilerplate.push([fingerprint, j - i]);
      else {
        for (let k = i; k < j; k++) numbers[k - i] = sorted[pairs[k]! % ORDINALS]!.number;
        writer.add(fingerprint, numbers.subarray(0, j - i));
      }
      i = j;
    }
    files.set(fullTextPaths.sentences(shard), writer.result());
  }
  return boilerplate.sort(([a], [b]) => a - b);
}

/** A file name for a term's tail, unique among the index's tails (its shard entry names it, so a suffix on the rare
 *  clash is all it takes). */
function tailName(term: string, taken: Set<string>): string {
  const base = tailBaseName(term);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}
