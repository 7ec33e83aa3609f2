/**
 * Words as the full-text index holds them, and as a query is read: one module for the build (the parse workers
 * tokenize every article) and the browser (assets/search.ts bundles it), so the two cannot disagree.
 *
 * What administrators type must survive: a token is a run of letters, digits and `_`, joined across `.` and `-`
 * when a letter or digit follows (`kbstuff.sys`, `0x80004005`, `3.51`, `325-7000`), lower-cased. A joined token
 * is indexed whole and as its parts, so `kbstuff.sys` and `kbstuff` both find `Kbstuff.sys`; numbers are terms of
 * their own, matched whole (`4087` never finds `408` or `40871`). Words of ASCII letters only are stemmed with the
 * Porter stemmer (the `stemmer` package), so `expired` finds `expires`; anything holding a digit or `_` is kept
 * as written (`msexchangeimc`, `ntldr`, `c2065`).
 */
import { stemmer } from 'stemmer';

/**
 * A token: a run of word characters — letters (Latin, Greek, Cyrillic), digits and `_` — joined by single `'`, `’`,
 * `.` or `-` between them; an apostrophe inside a word is dropped (`don't` → `dont`, `Microsoft's` → `microsofts`,
 * stemmed `microsoft`). As a regular expression (the tests check the scanner against it):
 * `[a-z0-9_\u00c0-\u024f\u0370-\u04ff]+(?:['’.-][a-z0-9_\u00c0-\u024f\u0370-\u04ff]+)*` over the lower-cased text. Read
 * by a scanner over character codes, not that expression: the build reads ~200 MB of text, and the scanner learns
 * on the way whether a token holds an apostrophe or a joint, which the expression's match left to four more scans.
 */
const WORD = new Uint8Array(0x500);
for (let c = 0; c < WORD.length; c++) WORD[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 0xc0 && c <= 0x24f) || c >= 0x370 ? 1 : 0;
const isWord = (c: number): boolean => c < 0x500 && WORD[c] === 1;
const APOSTROPHE = /['’]/g;
/** Words of letters only are stemmed (ASCII: the stemmer is English). */
const LETTERS = /^[a-z]+$/;
/** Longest token indexed: longer runs are base64, hex dumps or URLs, not words people type. */
export const MAX_TOKEN_LENGTH = 40;

const terms = new Map<string, string>();

/** The index term of one lower-cased word: stemmed when it is ASCII letters only, else as written. Memoised (the
 *  memo is looked at first: most tokens are words seen before). */
export function termOf(word: string): string {
  // Short words are never stemmed: no memo needed (about a fifth of the tokens).
  if (word.length < 3) return word;
  let term = terms.get(word);
  if (term === undefined) {
    term = LETTERS.test(word) ? stemmer(word) : word;
    // The memo is bounded: the corpus has ~400k distinct words, a long-lived page far fewer.
    if (terms.size > 1_000_000) terms.clear();
    terms.set(word, term);
  }
  return term;
}

/** One token of a text: its term, where it starts and ends in the text, and its parts' terms when joined. */
export interface Token {
  term: string;
  start: number;
  end: number;
  /** The terms of a joined token's parts (`kbstuff.sys` → `kbstuff`, `sys`), in order; empty for a plain word. */
  parts: readonly string[];
}

/**
 * Every token of `text`, in order. `text` is read as written (offsets point into it); case and apostrophes are
 * normalised per token.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  eachToken(text, (term, parts, start, end) => out.push({ term, start, end, parts }));
  return out;
}

/**
 * Calls `f` for every token of `text` without building objects (the build tokenizes ~200 MB of text): its term, its
 * parts' terms (empty unless joined), and its offsets in `text`.
 */
export function eachToken(text: string, f: (term: string, parts: readonly string[], start: number, end: number) => void): void {
  const lower = text.toLowerCase();
  // Lower-casing keeps offsets only when it keeps lengths (it does for the scripts this archive is written in); when
  // it does not, offsets are taken from a copy lower-cased character by character.
  const source = lower.length === text.length ? lower : Array.from(text, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  const n = source.length;
  let i = 0;
  while (i < n) {
    if (!isWord(source.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let apostrophe = false;
    let joined = false;
    for (i++; ; ) {
      while (i < n && isWord(source.charCodeAt(i))) i++;
      // A joint counts only between two word characters.
      const joint = i + 1 < n ? source.charCodeAt(i) : 0;
      if ((joint === 46 || joint === 45 || joint === 39 || joint === 0x2019) && isWord(source.charCodeAt(i + 1))) {
        if (joint === 46 || joint === 45) joined = true;
        else apostrophe = true;
        i += 2;
        continue;
      }
      break;
    }
    const end = i;
    if (end - start > MAX_TOKEN_LENGTH * 2) continue;
    const raw = source.slice(start, end);
    const word = apostrophe ? raw.replace(APOSTROPHE, '') : raw;
    if (!joined) {
      if (word.length <= MAX_TOKEN_LENGTH) f(termOf(word), NO_PARTS, start, end);
      continue;
    }
    const parts = word.split(/[.-]/).filter((p) => p.length <= MAX_TOKEN_LENGTH).map(termOf);
    f(word.length <= MAX_TOKEN_LENGTH ? word : parts[0]!, parts, start, end);
  }
}

const NO_PARTS: readonly string[] = Object.freeze([]);

/** The distinct terms a query's words look up: each token's term, and a joined token's parts as well. */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  eachToken(text, (term, parts) => {
    terms.add(term);
    for (const p of parts) terms.add(p);
  });
  return [...terms];
}

/**
 * The words of a text as written (lower-cased, apostrophes dropped), each with its term: `Savings` → `savings` and
 * `save`. The index keeps a title's forms beside its terms (`EXACT` in format.ts), so that a query word found in a
 * title as typed ranks above the same stem in another form (`savings` over `Saving`).
 */
export function wordForms(text: string): { form: string; term: string }[] {
  const out: { form: string; term: string }[] = [];
  const lower = text.toLowerCase();
  eachToken(text, (term, _parts, start, end) => {
    if (lower.length === text.length) out.push({ form: lower.slice(start, end).replace(APOSTROPHE, ''), term });
  });
  return out;
}
