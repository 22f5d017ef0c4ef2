// The investigators' page: a hash router over views, sign-in with an API key exchanged for a session cookie.
import { h, clear, $ } from './dom.js';
import { t, applyTexts, setLang, currentLang } from './i18n.js';
import { api, setSession, session, ApiError } from './api.js';
import { renderSearch, attachQuickSearch } from './search.js';
import { renderProfile } from './profile.js';
import { renderNetwork } from './network.js';
import { renderClues, renderClue } from './clues.js';
import { renderDashboard } from './dashboard.js';
import { renderInvestigations } from './investigations.js';

const ROUTES = [
  [/^#\/enterprise\/([^/?]+)/, (m, q) => ['profile', main => renderProfile(main, decodeURIComponent(m[1]))]],
  [/^#\/network\/([^/?]+)/, (m, q) => ['network', main => renderNetwork(main, { uscc: decodeURIComponent(m[1]), with: q.get('with'), focus: q.get('focus'), hops: q.get('hops'), limit: q.get('limit') })]],
  [/^#\/investigation\/([^/?]+)/, (m) => ['network', main => renderNetwork(main, { investigation: decodeURIComponent(m[1]) })]],
  [/^#\/clues\/([^/?]+)/, (m) => ['clue', main => renderClue(main, decodeURIComponent(m[1]))]],
  [/^#\/clues/, (m, q) => ['clues', main => renderClues(main, q)]],
  [/^#\/dashboard/, () => ['dashboard', main => renderDashboard(main)]],
  [/^#\/investigations/, () => ['investigations', main => renderInvestigations(main)]],
  [/^#\/search/, (m, q) => ['search', main => renderSearch(main, q.get('q') || '')]],
  [/^#?\/?$/, () => ['search', main => renderSearch(main, '')]],
];

let cleanup = null;
let signedIn = false;
let renderSeq = 0;

async function route() {
  const main = $('#view');
  if (cleanup) { try { cleanup(); } catch { /* view already gone */ } cleanup = null; }
  if (!signedIn) return renderSignIn(main);
  const hash = location.hash || '#/';
  const [path, query] = hash.split('?');
  const q = new URLSearchParams(query || '');
  let view = null;
  for (const [re, make] of ROUTES) {
    const m = path.match(re);
    if (m) { view = make(m, q); break; }
  }
  if (!view) view = ['search', m => renderSearch(m, '')];
  const [name, render] = view;
  const seq = ++renderSeq;
  const nav = { hash, start: performance.now(), readyAt: null };
  window.rg.lastNavigation = nav;
  document.body.dataset.view = name;
  document.body.dataset.state = 'loading';
  main.className = name === 'network' ? 'full' : '';
  clear(main);
  markNav(name);
  try {
    const c = await render(main);
    if (seq !== renderSeq) { if (typeof c === 'function') c(); return; }
    cleanup = typeof c === 'function' ? c : null;
    nav.readyAt = performance.now();
    document.body.dataset.state = 'ready';
  } catch (e) {
    if (seq !== renderSeq) return;
    document.body.dataset.state = 'error';
    showError(main, e);
  }
}

export function showError(main, e) {
  const msg = e instanceof ApiError ? (e.status === 403 ? t('forbidden') + ': ' : '') + e.message : String(e && e.message || e);
  main.append(h('p', { class: 'error', role: 'alert', 'data-error': e && e.code || 'ERROR' }, t('error') + ': ' + msg));
}

function markNav(name) {
  document.querySelectorAll('#nav a').forEach(a => {
    const on = a.getAttribute('href').slice(2).startsWith(name === 'clue' ? 'clues' : name);
    a.classList.toggle('active', on);
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
}

function renderSignIn(main) {
  document.body.dataset.view = 'signin';
  document.body.dataset.state = 'ready';
  main.className = '';
  clear(main);
  const err = h('p', { class: 'error', role: 'alert', id: 'signin-error' });
  const input = h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', required: true });
  const form = h('form', { class: 'card signin', id: 'signin-form', onsubmit: async ev => {
      ev.preventDefault();
      err.textContent = '';
      try {
        const s = await api('/session', { method: 'POST', body: { apiKey: input.value }, quiet401: true });
        input.value = '';
        signIn(s);
      } catch (e) {
        err.textContent = t('signin.failed') + ': ' + e.message;
      }
    } },
    h('h1', {}, t('signin.title')),
    h('label', { for: 'api-key' }, t('signin.key')), input,
    h('p', { class: 'muted' }, t('signin.hint')),
    h('button', { type: 'submit', class: 'primary' }, t('signin.submit')), err);
  main.append(form);
  input.focus();
}

function signIn(s) {
  setSession(s);
  signedIn = true;
  $('#nav').hidden = false;
  $('#quick-search').hidden = false;
  $('#sign-out').hidden = false;
  updateWho();
  route();
}

function updateWho() {
  $('#who').textContent = signedIn ? session.name + ' · ' + t('role') + ' ' + session.role + (session.fullPersons ? '' : ' ' + t('masked')) : '';
}

function signedOut() {
  setSession(null);
  signedIn = false;
  $('#nav').hidden = true;
  $('#quick-search').hidden = true;
  $('#sign-out').hidden = true;
  $('#who').textContent = '';
  route();
}

async function start() {
  applyTexts();
  $('#lang').addEventListener('click', () => {
    setLang(currentLang() === 'zh' ? 'en' : 'zh');
    updateWho();
    route();
  });
  $('#sign-out').addEventListener('click', async () => {
    try { await api('/session', { method: 'DELETE' }); } catch { /* already ended */ }
    signedOut();
  });
  window.addEventListener('rg-signed-out', () => { if (signedIn) signedOut(); });
  window.addEventListener('hashchange', route);
  attachQuickSearch($('#quick-search'), $('#quick-q'));
  try {
    signIn(await api('/session', { quiet401: true }));
  } catch {
    route();
  }
}

// Test and automation hook: the current state of the page.
window.rg = window.rg || {};
window.rg.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.rg.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));

start();
