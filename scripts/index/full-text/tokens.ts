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

/** Letters (Latin, Greek, Cyrillic), digits and `_`, joined by single `.` or `-` between them; an apostrophe inside a
 *  word is dropped (`don't` → `dont`, `Microsoft's` → `microsofts`, stemmed `microsoft`). A plain regular expression,
 *  not Unicode property classes, which cost twice the time over 200 MB of text. */
const TOKEN = /[a-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+(?:['’.-][a-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+)*/g;
const APOSTROPHE = /['’]/g;
/** Words of letters only are stemmed (ASCII: the stemmer is English). */
const LETTERS = /^[a-z]+$/;
/** Longest token indexed: longer runs are base64, hex dumps or URLs, not words people type. */
export const MAX_TOKEN_LENGTH = 40;

const terms = new Map<string, string>();

/** The index term of one lower-cased word: stemmed when it is ASCII letters only, else as written. Memoised (the
 *  memo is looked at first: most tokens are words seen before). */
export function termOf(word: string): string {
  let term = terms.get(word);
  if (term === undefined) {
    term = word.length < 3 || !LETTERS.test(word) ? word : stemmer(word);
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
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m !== null; m = TOKEN.exec(source)) {
    const raw = m[0];
    if (raw.length > MAX_TOKEN_LENGTH * 2) continue;
    const word = raw.includes("'") || raw.includes('’') ? raw.replace(APOSTROPHE, '') : raw;
    const start = m.index;
    const end = start + raw.length;
    if (!word.includes('.') && !word.includes('-')) {
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
