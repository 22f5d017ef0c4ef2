// One box for enterprise names (Chinese, pinyin, fuzzy), USCCs, persons and addresses; results while typing.
import { h, clear, debounce } from './dom.js';
import { t } from './i18n.js';
import { api, qs } from './api.js';

export function hitLink(hit) {
  if (hit.type === 'enterprise') return '#/enterprise/' + encodeURIComponent(hit.key);
  return null;
}

function resultList(hits) {
  if (!hits.length) return h('p', { class: 'muted', id: 'search-empty' }, t('search.none'));
  return h('ul', { class: 'results', id: 'search-results' }, hits.map(hit => {
    const link = hitLink(hit);
    const name = hit.name || hit.key;
    return h('li', { 'data-key': hit.key, 'data-type': hit.type },
      link ? h('a', { href: link }, name) : h('span', {}, name),
      h('span', { class: 'kind' }, t('kind.' + hit.type)),
      hit.exact ? h('span', { class: 'chip' }, t('exact')) : null,
      h('span', { class: 'kind' }, hit.type === 'enterprise' ? hit.key : ''),
      hit.address ? h('div', { class: 'muted' }, hit.address) : null);
  }));
}

export async function renderSearch(main, initial) {
  const out = h('div', { id: 'search-out' });
  const input = h('input', { id: 'search-q', type: 'search', name: 'q', autocomplete: 'off', 'aria-label': t('search.label'),
    placeholder: t('search.placeholder'), value: initial });
  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) { clear(out).append(h('p', { class: 'muted' }, t('search.hint'))); return; }
    out.dataset.state = 'loading';
    const r = await api('/search' + qs({ q, limit: 20 }));
    if (mine !== seq) return;
    clear(out).append(resultList(r.hits));
    out.dataset.state = 'ready';
    out.dataset.q = q;
    history.replaceState(null, '', '#/search' + qs({ q }));
  };
  input.addEventListener('input', debounce(() => run().catch(e => { clear(out).append(h('p', { class: 'error' }, e.message)); }), 200));
  main.append(h('h1', {}, t('search.title')), h('div', { class: 'search-box' }, input), out);
  input.focus();
  await run();
}

/** The header's box: Enter opens the search view with the text. */
export function attachQuickSearch(form, input) {
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/search' + qs({ q: input.value.trim() });
  });
}
