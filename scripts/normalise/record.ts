/**
 * `ParsedArticle` + symptoms → `ArticleRecord` (the PRODUCT.md contract), with the front matter validated.
 *
 * Trust rules, because the front matter is input and the permalink decides where a page is written:
 * - The id comes from the folder (`kb/<NNN>/Q<n>/`); the `Article:` header and the title's `Qn:` only back
 *   it up (FORMAT §1, §10: 0 mismatches in the corpus, so any mismatch is worth a warning).
 * - The permalink must be exactly the canonical `/kb/<NNN>/Q<n>/` for that id (NNN = the first three digits
 *   of the number zero-padded to six: Q10022 → 010). Anything else — another article's URL, `../`, an
 *   absolute URL, a missing slash — is refused with a warning and the canonical permalink is used, so an
 *   article can never overwrite another page or escape the output folder.
 * - The title must be a non-empty string; otherwise the `## Qn: title` heading, otherwise the id.
 * Only an article with no id at all is rejected (record null).
 */
import type { ArticleRecord, Diagnostic, ErrorCodeRef, EventMessage, EventRef, ParsedArticle, RuleCounts } from '../types.ts';
import { compareEventMessages, compareEvents } from '../symptoms/index.ts';
import { articleType } from './article-type.ts';
import { normaliseDate, yearOf } from './dates.ts';
import { normaliseIssueType, normaliseSolutionType, normaliseTechnology } from './footer.ts';
import { normaliseKeywords } from './keywords.ts';
import { normaliseOs } from './os.ts';
import { normalisePlatforms } from './platforms.ts';
import { isSeeArticle, normaliseProduct, productFamily } from './product.ts';
import { normaliseQueryWords } from './query-words.ts';
import { collectingReport, quote, type NormaliseReport } from './report.ts';
import { stripTitleId, titleTags } from './title.ts';
import { parseVersionGroups, pickVersionsValue, versionStrings } from './versions.ts';

/** What the symptoms stage (scripts/symptoms/) found in the article. */
export interface ArticleSymptoms {
  events: EventRef[];
  eventMessages: EventMessage[];
  errorCodes: ErrorCodeRef[];
  errorMessages: string[];
  references: string[];
}

export interface BuildRecordResult {
  /** The record, or null when the article has no usable id (then `diagnostics` holds a `rejected`). */
  record: ArticleRecord | null;
  /** This stage's diagnostics only (the parse stage's stay on `ParsedArticle.diagnostics`). */
  diagnostics: Diagnostic[];
  /** How often each normalisation rule fired (repairs and warnings), for measure.ts and the build summary. */
  rules: RuleCounts;
}

/** `Q10022` → `/kb/010/Q10022/`; `Q182346` → `/kb/182/Q182346/` (the kbarchive layout). */
export function canonicalPermalink(id: string): string {
  const digits = id.replace(/^Q/, '');
  return `/kb/${digits.padStart(6, '0').slice(0, 3)}/${id}/`;
}

/** `Q182346`, `182346`, ` q182346 ` → `Q182346`; anything else → null. */
function normaliseId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*[Qq]?([1-9]\d{0,8})\s*$/.exec(value);
  return m?.[1] === undefined ? null : `Q${m[1]}`;
}

function resolveId(parsed: ParsedArticle, report: NormaliseReport): string | null {
  const fromFolder = normaliseId(parsed.source.folderId ?? undefined);
  const fromHeader = normaliseId(parsed.raw.header.article);
  if (fromFolder !== null) {
    if (parsed.raw.header.article !== undefined && fromHeader !== fromFolder) {
      report.warn(
        'kb:article-id-mismatch',
        `Article: the header says ${quote(parsed.raw.header.article)} but the file is in the folder of ${fromFolder}; the folder's id is used. Correct the header, or move the file to ${canonicalPermalink(fromHeader ?? fromFolder).slice(1)}README.md if the header is right.`,
      );
    }
    return fromFolder;
  }
  if (fromHeader !== null) {
    report.warn('kb:id-from-header', `The path does not name an article folder (kb/<NNN>/Q<n>/); the id ${fromHeader} comes from the Article: header. Move the file to ${canonicalPermalink(fromHeader).slice(1)}README.md to silence this.`);
    return fromHeader;
  }
  return null;
}

function resolvePermalink(value: unknown, id: string, report: NormaliseReport): string {
  const canonical = canonicalPermalink(id);
  if (value === undefined || value === null || value === '') {
    report.warn('kb:permalink-missing', `Front matter: no permalink; ${canonical} is used. Add \`permalink: ${canonical}\` to the front matter to silence this.`);
  } else if (typeof value !== 'string') {
    report.warn('kb:permalink-invalid', `Front matter: the permalink ${quote(value)} is not text; ${canonical} is used. Write it as \`permalink: ${canonical}\`.`);
  } else if (value.trim() !== canonical) {
    report.warn(
      'kb:permalink-refused',
      `Front matter: the permalink ${quote(value)} is not this article's address, so it is refused and ${canonical} is used (a permalink must be /kb/<NNN>/Q<n>/ for the folder's id, so no file can write over another page or outside the site). Set it to ${canonical}.`,
    );
  }
  return canonical;
}

function resolveTitle(parsed: ParsedArticle, id: string, report: NormaliseReport): string {
  const candidates: { from: string; value: unknown }[] = [
    { from: 'front matter', value: parsed.frontMatter.title },
    { from: 'heading', value: /^## (.+)$/m.exec(parsed.source.text)?.[1] },
  ];
  for (const [index, { from, value }] of candidates.entries()) {
    const stripped = typeof value === 'string' ? stripTitleId(value) : null;
    if (stripped !== null && stripped.title !== '') {
      if (index > 0) report.warn('kb:title-invalid', `Front matter: ${describeTitle(parsed.frontMatter.title)}; the ${from} is used. Write the title as text, e.g. title: "${id}: …".`);
      if (stripped.id !== null && stripped.id !== id) {
        report.warn('kb:title-id-mismatch', `The ${from} title starts with ${stripped.id} but the article is ${id}; the title is shown without it. Correct the number in the title.`);
      }
      return stripped.title;
    }
  }
  report.warn('kb:title-invalid', `Front matter: ${describeTitle(parsed.frontMatter.title)} and there is no "## ${id}: title" heading; the id is used as the title. Add title: "${id}: …" to the front matter.`);
  return id;
}

/** Why a front-matter title cannot be used, for a message: missing, empty or of the wrong type. */
function describeTitle(value: unknown): string {
  if (value === undefined || value === null) return 'no title';
  if (typeof value === 'string') return 'the title is empty';
  return `the title ${quote(value)} is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not text`;
}

function dialectOf(product: string | null, keywords: readonly string[], hasFooter: boolean): 'kb' | 'mspl' {
  if (isSeeArticle(product) || keywords.some((k) => /^mspl13_/i.test(k))) return 'mspl';
  // No footer and no product: the MSPL shape. A KB page with an empty footer (kb/089/Q89921) still has a product.
  return !hasFooter && product === null ? 'mspl' : 'kb';
}

function uniqueEvents(events: readonly EventRef[]): EventRef[] {
  const byKey = new Map<string, EventRef>();
  for (const e of events) {
    const key = `${e.id}\u0000${e.source ?? ''}\u0000${e.via ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, e.via === undefined ? { source: e.source, id: e.id } : { source: e.source, id: e.id, via: e.via, viaTitle: e.viaTitle ?? '' });
  }
  // PRODUCT.md: sorted by id, then source (null, i.e. no source, first), then via (none first).
  return [...byKey.values()].sort(compareEvents);
}

function uniqueEventMessages(messages: readonly EventMessage[]): EventMessage[] {
  const byKey = new Map<string, EventMessage>();
  for (const m of messages) {
    const key = `${m.id}\u0000${m.source ?? ''}\u0000${m.type ?? ''}\u0000${m.message}`;
    if (!byKey.has(key)) byKey.set(key, { source: m.source, id: m.id, type: m.type, message: m.message });
  }
  return [...byKey.values()].sort(compareEventMessages);
}

function uniqueErrorCodes(codes: readonly ErrorCodeRef[]): ErrorCodeRef[] {
  const byKey = new Map<string, ErrorCodeRef>();
  for (const c of codes) if (!byKey.has(c.code)) byKey.set(c.code, { kind: c.kind, code: c.code, display: c.display });
  return [...byKey.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function uniqueReferences(references: readonly string[], id: string): string[] {
  const out = new Set<string>();
  for (const ref of references) {
    const q = normaliseId(ref);
    if (q !== null && q !== id) out.add(q);
  }
  // Sorted by number, so Q99999 precedes Q100000.
  return [...out].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}

/**
 * Symptoms as the record holds them: deduplicated, events by id then source, references by number without the
 * article itself. The pipeline extracts symptoms after `buildRecord` (they need its title and product) and puts
 * them through here too, so there is one rule for their shape.
 */
export function normaliseSymptoms(symptoms: ArticleSymptoms, id: string): ArticleSymptoms {
  return {
    events: uniqueEvents(symptoms.events),
    eventMessages: uniqueEventMessages(symptoms.eventMessages),
    errorCodes: uniqueErrorCodes(symptoms.errorCodes),
    errorMessages: [...new Set(symptoms.errorMessages)],
    references: uniqueReferences(symptoms.references, id),
  };
}

export function buildRecord(parsed: ParsedArticle, symptoms: ArticleSymptoms): BuildRecordResult {
  const file = parsed.source.path;
  const report = collectingReport(file);
  const id = resolveId(parsed, report);
  if (id === null) {
    const diagnostic: Diagnostic = {
      file,
      severity: 'rejected',
      rule: 'kb:id-missing',
      message: `Neither the path (kb/<NNN>/Q<n>/README.md, here ${file}) nor an Article: header names an article id, so the file yields no page. Move it to its article's folder or add an "Article: Q<number>" line at the top of its text.`,
    };
    return { record: null, diagnostics: [...report.diagnostics, diagnostic], rules: { ...report.rules, 'kb:id-missing': 1 } };
  }

  const { header, footer } = parsed.raw;
  const title = resolveTitle(parsed, id, report);
  const tags = titleTags(title);
  const lastModified = normaliseDate(header.lastModified, report);
  const product = normaliseProduct(header.product);
  const keywords = normaliseKeywords(header.keywords, footer['keywords'], report);
  const versionGroups = parseVersionGroups(pickVersionsValue(header.versions, footer['version'], report));
  const os = normaliseOs(header.os);
  const issueType = normaliseIssueType(footer['issue type'], report);

  const record: ArticleRecord = {
    id,
    number: Number(id.slice(1)),
    title,
    permalink: resolvePermalink(parsed.frontMatter.permalink, id, report),
    lastModified,
    year: yearOf(lastModified),
    product,
    productFamily: productFamily(product, keywords, report),
    versions: versionStrings(versionGroups),
    platforms: normalisePlatforms(
      versionGroups.flatMap((g) => (g.platform === null ? [] : [g.platform])),
      os,
      report,
    ),
    os,
    keywords,
    issueType,
    solutionType: normaliseSolutionType(footer['solution type'], report),
    technology: normaliseTechnology(footer['technology']),
    articleType: articleType({ titleTags: tags, issueType, keywords }),
    titleTags: tags,
    dialect: dialectOf(product, keywords, Object.keys(footer).length > 0),
    appliesTo: [...parsed.raw.appliesTo],
    sections: [...parsed.sections],
    ...normaliseSymptoms(symptoms, id),
    queryWords: normaliseQueryWords(parsed.raw.queryWords),
    sourcePath: file,
  };
  return { record, diagnostics: report.diagnostics, rules: report.rules };
}
