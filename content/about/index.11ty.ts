/** `/about/`: what the archive is, where its text comes from, and how to mirror it. */
import { html } from '../../layouts/lib/html.ts';
import { url, type SiteData } from '../../layouts/lib/site.ts';

export const data = { layout: 'base.11ty.ts', title: 'About this archive', permalink: '/about/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'About' }] };

export function render({ kb }: { kb: SiteData }): string {
  const { site } = kb;
  return html`<h1>About this archive</h1>
<p>This site keeps ${site.articleCount.toLocaleString('en-US')} articles of the Microsoft Knowledge Base from the 1990s and 2000s (the
“Q” articles, such as Q182346) readable, searchable and linked: by product, version, keyword, year and article type, and by the symptoms
administrators search for — Windows event IDs, error codes and article numbers.</p>
<h2>Where the content comes from</h2>
<p>The article text is Microsoft's, as archived by the community <a href="https://github.com/jeffpar/kbarchive">kbarchive</a> collection
(<code>kb/&lt;NNN&gt;/Q&lt;number&gt;/README.md</code>). Each page shows the article as archived; its metadata is
<a href="${url(site, '/data/')}">published as data</a>. The product, version, keyword, event and error-code fields are read from the
text by this site's generator, kb-archive-ssg ${site.version}; they can be wrong where the text is ambiguous.</p>
<h2>Mirror it</h2>
<p>The whole site is static files: no server-side code, no database. To host your own copy, build it from a checkout of the collection and copy
the output folder to any static host:</p>
<pre><code>npm run build -- --source path/to/kbarchive --out _site --base / --site-url https://example.org</code></pre>
<p>Use <code>--base /kb/</code> to host it under a sub-path. Old links keep working on any host: <code>/Q182346/</code>, <code>/kb/Q182346/</code> and Microsoft's own
<code>/kb/182346</code>, <code>/default.aspx?scid=kb;en-us;182346</code> and <code>/?kbid=182346</code> lead to the article. The metadata of every article is also
<a href="${url(site, '/data/')}">one download</a>.</p>`.value;
}
