/**
 * Stage 7 (write): each article's normalised record (the contract of PRODUCT.md) and, when asked, its original
 * plain text, where `SiteInfo.publishing` puts them.
 */
import { folderRecordsPath, type ArticlePage, type SiteInfo } from '../../layouts/lib/site.ts';
import type { LinkedArticle } from '../types.ts';
import { linkedArticle } from '../link/index.ts';
import type { OutputFolder } from './output.ts';

/** The published record: the linked article without page-only fields, keys in a fixed order. */
export const publishedRecord = (a: ArticlePage): LinkedArticle => linkedArticle(a, a);

/**
 * Writes what each article gets besides its page, as `site.publishing` says: its record (in its folder's JSON Lines
 * file, or as `index.json` beside the page) and its original plain text (`Q<number>.txt` beside the page).
 * @param recordLine each article's published record as one line of JSON, by its index in `articles` (shared with
 *   the data export, so every record is serialised once).
 * @param keptPages site paths of article pages kept from the last build: their page's inputs (the whole
 *   `ArticlePage`, of which the record is a part, and the plain text: render/article-inputs.ts) did not change, so
 *   neither did their record and original.
 */
export async function writeArticleFiles(
  output: OutputFolder,
  site: SiteInfo,
  articles: readonly ArticlePage[],
  recordLine: (index: number) => string,
  plainTextOf: (id: string) => string,
  keptPages: ReadonlySet<string> = new Set(),
): Promise<number> {
  const { records, originals } = site.publishing;
  let files = 0;
  if (records === 'folder') {
    const folders = new Map<string, string[]>();
    articles.forEach((a, i) => {
      const path = folderRecordsPath(a.permalink);
      const lines = folders.get(path);
      if (lines) lines.push(recordLine(i));
      else folders.set(path, [recordLine(i)]);
    });
    await output.writeAll([...folders].map(([path, lines]) => [path, `${lines.join('\n')}\n`]));
    files += folders.size;
  }
  if (records !== 'article' && !originals) return files;
  for (const a of articles) {
    const pageKept = keptPages.has(`${a.permalink}index.html`);
    const record = `${a.permalink}index.json`;
    const original = `${a.permalink}${a.id}.txt`;
    if (records === 'article' && (!pageKept || !output.keepAsIs(record))) await output.write(record, `${JSON.stringify(publishedRecord(a), null, 2)}\n`);
    if (originals && (!pageKept || !output.keepAsIs(original))) await output.write(original, plainTextOf(a.id));
  }
  return files + articles.length * ((records === 'article' ? 1 : 0) + (originals ? 1 : 0));
}
