/**
 * The search page's script (bundled by the index stage with the index's figures, and held inline by the search page).
 *
 * A query runs in two tiers, started together:
 *   1. exact lookups — event ID (+ source) and error code in any form, read from small sharded JSON tables; an
 *      article number, from the article's own page — shown first;
 *   2. full text over the archive's own index (scripts/index/full-text/): one request per query word and filter,
 *      all at once, ranked here (rank.ts); then the first results' own pages, fetched for their title, product,
 *      date and the snippet where the query matched (snippet.ts). An empty query with a filter browses.
 * A result's page is read from its first PAGE_HEAD_BYTES (a Range request, which static hosts answer with 206; one
 * that ignores it sends the whole page, which works as well): the whole of almost every article. A long article
 * whose head holds none of the query's words (or not its quoted phrase) is then fetched whole, so its snippet still
 * comes from where it matched.
 * The query and filters live in the URL (`?q=4087&family=exchange`): typing replaces the history entry,
 * submitting or changing a filter pushes one, and back/forward/reload restore both.
 * The page holds this script inline in its head, ahead of its stylesheet (the base path on the script element): the
 * URL's query is started as soon as it runs, its requests going out with the stylesheet's, and shown once the page
 * has been read.
 * Everything is fetched from the site itself, under its base path; nothing archive-wide loads up front.
 */
import { lookupPaths, parseQuery, permalinkOf, type ErrorShard, type EventShard, type ParsedQuery } from '../scripts/index/query.ts';
import { FILTER_NAMES, rankQuery, type Filters, type IndexFigures, type Ranking } from '../scripts/index/full-text/rank.ts';
import { phraseIn, snippetOf, type SnippetPart } from '../scripts/index/full-text/snippet.ts';

/** The index's figures, written into this script by the build (scripts/index/index.ts). */
declare const __INDEX_FIGURES__: IndexFigures;

/** One line of the results list. */
interface Hit {
  url: string;
  title: string;
  /** `Q182346 · Exchange Server · 1998-05-12`, `Event ID page`, … */
  detail: string;
  /** The snippet, for full-text hits. */
  excerpt?: SnippetPart[];
}

const FILTERS = FILTER_NAMES;
const PAGE = 10;
/** Holds the header and the text of all but ~2 % of article pages (the layout's own markup is ~3 KiB). */
const PAGE_HEAD_BYTES = 16 * 1024;

/** An article page as fetched: whole, or its head when the host answered the Range request with less. */
interface FetchedPage {
  html: string;
  partial: boolean;
}

const base = document.currentScript?.dataset.base ?? '/';
const siteUrl = (path: string) => base + path.replace(/^\//, '');

// A file the site does not have (404: an article folder with no articles, say) is remembered as null; a failure
// that may pass (another status, the network) throws this time only, so the next query asks again.
const cache = new Map<string, Promise<unknown>>();
// `key` tells apart two requests of one path (a page's head and the whole page).
const cached = <T>(path: string, read: (r: Response) => Promise<T>, init?: RequestInit, key = path): Promise<T | null> => {
  let p = cache.get(key);
  if (!p) {
    p = fetch(siteUrl(path), init).then((r) => {
      if (r.ok) return read(r);
      if (r.status === 404) return null;
      throw new Error(`${path}: HTTP ${r.status}`);
    });
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p as Promise<T | null>;
};
const fetchJson = <T>(path: string): Promise<T | null> => cached<T>(path, (r) => r.json() as Promise<T>).catch(() => null);
const fetchBytes = (path: string) => cached(path, async (r) => new Uint8Array(await r.arrayBuffer()));
const fetchPage = (path: string, whole = false) => {
  const read = async (r: Response): Promise<FetchedPage> => {
    const html = await r.text();
    // `Content-Range: bytes 0-16383/66800`: partial when the total is larger than what came.
    const total = r.status === 206 ? Number(/\/(\d+)$/.exec(r.headers.get('content-range') ?? '')?.[1] ?? NaN) : NaN;
    return { html, partial: r.status === 206 && !(total <= PAGE_HEAD_BYTES) };
  };
  if (whole) return cached(path, read).catch(() => null);
  return cached(path, read, { headers: { range: `bytes=0-${PAGE_HEAD_BYTES - 1}` } }, `${path} head`).catch(() => null);
};

/**
 * The query's ranking and exact matches, each asked once per query and filters (the page's first query is asked
 * before the page has been read, and again when it is shown). A ranking that failed is forgotten by the search that
 * showed the failure (`run`), so the next search asks again; not sooner, or the first search would retry unseen.
 */
const asked = new Map<string, { key: string; exact: Promise<Hit[]>; ranking: Promise<Ranking> }>();
function ask(query: ParsedQuery, chosen: Filters) {
  const key = JSON.stringify([query.text, chosen]);
  let answer = asked.get(key);
  if (!answer) {
    answer = {
      key,
      exact: query.text ? exactHits(query) : Promise.resolve([]),
      ranking: rankQuery(query.text, chosen, __INDEX_FIGURES__, fetchBytes),
    };
    answer.ranking.catch(() => {});
    asked.set(key, answer);
  }
  return answer;
}

const fromUrl = () => {
  const params = new URLSearchParams(location.search);
  const chosen: Filters = {};
  for (const f of FILTERS) if (params.get(f)) chosen[f] = params.get(f)!;
  return { text: params.get('q') ?? '', chosen };
};
{
  const { text, chosen } = fromUrl();
  const query = parseQuery(text);
  if (query.text || Object.keys(chosen).length > 0) ask(query, chosen);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
else begin();

function begin(): void {
  const root = document.getElementById('search');
  if (root) start(root);
}

function start(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = root.querySelector<HTMLInputElement>('#search-q')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const exactList = root.querySelector<HTMLOListElement>('#search-exact')!;
  const textList = root.querySelector<HTMLOListElement>('#search-fulltext')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;
  const selects = Object.fromEntries(FILTERS.map((f) => [f, root.querySelector<HTMLSelectElement>(`#search-${f}`)!])) as Record<(typeof FILTERS)[number], HTMLSelectElement>;

  let generation = 0;
  /** The ranked articles not shown yet, and what the display needs of the ranking. */
  let pending: number[] = [];
  let ranking: Ranking | null = null;
  let shown = new Set<string>();

  // The event sources' choices load after the first results, or when the filter is reached before them; a source the
  // URL names is a choice of its own until then.
  const sources = selects.source;
  let sourcesLoading: Promise<void> | null = null;
  const loadSources = () => (sourcesLoading ??= fetchJson<[key: string, name: string, articles: number][]>('/search/sources.json').then((list) => {
    if (!list) {
      sourcesLoading = null;
      return;
    }
    const chosen = sources.value;
    sources.replaceChildren(sources.options[0]!, ...list.map(([key, name, n]) => new Option(`${name} (${n.toLocaleString('en-US')})`, key)));
    sources.value = chosen;
  }));
  for (const event of ['focus', 'pointerdown']) sources.addEventListener(event, () => void loadSources());

  const readUrl = () => {
    const { text, chosen } = fromUrl();
    input.value = text;
    const source = chosen.source;
    if (source && !sourcesLoading && !Array.from(sources.options).some((o) => o.value === source)) sources.append(new Option(source, source));
    for (const f of FILTERS) selects[f].value = chosen[f] ?? '';
  };
  const writeUrl = (push: boolean) => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const f of FILTERS) if (selects[f].value) params.set(f, selects[f].value);
    const query = params.toString();
    const next = `${location.pathname}${query ? `?${query}` : ''}`;
    if (next === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
  };
  const filters = (): Filters => {
    const out: Filters = {};
    for (const f of FILTERS) if (selects[f].value) out[f] = selects[f].value;
    return out;
  };

  async function run(): Promise<void> {
    const mine = ++generation;
    const current = () => mine === generation;
    const query = parseQuery(input.value);
    const chosen = filters();
    exactList.replaceChildren();
    textList.replaceChildren();
    more.hidden = true;
    pending = [];
    shown = new Set();
    if (!query.text && Object.keys(chosen).length === 0) {
      status.textContent = 'Type an event ID, error code, article number or words.';
      return;
    }
    status.textContent = 'Searching…';
    document.title = query.text ? `${query.text} · Search · KB Archive` : 'Search · KB Archive';

    // Both tiers start at once: the full text's requests go out with the lookups'.
    const { key, exact: exactPromise, ranking: rankPromise } = ask(query, chosen);
    const exact = await exactPromise;
    if (!current()) return;
    for (const hit of exact) {
      shown.add(hit.url);
      exactList.append(renderHit(hit));
    }
    if (exact.length > 0) status.textContent = `${count(exact.length, 'exact match', 'exact matches')} for “${query.text}”; searching the full text…`;

    try {
      ranking = await rankPromise;
    } catch {
      asked.delete(key);
      if (!current()) return;
      status.textContent = `${count(exact.length, 'exact match', 'exact matches')}; the full-text index could not be loaded.`;
      return;
    }
    if (!current()) return;
    // Articles the exact lookups already list are not fetched again.
    pending = ranking.results.map((r) => r.number).filter((number) => !shown.has(siteUrl(permalinkOf(`Q${number}`))));
    const checked = ranking.phrases.length > 0;
    const total = await showMore(mine);
    if (!current()) return;
    const what = query.text ? ` for “${query.text}”` : '';
    const filtered = Object.keys(chosen).length > 0 ? ' (filtered)' : '';
    // With a quoted phrase, only the results shown have been checked to hold it as written.
    const found = checked ? total + (pending.length > 0 ? '+' : '') : ranking.results.length.toLocaleString('en-US');
    const fullText = `${found} full-text result${found === '1' ? '' : 's'}`;
    status.textContent = exact.length + (checked ? total : ranking.results.length) === 0
      ? `No results${what}${filtered}.`
      : `${exact.length > 0 ? `${count(exact.length, 'exact match', 'exact matches')} and ` : ''}${fullText}${what}${filtered}.`;
  }

  /**
   * Shows the next page of full-text results, each from its article's own page (title, product, date and the
   * snippet where the query matched). With a quoted phrase, articles whose text lacks it are passed over and more are
   * fetched in their place. Resolves to how many full-text results are shown in all.
   */
  async function showMore(mine: number): Promise<number> {
    let added = 0;
    for (let tries = 0; added < PAGE && pending.length > 0 && tries < 5 && ranking; tries++) {
      const ranked = ranking;
      const batch = pending.splice(0, PAGE - added);
      const hits = await Promise.all(batch.map((number) => fullTextHit(permalinkOf(`Q${number}`), ranked)));
      if (mine !== generation || ranking !== ranked) return textList.children.length;
      for (const hit of hits) {
        if (!hit || shown.has(hit.url)) continue;
        shown.add(hit.url);
        textList.append(renderHit(hit));
        added++;
      }
    }
    more.hidden = pending.length === 0;
    return textList.children.length;
  }

  // Typing searches as you go (replacing the history entry); Enter and filters push one, so Back returns to it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      writeUrl(false);
      void run();
    }, 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    writeUrl(true);
    void run();
  });
  for (const f of FILTERS) {
    selects[f].addEventListener('change', () => {
      writeUrl(true);
      void run();
    });
  }
  more.addEventListener('click', () => {
    const first = textList.children.length;
    void showMore(generation).then(() => textList.querySelectorAll('a')[first]?.focus());
  });
  window.addEventListener('popstate', () => {
    readUrl();
    void run();
  });

  // Arrow keys move between the box and the result links; Enter follows a link; Escape returns to the box.
  root.addEventListener('keydown', (event) => {
    const links = Array.from(root.querySelectorAll<HTMLAnchorElement>('.search-results a.result-link'));
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      const next = links[at + 1];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (links[at - 1] ?? input).focus();
    } else if (event.key === 'Escape' && at >= 0) {
      event.preventDefault();
      input.focus();
    }
  });

  root.classList.add('is-enhanced');
  readUrl();
  void run().finally(() => void loadSources());
}

/** Tier 1: article number, event ID, error codes — each a fetch of one small table. */
async function exactHits(query: ParsedQuery): Promise<Hit[]> {
  const [article, event, errors] = await Promise.all([
    query.article ? articleHit(query.article) : null,
    query.event ? eventHits(query.event) : [],
    Promise.all(query.errorCodes.map(errorHits)),
  ]);
  const all = [...(article ? [article] : []), ...event, ...errors.flat()];
  const seen = new Set<string>();
  return all.filter((h) => !seen.has(h.url) && seen.add(h.url));
}

/** The article a number names, read from its own page (a 404 when the archive lacks it). */
async function articleHit(id: string): Promise<Hit | null> {
  const page = await fetchPage(permalinkOf(id));
  const article = page ? readArticlePage(page.html) : null;
  return article ? { url: siteUrl(permalinkOf(id)), title: article.title, detail: [`Article ${id}`, article.product, article.date].filter(Boolean).join(' · ') } : null;
}

async function eventHits(event: NonNullable<ParsedQuery['event']>): Promise<Hit[]> {
  const shard = await fetchJson<EventShard>(lookupPaths.eventShard(event.id));
  const entry = shard?.[event.id];
  if (!entry) return [];
  // A source typed with the ID narrows to that source; a word that is not one of its sources (`excel 97`)
  // means the query was not an event lookup at all.
  const source = event.sourceKey ? entry.sources.find(([key]) => key === event.sourceKey) : undefined;
  if (event.sourceKey && !source) return [];
  const names = entry.sources.flatMap(([, name]) => (name ? [name] : []));
  const page: Hit = {
    url: siteUrl(`/events/${event.id}/`),
    title: `Event ID ${event.id}${source?.[1] ? ` (${source[1]})` : ''}`,
    detail: `Event ID page · ${count(entry.count, 'article')}${names.length > 0 ? ` · sources: ${names.slice(0, 4).join(', ')}${names.length > 4 ? '…' : ''}` : ''}`,
  };
  const articles = entry.sources.filter(([key]) => !source || key === source[0]).flatMap(([, name, list]) =>
    list.map(([id, title]): Hit => ({ url: siteUrl(permalinkOf(id)), title, detail: `${id} · Event ID ${event.id}${name ? ` · ${name}` : ''}` })),
  );
  return [page, ...articles];
}

async function errorHits(code: string): Promise<Hit[]> {
  const shard = await fetchJson<ErrorShard>(lookupPaths.errorShard(code));
  const entry = shard?.[code];
  if (!entry) return [];
  return [
    { url: siteUrl(`/errors/${code}/`), title: entry.display, detail: `Error code page · ${count(entry.count, 'article')}${entry.count > entry.articles.length ? `, ${entry.articles.length} listed here` : ''}` },
    ...entry.articles.map(([id, title]): Hit => ({ url: siteUrl(permalinkOf(id)), title, detail: `${id} · ${entry.display}` })),
  ];
}

/**
 * A result from its article's page, or null when a quoted phrase is not in its text. The page's head is read
 * first; a long article is fetched whole when its head lacks the phrase or every word of the query.
 */
async function fullTextHit(path: string, ranked: Ranking): Promise<Hit | null> {
  const id = path.split('/').filter(Boolean).pop()!;
  let page = await fetchPage(path);
  for (;;) {
    const article = page ? readArticlePage(page.html) : null;
    if (!article) return ranked.phrases.length > 0 ? null : { url: siteUrl(path), title: id, detail: id };
    const hasPhrases = ranked.phrases.every((phrase) => phraseIn(article.all, phrase));
    const excerpt = hasPhrases ? snippetOf(article.text, ranked.weights, ranked.phrases) : [];
    if (page?.partial && (!hasPhrases || (ranked.weights.size > 0 && !excerpt.some((part) => part.mark)))) {
      page = await fetchPage(path, true);
      continue;
    }
    if (!hasPhrases) return null;
    return { url: siteUrl(path), title: article.title, detail: [id, article.product, article.date].filter(Boolean).join(' · '), excerpt };
  }
}

function renderHit(hit: Hit): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.className = 'result-link';
  a.href = hit.url;
  a.textContent = hit.title;
  const detail = document.createElement('span');
  detail.className = 'listing-meta';
  detail.textContent = hit.detail;
  li.append(a, detail);
  if (hit.excerpt && hit.excerpt.length > 0) {
    const p = document.createElement('p');
    p.className = 'excerpt';
    // Text nodes and <mark> elements only: the article's text is data, never markup.
    for (const part of hit.excerpt) {
      if (!part.mark) p.append(part.text);
      else {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        p.append(mark);
      }
    }
    li.append(p);
  }
  return li;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What a result shows, read from its article's page (layouts/article.ts) in an inert document: no script runs. */
function readArticlePage(html: string): { title: string; product: string | null; date: string | null; text: string; all: string } | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = doc.querySelector('.kb-article');
  const title = article?.querySelector('h1')?.textContent?.trim();
  if (!article || !title) return null;
  const product = Array.from(article.querySelectorAll('.meta-panel div')).find((d) => d.querySelector('dt')?.textContent === 'Product')?.querySelector('dd')?.textContent?.trim() ?? null;
  const date = article.querySelector('.meta-panel time')?.getAttribute('datetime') ?? null;
  // Block elements end with a line break, so words of adjacent blocks do not run together.
  for (const block of Array.from(article.querySelectorAll('p, li, pre, h1, h2, h3, h4, td, th, dt, dd, div, tr'))) block.append('\n');
  article.querySelector('.article-footer')?.remove();
  // The snippet comes from the body; a quoted phrase may be anywhere the index read (title, query words, …).
  return { title, product, date, text: article.querySelector('.article-body')?.textContent ?? '', all: article.textContent ?? '' };
}
