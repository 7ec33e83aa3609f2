/**
 * The article type readers filter by, decided from the title tags, the footer `Issue type` and keywords.
 *
 * Types: `bug`, `fix`, `prb`, `info`, `howto`, `doc`, `sample`, `errmsg`, `file`, `other`.
 *
 * Order of evidence (first that applies wins), and why:
 * 1. Title tag `FIX:` → `fix` (2,416 titles). The footer cannot say it: a fixed bug is `kbbug` there
 *    (with `Solution Type: kbfix`), and readers look for "fixed in" articles by the tag.
 * 2. Title tags for a kind of article rather than an issue: `DOC:`/`DOCERR:`/`Doc Err:`/`DOCFIX:` → `doc`,
 *    `SAMPLE:` → `sample`. Their footer issue type, when present, is a coarse `kbinfo`/`kbbug`.
 * 3. The footer `Issue type` (bug/prb/info/howto): the authoritative field where it exists (32,778 pages);
 *    FORMAT §9 notes issue-type tags are spread over products and the footer is the thing to trust.
 * 4. Other title tags: `BUG`, `PRB`, `INFO`/`INF` (the SQL/ODBC spelling), `HOWTO`/`HOW TO`, error-message
 *    tags (`ERRMSG`, `Err Msg`, `Windows Err Msg`, `Error Message`, `STOP Msg` …) → `errmsg`, `FILE` → `file`.
 * 5. Keywords, for pages with neither (old and MSPL articles): MSPL `fixlistN`/`buglistN`/`docerr`, KB
 *    `kbfixlist`/`kbbuglist`/`kbdocerr`/`kbdocfix`/`kberrmsg`/`kbsample`/`kbhowto…`/`kbprb`/`kbinfo`/`kbbug`,
 *    `kbArtTypeINF`/`kbfaq` → `info`.
 * 6. Otherwise `other`.
 */

export type ArticleType = 'bug' | 'fix' | 'prb' | 'info' | 'howto' | 'doc' | 'sample' | 'errmsg' | 'file' | 'other';

/** All types, in the order of the browse pages. */
export const ARTICLE_TYPES: readonly { type: ArticleType; name: string }[] = [
  { type: 'bug', name: 'Bugs' },
  { type: 'fix', name: 'Fixes' },
  { type: 'prb', name: 'Problems' },
  { type: 'errmsg', name: 'Error messages' },
  { type: 'howto', name: 'How-to' },
  { type: 'info', name: 'Information' },
  { type: 'doc', name: 'Documentation corrections' },
  { type: 'sample', name: 'Samples' },
  { type: 'file', name: 'Downloadable files' },
  { type: 'other', name: 'Other' },
];

/** Tag (upper-cased, spaces removed) → type, for step 1–2 (`strong`) and step 4. */
const STRONG_TAGS: Record<string, ArticleType> = {
  FIX: 'fix',
  DOC: 'doc',
  DOCERR: 'doc',
  DOCFIX: 'doc',
  SAMPLE: 'sample',
};
const WEAK_TAGS: Record<string, ArticleType> = {
  BUG: 'bug',
  PRB: 'prb',
  INFO: 'info',
  INF: 'info',
  HOWTO: 'howto',
  FILE: 'file',
  ERRMSG: 'errmsg',
  ERROR: 'errmsg',
  ERR: 'errmsg',
  ERRORMESSAGE: 'errmsg',
};
const ISSUE_TYPES: Record<string, ArticleType> = {
  kbbug: 'bug',
  kbprb: 'prb',
  kbinfo: 'info',
  kbhowto: 'howto',
};

function tagKey(tag: string): string {
  return tag.toUpperCase().replace(/\s+/g, '');
}

/** `Windows Err Msg`, `WFWG Error Message`, `STOP Msg`, `Err Msg Running MSD`: an error-message tag with a product or context. */
function isErrorMessageTag(tag: string): boolean {
  return /\b(?:err(?:or)?\s*msg|error message|stop msg)\b/i.test(tag);
}

function typeFromKeyword(keyword: string): ArticleType | null {
  const k = keyword.toLowerCase();
  if (/^(kb)?fixlist/.test(k)) return 'fix';
  if (/^(kb)?buglist/.test(k)) return 'bug';
  if (/^(kb)?doc(err|fix)$/.test(k)) return 'doc';
  if (k === 'kberrmsg') return 'errmsg';
  if (k === 'kbsample') return 'sample';
  if (k === 'kbhowto' || k === 'kbhowtomaster') return 'howto';
  // `kbArtTypeINF` (186 pages) names the article type outright; `kbfaq` (1,517) marks question-and-answer notes.
  if (k === 'kbarttypeinf' || k === 'kbfaq') return 'info';
  return ISSUE_TYPES[k] ?? null;
}

export interface ArticleTypeInput {
  titleTags: readonly string[];
  /** The normalised footer issue type (`kbprb`), or null. */
  issueType: string | null;
  keywords: readonly string[];
}

export function articleType({ titleTags, issueType, keywords }: ArticleTypeInput): ArticleType {
  for (const tag of titleTags) {
    const strong = STRONG_TAGS[tagKey(tag)];
    if (strong) return strong;
  }
  const fromIssue = issueType === null ? undefined : ISSUE_TYPES[issueType.toLowerCase()];
  if (fromIssue) return fromIssue;
  for (const tag of titleTags) {
    const weak = WEAK_TAGS[tagKey(tag)] ?? (isErrorMessageTag(tag) ? 'errmsg' : undefined);
    if (weak) return weak;
  }
  // Keyword evidence in the order of precedence of the list above, not of the keywords.
  const fromKeywords = new Set(keywords.map(typeFromKeyword));
  for (const type of ['fix', 'doc', 'sample', 'bug', 'prb', 'errmsg', 'howto', 'info'] as const) {
    if (fromKeywords.has(type)) return type;
  }
  return 'other';
}
