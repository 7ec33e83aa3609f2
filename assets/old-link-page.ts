/**
 * The not-found page's and the home page's script (linked by layouts/lib/old-link-script.ts): an old link that
 * reached the archive (`/kb/182346/en-us`, `/default.aspx?scid=kb;en-us;182346`, `/?kbid=182346`, `/Q182346/`, and
 * Event Viewer's `/events.asp?EvtSrc=…&EvtID=…`) goes on to its article or event page, or says plainly that the
 * archive lacks it, with a search for it.
 *
 * The target is rebuilt from the number by `resolveOldLink`, so it is always one of this site's article paths;
 * whether the article exists is asked of the host itself (a HEAD request for its page), which needs no table.
 */
import { resolveOldLink } from './old-links.ts';

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.dataset.base ?? '/';
const link = resolveOldLink(location.pathname, location.search, base);

if (link) {
  const status = document.getElementById('old-link');
  const say = (...parts: (string | Node)[]) => {
    if (!status) return;
    status.replaceChildren(...parts);
    status.hidden = false;
  };
  const searchLink = (query: string, label: string) => {
    const a = document.createElement('a');
    a.href = `${base}search/?q=${encodeURIComponent(query)}`;
    a.textContent = label;
    return a;
  };
  // What is looked for, in words; the event's source is the link's text, so it only ever goes in as text.
  const what = link.kind === 'article' ? `article Q${link.number}` : `event ${link.id}${link.source ? ` from ${link.source}` : ''}`;
  const missing = () => {
    if (link.kind === 'article') say(`This archive has no article Q${link.number}. `, searchLink(`Q${link.number}`, `Search the archive for Q${link.number}`), ' (articles that cite it are found too).');
    else say(`No article of this archive names ${what}. `, searchLink(`${link.source ?? ''} ${link.id}`.trim(), 'Search the archive for it'), '.');
    document.title = `${link.kind === 'article' ? `Q${link.number}` : `Event ${link.id}`} is not in this archive`;
  };
  const target = link.kind === 'event' && link.anchor ? `${link.path}#${link.anchor}` : link.path;
  say(`Looking for ${what}…`);
  const ask = (method: 'HEAD' | 'GET') => fetch(link.path, { method, credentials: 'same-origin' });
  ask('HEAD')
    .then((response) => (response.status === 405 || response.status === 501 ? ask('GET') : response))
    .then((response) => (response.ok ? location.replace(target) : missing()))
    .catch(missing);
}
