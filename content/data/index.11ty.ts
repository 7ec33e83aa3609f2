/** `/data/`: the data behind the pages, for people who want the metadata, documented field by field. */
import { html } from '../../layouts/lib/html.ts';
import { folderRecordsPath, originalHrefOf, recordPathOf, url, type SiteData } from '../../layouts/lib/site.ts';
import type { SafeHtml } from '../../layouts/lib/html.ts';
import { recordFieldDocs, recordsExportPath } from '../../scripts/write/data-export.ts';

export const data = { layout: 'base.11ty.ts', title: 'Download the data', permalink: '/data/index.html', breadcrumbs: [{ label: 'Home', path: '/' }, { label: 'Data' }] };

export function render({ kb }: { kb: SiteData }): string {
  const { site } = kb;
  return html`<h1>Download the data</h1>
<p>Every article's metadata, for scripts and spreadsheets rather than reading.</p>
<h2>The catalogue</h2>
<p><a href="${url(site, recordsExportPath)}" download>kb-records.jsonl.gz</a>: the records of all ${site.articleCount.toLocaleString('en-US')} articles, gzip-compressed
<a href="https://jsonlines.org/">JSON Lines</a> (one JSON object per line), sorted by article number. Read it with
<code>zcat kb-records.jsonl.gz | jq .title</code>, or in Python with <code>gzip.open</code> and <code>json.loads</code> per line.
Two builds of the same archive write the same bytes, so the file can be mirrored and compared by checksum.</p>
<h2>One article</h2>
${oneArticle(kb)}
<h2>Record fields</h2>
<table class="fields">
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead>
<tbody>${Object.entries(recordFieldDocs).map(([name, doc]) => html`<tr><td><code>${name}</code></td><td><code>${doc.type}</code></td><td>${doc.about}</td></tr>`)}</tbody>
</table>
<h2>Other machine-readable files</h2>
<ul>
<li><a href="${url(site, '/sitemap.xml')}">sitemap.xml</a>: a sitemap index over every page.</li>
<li><a href="${url(site, '/feed.xml')}">feed.xml</a>: an Atom feed of the most recently modified articles.</li>
<li><a href="${url(site, '/opensearch.xml')}">opensearch.xml</a>: add the archive's search to your browser.</li>
</ul>`.value;
}

/** Where this build put each article's record and original text (`SiteInfo.publishing`), with an example. */
function oneArticle(kb: SiteData): SafeHtml {
  const { site } = kb;
  const example = kb.articles[0];
  const { records, originals, sourceUrl } = site.publishing;
  const record = example ? recordPathOf(site, example) : null;
  const original = example ? originalHrefOf(site, example) : null;
  const recordText =
    records === 'folder' ? html`<p>Each folder of article numbers (<code>/kb/182/</code> holds Q182000–Q182999) has its articles' records as JSON Lines in <code>records.jsonl</code> beside its page${record ? html`, for example <a href="${url(site, record)}">${folderRecordsPath(example!.permalink)}</a>` : ''}.</p>`
    : records === 'article' ? html`<p>Beside each article page is its record as <code>index.json</code>${record ? html`, for example <a href="${url(site, record)}">${record}</a>` : ''}.</p>`
    : html`<p>Records are published in the catalogue above only.</p>`;
  const originalText =
    originals ? html`<p>Beside each article page is its original plain text as <code>Q&lt;number&gt;.txt</code>${original ? html`, for example <a href="${original}">${example!.id}.txt</a>` : ''}.</p>`
    : sourceUrl ? html`<p>Each article page links to its original text where the source collection publishes it${original ? html`, for example <a href="${original}">${example!.sourcePath}</a>` : ''}.</p>`
    : '';
  return html`${recordText}${originalText}`;
}
