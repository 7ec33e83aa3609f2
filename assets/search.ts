/**
 * The search page's script (bundled by the index stage into `/assets/search.js`).
 *
 * A query runs in two tiers (issue #4):
 *   1. exact lookups — article number, event ID (+ source), error code in any form — read from small sharded
 *      JSON tables, shown first and as soon as they arrive;
 *   2. Pagefind full text over the index parts (merged in the browser), with filters; an empty query with a
 *      filter browses.
 * The query and filters live in the URL (`?q=4087&family=exchange`): typing replaces the history entry,
 * submitting or changing a filter pushes one, and back/forward/reload restore both.
 * Everything is fetched from the site itself, under its base path; nothing archive-wide loads up front.
 */
import { lookupPaths, parseQuery, permalinkOf, searchPartPath, type SearchManifest, type ArticleShard, type ErrorShard, type EventShard, type EventsTable, type ParsedQuery } from '../scripts/index/query.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** One line of the results list. */
interface Hit {
  url: string;
  title: string;
  /** `Q182346 · Exchange Server · 1998-05-12`, `Event ID page`, … */
  detail: string;
  /** Sanitised excerpt nodes (text and `<mark>` only), for full-text hits. */
  excerpt?: Node[];
}

const FILTERS = ['family', 'type', 'year', 'source'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
const PAGE = 20;

const root = document.getElementById('search');
if (root) start(root);

function start(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const form = root.querySelector<HTMLFormElement>('#search-form')!;
  const input = root.querySelector<HTMLInputElement>('#search-q')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const exactList = root.querySelector<HTMLOListElement>('#search-exact')!;
  const textList = root.querySelector<HTMLOListElement>('#search-fulltext')!;
  const more = root.querySelector<HTMLButtonElement>('#search-more')!;
  const selects = Object.fromEntries(FILTERS.map((f) => [f, root.querySelector<HTMLSelectElement>(`#search-${f}`)!])) as Record<(typeof FILTERS)[number], HTMLSelectElement>;
  const siteUrl = (path: string) => base + path.replace(/^\//, '');

  // A file the site does not have (404: an article folder with no articles, say) is remembered as null; a failure
  // that may pass (another status, the network) is null this time only, so the next query asks again.
  const cache = new Map<string, Promise<unknown>>();
  const fetchJson = <T>(path: string): Promise<T | null> => {
    let p = cache.get(path);
    if (!p) {
      const forget = () => {
        cache.delete(path);
        return null;
      };
      p = fetch(siteUrl(path)).then((r) => (r.ok ? r.json() : r.status === 404 ? null : forget())).catch(forget);
      cache.set(path, p);
    }
    return p as Promise<T | null>;
  };

  let pagefind: Promise<PagefindApi> | null = null;
  const loadPagefind = (): Promise<PagefindApi> =>
    (pagefind ??= (async () => {
      // Part 1 is the primary: its script loads while the manifest names the others, which merge all at once once
      // it is ready. Merged one after another, each fetched its entry file, then its meta file, before the next
      // began: six parts cost a phone-class connection twelve round trips before the first full-text result.
      const primary = searchPartPath(1);
      let manifest: SearchManifest | null;
      let api: PagefindApi;
      try {
        [manifest, api] = await Promise.all([
          fetchJson<SearchManifest>(lookupPaths.manifest),
          import(/* @vite-ignore */ siteUrl(`${primary}pagefind.js`)) as Promise<PagefindApi>,
        ]);
        // Without the manifest only part 1 is known: searching a sixth of the archive would look like a full answer.
        if (!manifest) throw new Error('the search manifest could not be loaded');
      } catch (error) {
        // Nothing is merged yet, so the next search may try again rather than fail until the page is reloaded.
        pagefind = null;
        throw error;
      }
      // Every part with the same options: an instance's own excerpt length applies to the hits it finds.
      const options = { baseUrl: base, excerptLength: 24 };
      await api.options(options);
      await Promise.all(manifest.parts.filter((part) => part !== primary).map((part) => api.mergeIndex(siteUrl(part), options)));
      return api;
    })());

  let generation = 0;
  let pending: PagefindResult[] = [];
  let shown = new Set<string>();

  const readUrl = () => {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    for (const f of FILTERS) selects[f].value = params.get(f) ?? '';
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

    const exact = query.text ? await exactHits(query) : [];
    if (!current()) return;
    for (const hit of exact) {
      shown.add(hit.url);
      exactList.append(renderHit(hit));
    }
    if (exact.length > 0) status.textContent = `${count(exact.length, 'exact match', 'exact matches')} for “${query.text}”; searching the full text…`;

    let results: PagefindResult[] = [];
    try {
      const api = await loadPagefind();
      const found = await api.search(query.text || null, { filters: chosen });
      results = found?.results ?? [];
    } catch {
      if (!current()) return;
      status.textContent = `${count(exact.length, 'exact match', 'exact matches')}; the full-text index could not be loaded.`;
      return;
    }
    if (!current()) return;
    pending = results;
    const total = results.length;
    await showMore(mine);
    if (!current()) return;
    const what = query.text ? ` for “${query.text}”` : '';
    const filtered = Object.keys(chosen).length > 0 ? ' (filtered)' : '';
    status.textContent = exact.length + total === 0
      ? `No results${what}${filtered}.`
      : `${exact.length > 0 ? `${count(exact.length, 'exact match', 'exact matches')} and ` : ''}${count(total, 'full-text result')}${what}${filtered}.`;
  }

  async function showMore(mine: number): Promise<void> {
    const batch = pending.splice(0, PAGE);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    for (const d of data) {
      const hit = fullTextHit(d);
      if (shown.has(hit.url)) continue;
      shown.add(hit.url);
      textList.append(renderHit(hit));
    }
    more.hidden = pending.length === 0;
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

  async function articleHit(id: string): Promise<Hit | null> {
    const shard = await fetchJson<ArticleShard>(lookupPaths.articleShard(id));
    const title = shard?.[id];
    return title === undefined ? null : { url: siteUrl(permalinkOf(id)), title, detail: `Article ${id}` };
  }

  async function eventHits(event: NonNullable<ParsedQuery['event']>): Promise<Hit[]> {
    const table = await fetchJson<EventsTable>(lookupPaths.events);
    const entry = table?.[event.id];
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
    const shard = await fetchJson<EventShard>(lookupPaths.eventShard(event.id));
    const groups = (shard?.[event.id] ?? []).filter(([key]) => !source || key === source[0]);
    const sourceName = new Map(entry.sources.map(([key, name]) => [key, name]));
    const articles = groups.flatMap(([key, list]) =>
      list.map(([id, title]): Hit => ({ url: siteUrl(permalinkOf(id)), title, detail: `${id} · Event ID ${event.id}${sourceName.get(key) ? ` · ${sourceName.get(key)}` : ''}` })),
    );
    return [page, ...articles];
  }

  async function errorHits(code: string): Promise<Hit[]> {
    const shard = await fetchJson<ErrorShard>(lookupPaths.errorShard(code));
    const entry = shard?.[code];
    if (!entry) return [];
    return [
      { url: siteUrl(`/errors/${code}/`), title: entry.display, detail: `Error code page · ${count(entry.articles.length, 'article')}` },
      ...entry.articles.map(([id, title]): Hit => ({ url: siteUrl(permalinkOf(id)), title, detail: `${id} · ${entry.display}` })),
    ];
  }

  function fullTextHit(d: PagefindResultData): Hit {
    const meta = d.meta;
    return {
      url: d.url,
      // Pagefind returns metadata HTML-escaped: decode it as text, never as markup.
      title: decodeText(meta.title ?? d.url),
      detail: [meta.id, meta.product, meta.date].filter(Boolean).map((v) => decodeText(v!)).join(' · '),
      excerpt: excerptNodes(d.excerpt),
    };
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
  void run();
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
    p.append(...hit.excerpt);
    li.append(p);
  }
  return li;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Text of an HTML-escaped string, parsed in an inert document (no script runs, nothing loads). */
function decodeText(value: string): string {
  return new DOMParser().parseFromString(value, 'text/html').documentElement.textContent ?? value;
}

/** Pagefind's excerpt as nodes: its text, and its `<mark>` highlights — no other markup survives. */
function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const out: Node[] = [];
  for (const node of Array.from(doc.body.childNodes)) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}
