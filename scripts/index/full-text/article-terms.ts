/**
 * What one article gives the full-text index: its terms with field-weighted frequencies and the places they occur.
 * Made on the parse workers (pipeline/article.ts) and cached with the article, so the index stage does no text work
 * and a rebuild tokenizes only the articles that changed.
 *
 * Everything the article says is indexed: the title, its symptoms (error messages, events, error codes), headings,
 * applies-to, query words, keywords, product, and the whole body. Fields are weighted (BM25F-style: a term's
 * frequency is the sum over fields of its count times the field's weight), so a word of the title or an error
 * message outweighs the same word in passing.
 *
 * Where a term occurs is kept coarsely, as the numbers of the 16-token blocks it falls in (at most 16 per term):
 * enough for search to favour articles where the query's words stand together (a pasted sentence, a quoted phrase)
 * over articles where they are scattered, at a byte or so per block instead of a position per occurrence.
 *
 * And the fingerprints of its sentences (sentences.ts), made in the same pass over the tokens: a sentence pasted whole
 * finds the articles that hold it as written, even when every word of it is in thousands of articles.
 */
import type { ArticleRecord } from '../../types.ts';
import { SentenceSplitter, type SentenceMode } from './sentences.ts';
import { eachToken } from './tokens.ts';

/** Weight of each field in a term's frequency. The body's words count once. */
export const FIELD_WEIGHTS = { title: 6, symptoms: 4, outline: 2, body: 1 } as const;

/** Tokens per block: a sentence of 10–15 words spans at most two adjacent blocks. */
export const BLOCK_TOKENS = 16;
/** Blocks kept per term and article, the first ones: a word repeated all through a long article needs no more. */
export const MAX_BLOCKS = 16;
/** Largest field-weighted frequency kept (it saturates in BM25 long before). */
const MAX_WEIGHT = 0xffff;

/** One article's contribution to the index: compact, so that 59k of them cache and cross threads cheaply. */
export interface ArticleTerms {
  /** Tokens in all fields: the article's length for BM25's normalisation. */
  length: number;
  /** Its distinct terms, joined by `\n` (one string: 59k arrays of ~170 strings each would weigh on the heap). */
  terms: string;
  /** Per term, in the order of `terms`: the field-weighted frequency. */
  weights: Uint16Array;
  /** Per term: how many of its blocks follow in `blocks`. */
  blockCounts: Uint8Array;
  /** Per term, its block numbers in ascending order, concatenated. */
  blocks: Uint16Array;
  /** The fingerprints of its sentences and their comma tails (sentences.ts): distinct, ascending. */
  sentences: Uint32Array;
}

/** The article's fields, in the order their tokens are numbered, with their weights and how their lines are read
 *  into sentences (the symptoms and the outline are lists, one item a line). */
export function articleFields(record: ArticleRecord, bodyText: string): [text: string, weight: number, mode: SentenceMode][] {
  const symptoms = [
    `${record.id} KB${record.number}`,
    // An event named only in a cited article's title is that article's symptom, not this one's.
    ...record.events.filter((e) => !e.via).map((e) => `Event ID ${e.id}${e.source ? ` ${e.source}` : ''}`),
    ...record.errorCodes.map((c) => c.display),
    ...record.errorMessages,
    // The entry as the event log shows it: a message pasted from Event Viewer weighs as a symptom.
    ...record.eventMessages.map((m) => m.message),
  ];
  const outline = [...record.sections, ...record.appliesTo, ...record.queryWords, ...record.keywords, record.product ?? ''];
  return [
    [record.title, FIELD_WEIGHTS.title, 'prose'],
    [symptoms.join('\n'), FIELD_WEIGHTS.symptoms, 'lines'],
    [outline.join('\n'), FIELD_WEIGHTS.outline, 'lines'],
    [bodyText, FIELD_WEIGHTS.body, 'prose'],
  ];
}

/** The terms of one article (see the module's comment). Pure. */
export function articleTerms(record: ArticleRecord, bodyText: string): ArticleTerms {
  // Terms by first appearance, with parallel typed arrays (no object per term: 60k articles of ~200 terms each).
  const index = new Map<string, number>();
  const terms: string[] = [];
  let weights = new Uint32Array(256);
  let counts = new Uint8Array(256);
  let lastBlock = new Int32Array(256);
  // (term, block) pairs in order of appearance; sorted by term at the end.
  let pairs = new Int32Array(1024);
  let pairCount = 0;
  let position = 0;
  const add = (term: string, weight: number, block: number) => {
    let t = index.get(term);
    if (t === undefined) {
      t = terms.length;
      index.set(term, t);
      terms.push(term);
      if (t === weights.length) {
        weights = grow(weights, new Uint32Array(t * 2));
        counts = grow(counts, new Uint8Array(t * 2));
        lastBlock = grow(lastBlock, new Int32Array(t * 2));
      }
      lastBlock[t] = -1;
    }
    weights[t] = weights[t]! + weight;
    if (counts[t]! < MAX_BLOCKS && lastBlock[t] !== block) {
      if (pairCount * 2 === pairs.length) pairs = grow(pairs, new Int32Array(pairs.length * 2));
      pairs[pairCount * 2] = t;
      pairs[pairCount * 2 + 1] = block;
      pairCount++;
      counts[t]!++;
      lastBlock[t] = block;
    }
  };
  const fingerprints = new Set<number>();
  const addSentence = (fingerprint: number) => fingerprints.add(fingerprint);
  for (const [text, weight, mode] of articleFields(record, bodyText)) {
    const sentences = new SentenceSplitter(text, mode, addSentence);
    eachToken(text, (term, parts, start, end) => {
      sentences.token(term, start, end);
      const block = Math.min(0xffff, Math.floor(position / BLOCK_TOKENS));
      add(term, weight, block);
      if (parts.length === 0) {
        position++;
        return;
      }
      // A joined token counts at its first part's place; each part is a token of its own.
      for (const part of parts) {
        add(part, weight, Math.min(0xffff, Math.floor(position / BLOCK_TOKENS)));
        position++;
      }
    });
    sentences.end();
  }
  const n = terms.length;
  const blockCounts = counts.slice(0, n);
  const starts = new Int32Array(n);
  for (let t = 1; t < n; t++) starts[t] = starts[t - 1]! + blockCounts[t - 1]!;
  const blocks = new Uint16Array(pairCount);
  for (let i = 0; i < pairCount; i++) blocks[starts[pairs[i * 2]!]!++] = pairs[i * 2 + 1]!;
  const clamped = new Uint16Array(n);
  for (let t = 0; t < n; t++) clamped[t] = Math.min(MAX_WEIGHT, weights[t]!);
  const sentences = Uint32Array.from(fingerprints).sort();
  return { length: position, terms: terms.join('\n'), weights: clamped, blockCounts, blocks, sentences };
}

function grow<T extends Uint8Array | Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
