/**
 * A result's snippet: the passage of the article's text where the query matched best, with the matching words
 * marked. The browser takes the text from the article's own page (fetched for display); this module only chooses.
 * Pure, so it is tested in Node and bundled into the search script.
 */
import { eachToken } from './tokens.ts';

/** Words in a snippet. */
export const SNIPPET_WORDS = 30;

/** A piece of a snippet: text, marked or not. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * The window of `SNIPPET_WORDS` tokens holding the greatest weight of distinct query terms (ties: the earliest), as
 * parts with the query's terms marked; a phrase's occurrence, when one is found, is preferred. With no query term in
 * the text, its opening words.
 */
export function snippetOf(text: string, weights: ReadonlyMap<string, number>, phrases: readonly string[] = []): SnippetPart[] {
  const tokens: { start: number; end: number; term: string | null }[] = [];
  eachToken(text, (term, parts, start, end) => {
    const hit = weights.has(term) ? term : parts.find((p) => weights.has(p)) ?? null;
    tokens.push({ start, end, term: hit });
  });
  if (tokens.length === 0) return text.trim() ? [{ text: clip(text.trim()), mark: false }] : [];

  let bestStart = 0;
  const all = phrases.length > 0 ? termsOf(text) : [];
  const phraseAt = phrases.map((p) => phraseStart(all, p)).find((i) => i >= 0) ?? -1;
  if (phraseAt >= 0) {
    bestStart = Math.max(0, phraseAt - 4);
  } else {
    let best = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.term === null) continue;
      const seen = new Set<string>();
      let score = 0;
      for (let j = i; j < Math.min(tokens.length, i + SNIPPET_WORDS); j++) {
        const term = tokens[j]!.term;
        if (term === null) continue;
        // A term again counts a little: two different words beat one word twice.
        score += seen.has(term) ? 0.1 : weights.get(term)!;
        seen.add(term);
      }
      if (score > best) {
        best = score;
        bestStart = i;
      }
    }
    // Open a few words before the first match, so it reads in context.
    bestStart = Math.max(0, bestStart - 4);
  }
  const window = tokens.slice(bestStart, bestStart + SNIPPET_WORDS);
  const parts: SnippetPart[] = [];
  let at = window[0]!.start;
  for (const t of window) {
    if (t.term === null) continue;
    if (t.start > at) parts.push({ text: text.slice(at, t.start), mark: false });
    parts.push({ text: text.slice(t.start, t.end), mark: true });
    at = t.end;
  }
  const end = window[window.length - 1]!.end;
  if (end > at) parts.push({ text: text.slice(at, end), mark: false });
  const collapsed = parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  if (bestStart > 0) collapsed.unshift({ text: '… ', mark: false });
  if (bestStart + SNIPPET_WORDS < tokens.length) collapsed.push({ text: ' …', mark: false });
  return collapsed;
}

/** Whether `text` holds the phrase: its tokens in order, one after another. */
export function phraseIn(text: string, phrase: string): boolean {
  return phraseStart(termsOf(text), phrase) >= 0;
}

/** Where the phrase's terms first stand in order in `terms`, or -1 (0 for a phrase of no terms). */
function phraseStart(terms: readonly string[], phrase: string): number {
  const wanted = termsOf(phrase);
  outer: for (let i = 0; i + wanted.length <= terms.length; i++) {
    for (let j = 0; j < wanted.length; j++) if (terms[i + j] !== wanted[j]) continue outer;
    return i;
  }
  return -1;
}

function termsOf(text: string): string[] {
  const out: string[] = [];
  eachToken(text, (term) => out.push(term));
  return out;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)} …` : text;
}
