/**
 * The full-text index built in memory from articles written in a test, through the functions the build uses
 * (articleTerms, buildFullTextIndex), and queried as the page queries it (rankQuery), recording the files read.
 */
import { articleTerms } from '../../scripts/index/full-text/article-terms.ts';
import { buildFullTextIndex, type IndexArticle } from '../../scripts/index/full-text/write-index.ts';
import { rankQuery, type Filters, type IndexFigures } from '../../scripts/index/full-text/rank.ts';
import { indexArticle } from '../../scripts/index/index.ts';
import type { ArticleRecord } from '../../scripts/types.ts';
import { testRecord } from '../helpers/records.ts';

export function article(number: number, title: string, body: string, more: Partial<ArticleRecord> = {}): IndexArticle {
  const r = testRecord(number, title, more);
  return indexArticle(r, articleTerms(r, body));
}

export function indexOf(articles: IndexArticle[]) {
  const index = buildFullTextIndex(articles);
  const figures: IndexFigures = { articles: index.state.articles, commonTerms: index.state.commonTerms };
  const fetched: string[] = [];
  const fetchBytes = async (path: string) => {
    fetched.push(path);
    return index.files.get(path) ?? null;
  };
  const rank = (q: string, filters: Filters = {}) => rankQuery(q, filters, figures, fetchBytes);
  /** The ranked article numbers. */
  const search = async (q: string, filters: Filters = {}) => (await rank(q, filters)).results.map((r) => r.number);
  return { index, figures, fetched, fetchBytes, rank, search };
}
