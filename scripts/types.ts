/**
 * The data that flows through the build, stage by stage:
 *
 *   read      SourceFile      a file found under --source, its bytes decoded to text
 *   parse     ParsedArticle   front matter + the KB text recognised into raw header/footer fields and a body tree
 *   normalise ArticleRecord   the contract of PRODUCT.md: normalised fields, symptoms and citations
 *   link      LinkedArticle   the record plus what needs the whole archive (cited-by, related, prev/next)
 *   render    pages written by Eleventy from the linked records
 *   index     the full-text search index and the exact-lookup tables
 *
 * Every stage is a plain function over these values; problems travel as Diagnostics, never as exceptions.
 */

/** A problem found in the input. Bad content never throws: it becomes one of these. */
export interface Diagnostic {
  /** Path of the input file, relative to --source (e.g. `kb/182/Q182346/README.md`). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** `warning`: the article is still built; `rejected`: the file yields no page. */
  severity: 'warning' | 'rejected';
  /** Stable rule id, e.g. `kb:front-matter-yaml`, `kb:date-invalid`, `kb:duplicate-id`. */
  rule: string;
  /** A sentence for people: what is wrong and what to do. */
  message: string;
}

/** Stage 1 (read): one input file, decoded. */
export interface SourceFile {
  /** Path relative to the source root, with `/` separators: `kb/182/Q182346/README.md`. */
  path: string;
  /** The article id implied by the folder (`Q182346`), or null when the path does not name one. */
  folderId: string | null;
  /** The decoded text, with line endings normalised to `\n` and any BOM removed. */
  text: string;
  /** The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …). */
  encoding: string;
  /** Size in bytes on disk. */
  bytes: number;
}

/**
 * The raw values the KB recogniser pulls out of the article's plain text, as written (trimmed),
 * before any normalisation. Keys absent when the line is absent.
 */
export interface KbRawFields {
  /** Header block: `Article:`, `Product(s):`, `Version(s):`, `Operating System(s):`, `Keyword(s):`, `Last Modified:`. */
  header: {
    article?: string;
    product?: string;
    versions?: string;
    os?: string;
    keywords?: string;
    lastModified?: string;
  };
  /** Footer (`Label   : value` lines between the `====` rules), keyed by label lower-cased: `keywords`, `technology`, `version`, `issue type`, `solution type`, `hardware`, `component`, `platform`. */
  footer: Record<string, string>;
  /** Items of the "applies to" list, without the `- `, continuation lines joined by a space. */
  appliesTo: string[];
  /** The `Additional query words:` value (all occurrences joined by a space), or null when absent. */
  queryWords: string | null;
}

/** What the recogniser found, for the rule counts that justify it (issue #2: "measure how often each rule fires"). */
export type RuleCounts = Record<string, number>;

/** Stage 2 (parse): one article, recognised. */
export interface ParsedArticle {
  source: SourceFile;
  /** Front matter (gray-matter) — `title`, `permalink`, `layout` as found; validated in normalise. */
  frontMatter: { title?: unknown; permalink?: unknown; layout?: unknown; [key: string]: unknown };
  /** The article's plain text as it appears between `{% raw %}` and `{% endraw %}`, de-indented (one leading TAB removed per line). */
  plainText: string;
  /** The raw header/footer/applies-to/query-words values. */
  raw: KbRawFields;
  /** Section headings in order, as written. */
  sections: string[];
  /** The body (without header, applies-to, query words and footer) as HTML: safe, escaped, with heading anchors.
   *  KB citations appear as `<a data-kbref="Q123456">…</a>` placeholders; the link stage resolves them. */
  bodyHtml: string;
  /** The body as plain text for symptom extraction and search: `plainText` with the header block, the applies-to
   *  block, the `Additional query words:` line(s) and the footer removed; every other line kept as written
   *  (line breaks and indentation preserved, not re-flowed), so block layouts like `Source:` / `Event:` survive. */
  bodyText: string;
  /** How many times each recogniser rule fired in this article. */
  rules: RuleCounts;
  diagnostics: Diagnostic[];
}

/** An event-log entry named by number. */
export interface EventRef {
  /** The event source as commonly spelled (`MSExchangeIMC`), or null when the text names none. */
  source: string | null;
  id: number;
  /** Set when the event is named only in the title of a cited article (a fix list, a "see also" line): that
   *  article's id, `"Q175964"`. The article itself may not describe the event. Absent for the article's own events. */
  via?: string;
  /** With `via`: the cited article's title as the citing article writes it (`XCON: MTA Stops Processing Messages
   *  and Generates Event ID 210`), which is all the archive knows of a cited article it does not hold. */
  viaTitle?: string;
}

/** One event-log entry as an article quotes it (`Source:` / `Event ID:` / `Type:` / `Description:` blocks). */
export interface EventMessage {
  /** The `Source:` value (canonical spelling for known sources), or null when the entry names none. */
  source: string | null;
  id: number;
  /** The `Type:` / `Event Type:` value as written (`Error`, `Warning`, `Information`, `Success Audit`), or null. */
  type: string | null;
  /** The `Description:` text joined into one line: whitespace collapsed, trimmed, at most ~600 characters. */
  message: string;
}

/** An error code or message the article describes. */
export interface ErrorCodeRef {
  /** `hresult` (0x8…), `ntstatus` (0xC…), `stop` (bug check), `win32` (`error 2140`), `tool` (C2065, LNK2001), `hex` (other 8-digit), `runtime` (`Run-time error '429'`), `net` (NET3055, SYS1943). */
  kind: 'hresult' | 'ntstatus' | 'stop' | 'win32' | 'tool' | 'hex' | 'runtime' | 'net';
  /** The normalised key used in URLs and lookups: `0x80004005`, `stop-0x0000000a`, `error-2140`, `c2065`. */
  code: string;
  /** How it is usually written, for display: `0x80004005`, `STOP 0x0000000A`, `error 2140`, `C2065`. */
  display: string;
}

/** The normalised article record: the contract of PRODUCT.md, written as `<out>/<permalink>index.json`. */
export interface ArticleRecord {
  /** `"Q182346"`. */
  id: string;
  /** 182346. */
  number: number;
  /** The title without the leading `Qnnn: `, HTML entities decoded. */
  title: string;
  /** `/kb/182/Q182346/` — the front-matter permalink (kbarchive-compatible). Never includes the --base prefix. */
  permalink: string;
  /** `Last Modified:` as ISO `YYYY-MM-DD`, or null. */
  lastModified: string | null;
  /** Year of lastModified, or null. */
  year: number | null;
  /** `Product(s):` as written, trimmed; null when absent or empty. */
  product: string | null;
  /** Slug of the product family for browsing (`windows-nt`, `exchange`, `mspl-c`…). */
  productFamily: string;
  /** Sorted `platform:version` / bare version strings (PRODUCT.md rules). */
  versions: string[];
  /** Normalised platform names from Version(s) and Operating System(s) (`WINDOWS`/`windows` → `Windows`, `winnt`/`WinNT` → `Windows NT`). */
  platforms: string[];
  /** `Operating System(s):` values split on `,` `;` `|`, trimmed. */
  os: string[];
  /** Header ∪ footer keywords, repaired, deduplicated case-insensitively, in order of first appearance. */
  keywords: string[];
  /** Footer `Issue type :` value (`kbprb`), or null. */
  issueType: string | null;
  /** Footer `Solution Type :` value (`kbfix`), or null. */
  solutionType: string | null;
  /** Footer `Technology :` items. */
  technology: string[];
  /** Article type from the title tag and issue type: `bug`, `fix`, `prb`, `info`, `howto`, `doc`, `sample`, `errmsg`, `other`. */
  articleType: string;
  /** Title prefixes as written (`["XFOR"]`, `["PRB", "ERROR"]`). */
  titleTags: string[];
  /** `kb` (genmd pages with footer) or `mspl` (Programmer's Library: short header, no footer). */
  dialect: 'kb' | 'mspl';
  /** Items of the "applies to" list. */
  appliesTo: string[];
  /** Section headings in order, as written. */
  sections: string[];
  /** Event-log entries named by number, deduplicated, sorted by id, then source (null first), then `via` (none
   *  first, then by article number). Entries with `via` are named only in a cited article's title. */
  events: EventRef[];
  /** The Event Viewer entries the article quotes (source, id, type, description as one line), sorted by id then source. */
  eventMessages: EventMessage[];
  /** Error codes, deduplicated, sorted by code. */
  errorCodes: ErrorCodeRef[];
  /** `Err Msg:` texts and quoted error messages. */
  errorMessages: string[];
  /** KB articles cited, sorted unique `Q<number>`, excluding this article. */
  references: string[];
  /** Words of `Additional query words:`. */
  queryWords: string[];
  /** Path of the source file, relative to --source. */
  sourcePath: string;
}

/** Stage 4 (link): the record plus what needs the whole archive. */
export interface LinkedArticle extends ArticleRecord {
  /** Articles that cite this one, sorted. */
  citedBy: string[];
  /** `references` split by whether the archive has them. */
  referencesFound: string[];
  referencesMissing: string[];
  /** Related articles (shared symptoms, then product/keywords), ranked, at most 8. */
  related: string[];
}
