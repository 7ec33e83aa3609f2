/**
 * What an article's page is made from, digested once where the article is parsed (pipeline/article.ts) and cached
 * with it: a rebuild fingerprints the 59k article pages (incremental.ts) from these digests and the few fields
 * linking adds, instead of serialising every record and hashing every body again on the main thread (5.5 s of a
 * one-article rebuild on the full corpus).
 */
import { createHash } from 'node:crypto';
import type { ArticlePage } from '../../layouts/lib/site.ts';
import { citedInBody } from '../link/body-links.ts';
import type { ArticleRecord } from '../types.ts';

/**
 * Calls `f` with every string that names an article (`Q182346`) in JSON text: whatever of another article a page
 * shows comes from its summary. A name counts as a whole string value or key (after `[`, `{`, `,` or `:`), as the
 * expression `/[[{,:]"(Q\d+)"/g` would find it; scanned by hand because a rebuild looks through the 16 MB of JSON of
 * 72k pages (the expression's match objects cost 0.8 s). Text that merely looks like a name costs a needless render
 * at worst, never a stale page.
 */
export function eachNamedArticle(json: string, f: (id: string) => void): void {
  for (let at = json.indexOf('"Q'); at >= 0; at = json.indexOf('"Q', at + 2)) {
    const before = json.charCodeAt(at - 1);
    // [ { , :
    if (before !== 91 && before !== 123 && before !== 44 && before !== 58) continue;
    let end = at + 2;
    while (end < json.length && json.charCodeAt(end) >= 48 && json.charCodeAt(end) <= 57) end++;
    if (end > at + 2 && json.charCodeAt(end) === 34) {
      f(json.slice(at + 1, end));
      at = end - 1;
    }
  }
}

/** The parse of one article as its page sees it (`ProcessedArticle.pageInputs`). */
export interface ParsedPageInputs {
  /** Hash of the record, the body as parsed and the plain text ('' without a record). */
  digest: string;
  /** Articles the record names or the body cites: the page shows their titles, or links to them if they exist. */
  names: string[];
}

/** What identifies a page of data for its fingerprint (`selectPages`'s `inputsOf`, incremental.ts). */
export interface PageInputs {
  /** Digest of the part hashed ahead of time. */
  digest: string;
  /** Articles that part names: the page is made again when one of their summaries changes (incremental.ts). */
  names: readonly string[];
  /** The rest of the item, hashed as JSON; the articles its JSON names count as `names` do. */
  rest: object;
  /** Known to be the inputs of the last build's page at the same path (its article and links unchanged since). */
  asLast?: boolean;
}

export function parsedPageInputs(record: ArticleRecord | null, bodyHtml: string, plainText: string): ParsedPageInputs {
  if (!record) return { digest: '', names: [] };
  const json = JSON.stringify(record);
  const names = new Set<string>();
  eachNamedArticle(json, (id) => names.add(id));
  for (const id of citedInBody(bodyHtml)) names.add(id);
  // The plain text is published beside the page (write/articles.ts), which is kept with the page.
  const digest = createHash('sha256').update(json).update('\0').update(bodyHtml).update('\0').update(plainText).digest('base64url');
  return { digest, names: [...names] };
}

/**
 * An article page's inputs: its parse (digested ahead) and what linking put beside the record. The body on the page
 * is the parsed one with its citations resolved (link/body-links.ts), which depends only on whether each cited
 * article exists and on its permalink: both in the cited articles' summaries, which count through `names`.
 */
export function articlePageInputs(page: ArticlePage, record: ArticleRecord, parsed: ParsedPageInputs): PageInputs {
  const rest: Record<string, unknown> = {};
  const own = record as unknown as Record<string, unknown>;
  // Whatever is not the record's own value is hashed as it is: a field linking adds later is never missed.
  const fields = page as unknown as Record<string, unknown>;
  // `for…in`, not Object.entries: no array per field, 59k pages a rebuild.
  for (const key in fields) if (key !== 'bodyHtml' && own[key] !== fields[key]) rest[key] = fields[key];
  return { digest: parsed.digest, names: parsed.names, rest };
}
