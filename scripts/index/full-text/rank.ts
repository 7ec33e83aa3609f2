/**
 * A full-text query against the static index: which files it reads, and how it ranks what they hold. Pure apart from
 * the `fetch` it is given, so the browser (assets/search.ts) and the evaluation (scripts/bench-search.ts) run the very
 * same code, the one over HTTP, the other over the built folder.
 *
 * One round of requests: the shard of every query term and the list of every filter, all at once. Ranking is BM25
 * over the field-weighted impacts the build stored, plus a bonus for query terms that stand together (the blocks the
 * shards keep): a pasted sentence or message finds the article it came from before articles that merely share its
 * words. Quoted phrases must match: articles lacking a phrase's terms are dropped here, and the page checks the
 * phrase itself in the text it fetches for display (`phraseIn`, snippet.ts).
 *
 * A query of more than four words (a pasted sentence or message) leaves out its common terms (held by more than a
 * tenth of the articles, listed by the build in `IndexFigures.commonTerms`), whose lists cost ~50 KB each and tell
 * little; it reads, in the same round, the sentence shard of each of its sentences (sentences.ts): the articles
 * holding a sentence of the query as written rank above those that merely hold its words, however common the words
 * are, and that is what tells the article a sentence came from.
 */
import {
  decodeList, decodeSentenceShard, decodeShard, exactTerm, fullTextPaths, idf, impactOfByte, inTitle, shardOfSentence, shardOfTerm, type Postings, type ShardTerm,
} from './format.ts';
import { sentencesOf } from './sentences.ts';
import { eachToken, wordForms } from './tokens.ts';

/** What the build tells the script about the index (bundled into it: no request needed). */
export interface IndexFigures {
  /** Articles indexed: idf's N. */
  articles: number;
  /** Terms held by more than a tenth of the articles. */
  commonTerms: string[];
}

export const FILTER_NAMES = ['family', 'type', 'year', 'source'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type Filters = Partial<Record<FilterName, string>>;

/** Reads one file of the site: its bytes, or null when the site has no such file. */
export type FetchBytes = (sitePath: string) => Promise<Uint8Array | null>;

/** One word of a query: the term looked up, or a joined token's parts when the whole is not in the index. */
interface QueryWord {
  term: string;
  parts: string[];
  /** Index of the quoted phrase it belongs to, or -1. */
  phrase: number;
}

export interface ParsedWords {
  words: QueryWord[];
  /** Each quoted phrase's text. */
  phrases: string[];
}

/** The query's words and quoted phrases. */
export function parseWords(text: string): ParsedWords {
  const words: QueryWord[] = [];
  const phrases: string[] = [];
  const seen = new Set<string>();
  const add = (segment: string, phrase: number) =>
    eachToken(segment, (term, parts) => {
      // A phrase keeps every word (they are checked in order); elsewhere a repeated word counts once.
      if (phrase < 0 && seen.has(term)) return;
      seen.add(term);
      words.push({ term, parts: [...parts], phrase });
    });
  let rest = text;
  const quoted = /["“”]([^"“”]+)["“”]/g;
  rest = text.replace(quoted, (_, inner: string) => {
    if (/[\p{L}\p{N}]/u.test(inner)) {
      phrases.push(inner.trim());
      add(inner, phrases.length - 1);
    }
    return ' ';
  });
  add(rest.replace(/["“”]/g, ' '), -1);
  return { words, phrases };
}

export interface RankedArticle {
  number: number;
  score: number;
  /** Tokens of the query's sentences the article holds as written (their fingerprints): it ranks before the score. */
  sentenceTokens: number;
}

export interface Ranking {
  /** Best first. */
  results: RankedArticle[];
  /** The terms found, each with its weight (its idf), for the snippet: where the rarest of them stand, marked (a joined
   *  token's parts included when they were looked up instead). */
  weights: Map<string, number>;
  /** The quoted phrases, which the display checks in the text. */
  phrases: string[];
}

/** Results a filtered query wants at least before it reads its terms' tails. */
const FILTERED_WANTED = 20;

/** The ranking's weights (see `score`); one object so the bench can try others against the evaluation set. */
export const tuning = {
  /** Per unit of idf, for query terms that stand together (in one block or the next). */
  proximity: 1,
  /** Per unit of idf, for a query term in the article's title. */
  title: 0.5,
  /** The score is scaled by the share of the query's terms the article holds, to this power. */
  coordination: 3,
  /** Per unit of idf, for a query of two or more terms that are all in the article's title. */
  wholeTitle: 1,
  /** Per unit of idf, for a query word in the article's title as typed (`savings`, not `Saving`); short queries only. */
  exactTitle: 0.25,
};

/** Longest query read word by word; a longer one is a pasted sentence (see the module's comment). */
const SHORT_QUERY_WORDS = 4;

/** A query word as ranked: its term's entry and weight, and the quoted phrase it belongs to (-1 for none). */
interface Unit {
  term: string;
  entry: ShardTerm;
  weight: number;
  phrase: number;
}

export async function rankQuery(text: string, filters: Filters, figures: IndexFigures, get: FetchBytes): Promise<Ranking> {
  const parsed = parseWords(text);
  const common = new Set(figures.commonTerms);
  let words = parsed.words;
  const sentence = words.length > SHORT_QUERY_WORDS;
  if (sentence) {
    // A long query's common words are left out (see the module's comment), unless it has no other.
    const rare = words.filter((w) => w.phrase >= 0 || !common.has(w.term));
    if (rare.length > 0) words = rare;
  }
  // Quoted common words are checked in the text, not looked up.
  words = words.filter((w) => w.phrase < 0 || !common.has(w.term) || words.every((x) => common.has(x.term)));

  const found = new Map<string, ShardTerm>();
  /** Looks up terms (`[term, the term whose shard holds it]`), their shards all at once. */
  const lookUp = async (terms: Iterable<readonly [string, string]>) => {
    const byShard = new Map<number, Set<string>>();
    for (const [term, shardTerm] of terms) {
      const shard = shardOfTerm(shardTerm);
      (byShard.get(shard) ?? byShard.set(shard, new Set()).get(shard)!).add(term);
    }
    await Promise.all([...byShard].map(async ([shard, wanted]) => {
      const bytes = await get(fullTextPaths.shard(shard));
      if (bytes) for (const [term, entry] of decodeShard(bytes, wanted)) found.set(term, entry);
    }));
  };
  const chosenFilters = FILTER_NAMES.flatMap((name) => (filters[name] ? [[name, filters[name]!] as const] : []));
  // A short query's words as typed are looked up as exact title terms too, in the shards of their terms.
  const forms = sentence ? [] : [...new Map(wordForms(text).filter((f) => words.some((w) => w.term === f.term)).map((f) => [f.form, f])).values()];
  const [, filterLists, held] = await Promise.all([
    lookUp([...words.map((w) => [w.term, w.term] as const), ...forms.map((f) => [exactTerm(f.form), f.term] as const)]),
    Promise.all(chosenFilters.map(async ([name, value]) => {
      const bytes = await get(fullTextPaths.filter(name, value));
      return bytes ? decodeList(bytes, false).numbers : [];
    })),
    sentence ? sentenceHolders(text, get) : new Map<number, number>(),
  ]);
  // A joined token the index lacks as a whole (`dial-up` where articles say `dial up`) is looked up by its parts: a
  // further request, only then.
  const missing = words.filter((w) => !found.has(w.term) && w.parts.length > 0);
  if (missing.length > 0) await lookUp(missing.flatMap((w) => w.parts.map((p) => [p, p] as const)));

  // Each query word becomes one or more units: its term when the index has it, else its parts.
  const units: Unit[] = [];
  for (const w of words) {
    const whole = found.get(w.term);
    const terms = whole ? [w.term] : w.parts;
    for (const term of terms) {
      const entry = found.get(term);
      if (entry && !units.some((u) => u.term === term)) units.push({ term, entry, weight: idf(entry.df, figures.articles), phrase: w.phrase });
    }
  }
  const allowed = intersectAll(filterLists);
  const browse = units.length === 0 && parsed.words.length === 0;

  const tailsFor = async (which: Unit[]) => {
    await Promise.all(which.map(async (u) => {
      const bytes = await get(fullTextPaths.tail(u.entry.tail!));
      if (bytes) u.entry = { ...u.entry, tail: null, postings: mergePostings(u.entry.postings, decodeList(bytes, true)) };
    }));
  };
  // A quoted phrase must be found in every article that holds it, not only those where its words weigh most; and a
  // pasted sentence in the article it came from, where its rarest words may weigh little. Common terms aside, a tail
  // is a few kilobytes.
  if (parsed.phrases.length > 0 || sentence) await tailsFor(units.filter((u) => u.entry.tail !== null && !common.has(u.term)));

  const weights = new Map(units.map((u) => [u.term, u.weight]));
  if (browse) return { results: [...(allowed ?? [])].sort((a, b) => b - a).map((number) => ({ number, score: 0, sentenceTokens: 0 })), weights, phrases: parsed.phrases };
  const exact = forms.flatMap((f) => {
    const entry = found.get(exactTerm(f.form));
    const unit = units.find((u) => u.term === f.term);
    return entry && unit ? [{ numbers: entry.postings.numbers, weight: unit.weight }] : [];
  });
  let results = score(units, allowed, parsed.phrases.length, held, exact);
  if (allowed && results.length < FILTERED_WANTED && units.some((u) => u.entry.tail !== null)) {
    await tailsFor(units.filter((u) => u.entry.tail !== null));
    results = score(units, allowed, parsed.phrases.length, held, exact);
  }
  return { results, weights, phrases: parsed.phrases };
}

/**
 * Which articles hold the query's sentences as written: article number → the tokens of the sentences it holds. Each
 * sentence's shard is fetched once, all at once.
 */
async function sentenceHolders(text: string, get: FetchBytes): Promise<Map<number, number>> {
  const tokens = new Map<number, number>();
  for (const s of sentencesOf(text)) if (s.whole) tokens.set(s.fingerprint, s.terms.length);
  const byShard = new Map<number, Set<number>>();
  for (const fingerprint of tokens.keys()) {
    const shard = shardOfSentence(fingerprint);
    (byShard.get(shard) ?? byShard.set(shard, new Set()).get(shard)!).add(fingerprint);
  }
  const held = new Map<number, number>();
  await Promise.all([...byShard].map(async ([shard, wanted]) => {
    const bytes = await get(fullTextPaths.sentences(shard));
    if (!bytes) return;
    for (const [fingerprint, numbers] of decodeSentenceShard(bytes, shard, wanted)) {
      for (const number of numbers) held.set(number, (held.get(number) ?? 0) + tokens.get(fingerprint)!);
    }
  }));
  return held;
}

function intersectAll(lists: number[][]): Set<number> | null {
  if (lists.length === 0) return null;
  const [first, ...others] = [...lists].sort((a, b) => a.length - b.length);
  let set = new Set(first);
  for (const list of others) {
    const next = new Set<number>();
    for (const n of list) if (set.has(n)) next.add(n);
    set = next;
  }
  return set;
}

/** A head and its tail as one list (scoring does not need it in order). */
function mergePostings(head: Postings, tail: Postings): Postings {
  const impacts = new Uint8Array(head.impacts.length + tail.impacts.length);
  impacts.set(head.impacts);
  impacts.set(tail.impacts, head.impacts.length);
  return {
    numbers: [...head.numbers, ...tail.numbers],
    impacts,
    blocks: head.blocks && tail.blocks ? [...head.blocks, ...tail.blocks] : null,
  };
}

interface Candidate {
  bm25: number;
  matched: number;
  /** Per unit that kept blocks: its blocks here. */
  blocks: { weight: number; blocks: number[] }[];
  phraseUnits: number;
  /** Query terms found in its title. */
  titleUnits: number;
}

/** The candidates, best first (see scripts/index/README.md for the formula). */
function score(units: Unit[], allowed: Set<number> | null, phraseCount: number, held: ReadonlyMap<number, number>, exact: readonly { numbers: number[]; weight: number }[]): RankedArticle[] {
  const termCount = units.length;
  const candidates = new Map<number, Candidate>();
  const phraseUnits = units.filter((u) => u.phrase >= 0).length;
  const queryWeight = units.reduce((sum, u) => sum + u.weight, 0);
  for (const unit of units) {
    const { numbers, impacts, blocks } = unit.entry.postings;
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i]!;
      if (allowed && !allowed.has(number)) continue;
      let c = candidates.get(number);
      if (!c) candidates.set(number, (c = { bm25: 0, matched: 0, blocks: [], phraseUnits: 0, titleUnits: 0 }));
      c.bm25 += unit.weight * (impactOfByte(impacts[i]!) + (inTitle(impacts[i]!) ? tuning.title : 0));
      if (inTitle(impacts[i]!)) c.titleUnits++;
      c.matched++;
      if (unit.phrase >= 0) c.phraseUnits++;
      const here = blocks?.[i];
      if (here && here.length > 0) c.blocks.push({ weight: unit.weight, blocks: here });
    }
  }
  for (const { numbers, weight } of exact) {
    for (const number of numbers) {
      const c = candidates.get(number);
      if (c) c.bm25 += tuning.exactTitle * weight;
    }
  }
  // An article holding a sentence of the query is a candidate even when the words' lists left it out (their heads).
  for (const number of held.keys()) {
    if (!candidates.has(number) && (!allowed || allowed.has(number))) candidates.set(number, { bm25: 0, matched: 0, blocks: [], phraseUnits: 0, titleUnits: 0 });
  }
  const results: RankedArticle[] = [];
  for (const [number, c] of candidates) {
    // A quoted phrase's words must all be there; the page then checks them in order.
    if (phraseCount > 0 && c.phraseUnits < phraseUnits) continue;
    const coordination = tuning.coordination === 0 || termCount === 0 ? 1 : (c.matched / termCount) ** tuning.coordination;
    const wholeTitle = termCount >= 2 && c.titleUnits === termCount ? tuning.wholeTitle * queryWeight : 0;
    results.push({ number, score: (c.bm25 + tuning.proximity * together(c.blocks) + wholeTitle) * coordination, sentenceTokens: held.get(number) ?? 0 });
  }
  results.sort((a, b) => b.sentenceTokens - a.sentenceTokens || b.score - a.score || a.number - b.number);
  return results;
}

/**
 * The idf of the query terms that stand together at best: the largest sum of weights of terms found in one block or
 * the next, counting only when two or more terms meet there.
 */
export function together(units: { weight: number; blocks: number[] }[]): number {
  if (units.length < 2) return 0;
  // Window b covers blocks b and b + 1: a term in block x is in windows x - 1 and x.
  const sum = new Map<number, number>();
  const count = new Map<number, number>();
  for (const u of units) {
    const windows = new Set<number>();
    for (const x of u.blocks) {
      windows.add(x - 1);
      windows.add(x);
    }
    for (const w of windows) {
      sum.set(w, (sum.get(w) ?? 0) + u.weight);
      count.set(w, (count.get(w) ?? 0) + 1);
    }
  }
  let best = 0;
  for (const [w, total] of sum) if (count.get(w)! >= 2 && total > best) best = total;
  return best;
}
