/**
 * The not-found page's and the home page's script (inlined by layouts/lib/old-link-script.ts): an old link that
 * reached the archive (`/kb/182346/en-us`, `/default.aspx?scid=kb;en-us;182346`, `/?kbid=182346`, `/Q182346/`)
 * goes on to its article, or says plainly that the archive lacks it, with a search for the number.
 *
 * The target is rebuilt from the number by `resolveOldLink`, so it is always one of this site's article paths;
 * whether the article exists is asked of the host itself (a HEAD request for its page), which needs no table.
 */
import { resolveOldLink } from './old-links.ts';

const script = document.currentScript as HTMLScriptElement | null;
const base = script?.dataset.base ?? '/';
const link = resolveOldLink(location.pathname, location.search, base);

if (link) {
  const id = `Q${link.number}`;
  const status = document.getElementById('old-link');
  const say = (...parts: (string | Node)[]) => {
    if (!status) return;
    status.replaceChildren(...parts);
    status.hidden = false;
  };
  const missing = () => {
    const search = document.createElement('a');
    search.href = `${base}search/?q=${id}`;
    search.textContent = `Search the archive for ${id}`;
    say(`This archive has no article ${id}. `, search, ' (articles that cite it are found too).');
    document.title = `${id} is not in this archive`;
  };
  say(`Looking for article ${id}…`);
  const ask = (method: 'HEAD' | 'GET') => fetch(link.path, { method, credentials: 'same-origin' });
  ask('HEAD')
    .then((response) => (response.status === 405 || response.status === 501 ? ask('GET') : response))
    .then((response) => (response.ok ? location.replace(link.path) : missing()))
    .catch(missing);
}
