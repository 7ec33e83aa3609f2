/** One page per article, from data (pagination, size 1): 60k input templates would cost Eleventy 8× more (shared/bench). */
import { renderArticle } from '../../layouts/article.ts';
import { renderShell } from '../../layouts/base.11ty.ts';
import { articlePagePath, type ArticlePage, type SiteData } from '../../layouts/lib/site.ts';

const outputOf = articlePagePath;

export const data = {
  pagination: { data: 'kb.articles', size: 1, alias: 'article', addAllPagesToCollections: false, before: (items: ArticlePage[], d: { kb: SiteData }) => d.kb.pages.select(items, outputOf) },
  eleventyExcludeFromCollections: true,
  permalink: (data: { article: ArticlePage }) => outputOf(data.article),
};

export async function render(data: { kb: SiteData; article: ArticlePage }): Promise<string> {
  const { kb, article } = data;
  const family = kb.families.get(article.productFamily);
  return renderShell(kb, {
    content: renderArticle(kb, article).value,
    path: article.permalink,
    title: `${article.id}: ${article.title}`,
    description: `${article.title} (${article.product ?? 'Microsoft Knowledge Base'}${article.lastModified ? `, ${article.lastModified}` : ''})`,
    bodyClass: 'page-article',
    breadcrumbs: [
      { label: 'Home', path: '/' },
      ...(family ? [{ label: family.name, path: `/products/${family.slug}/` }] : []),
      { label: article.id },
    ],
  });
}
