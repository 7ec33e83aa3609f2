/**
 * Stage 7 (write): beside each article's `index.html`, its normalised record as `index.json` (the contract of
 * PRODUCT.md) and the original plain text as `Q<number>.txt`, for fidelity.
 */
import type { ArticlePage } from '../../layouts/lib/site.ts';
import type { LinkedArticle } from '../types.ts';
import type { OutputFolder } from './output.ts';

/** The published record: the linked article without page-only fields, keys in a fixed order. */
export function publishedRecord(a: ArticlePage): LinkedArticle {
  return {
    id: a.id, number: a.number, title: a.title, permalink: a.permalink,
    lastModified: a.lastModified, year: a.year,
    product: a.product, productFamily: a.productFamily,
    versions: a.versions, platforms: a.platforms, os: a.os, keywords: a.keywords,
    issueType: a.issueType, solutionType: a.solutionType, technology: a.technology,
    articleType: a.articleType, titleTags: a.titleTags, dialect: a.dialect,
    appliesTo: a.appliesTo, sections: a.sections,
    events: a.events, errorCodes: a.errorCodes, errorMessages: a.errorMessages,
    references: a.references, referencesFound: a.referencesFound, referencesMissing: a.referencesMissing,
    citedBy: a.citedBy, related: a.related, queryWords: a.queryWords, sourcePath: a.sourcePath,
  };
}

/** Runs `task` over `items` with at most `limit` in flight: enough to keep the disk busy, few enough for file handles. */
export async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  await Promise.all(lanes);
}

/**
 * @param keptPages site paths of article pages kept from the last build: their page's inputs (the whole
 *   `ArticlePage`, of which the record is a part, and the plain text: render/article-inputs.ts) did not change, so
 *   neither did their record and original.
 */
export async function writeArticleFiles(output: OutputFolder, articles: ArticlePage[], sources: Map<string, { plainText: string }>, keptPages: ReadonlySet<string> = new Set()): Promise<void> {
  await eachLimited(articles, 64, async (a) => {
    const record = `${a.permalink}index.json`;
    const original = `${a.permalink}${a.originalFile}`;
    const pageKept = keptPages.has(`${a.permalink}index.html`);
    if (!pageKept || !output.keepAsIs(record)) await output.write(record, `${JSON.stringify(publishedRecord(a), null, 2)}\n`);
    if (!pageKept || !output.keepAsIs(original)) await output.write(original, sources.get(a.id)?.plainText ?? '');
  });
}
