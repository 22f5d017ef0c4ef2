// Public scan-check page /verify/{code}: what a firm or a citizen sees after scanning an inspection code.
import { h, clear } from './dom.js';
import { t, applyTexts, setLang, currentLang } from './i18n.js';

async function check() {
  const main = document.getElementById('view');
  clear(main);
  const code = decodeURIComponent(location.pathname.replace(/^\/verify\//, ''));
  document.body.dataset.state = 'loading';
  let status = 0, data = null;
  try {
    const r = await fetch('/inspection-codes/' + encodeURIComponent(code), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    status = r.status;
    data = await r.json();
  } catch (e) {
    data = { code: 'ERROR', message: String(e.message) };
  }
  const valid = status === 200 && data.valid;
  const verdict = valid ? 'valid' : (data && data.code) || 'ERROR';
  main.append(h('div', { class: 'card' },
    h('p', { class: 'verdict ' + (valid ? 'valid' : status === 429 ? 'unknown' : 'invalid'), id: 'verdict', 'data-verdict': verdict },
      valid ? t('verify.valid') : t('verify.' + verdict)),
    valid ? h('dl', { class: 'kv', id: 'verify-details' },
      h('dt', {}, t('verify.enterprise')), h('dd', { id: 'verify-firm' }, (data.enterprise.name || '') + ' · ' + data.enterprise.uscc),
      h('dt', {}, t('verify.period')), h('dd', { id: 'verify-period' }, data.period || ''),
      h('dt', {}, t('verify.validUntil')), h('dd', {}, data.validUntil || ''))
      : h('p', { id: 'verify-message' }, data && data.message || ''),
    h('p', { class: 'muted' }, t('verify.code') + ': ', h('code', {}, code))));
  document.body.dataset.state = 'ready';
}

applyTexts();
document.getElementById('lang').addEventListener('click', () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); check(); });
check();
