// DOM helpers: every value goes in as text (createTextNode / textContent), never as HTML. No innerHTML anywhere.

/** h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on')) {
      if (typeof v !== 'function') throw new Error('event handlers must be functions');
      el.addEventListener(k.slice(2), v);
    } else if (k === 'href') el.setAttribute('href', safeHref(v));
    else if (k === 'style' || k === 'src' || k === 'srcdoc') throw new Error(k + ' is not set from data');
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Only links inside the page (#/...) or to this server (/...) are rendered as links. */
export function safeHref(v) {
  const s = String(v);
  return (s.startsWith('#/') || (s.startsWith('/') && !s.startsWith('//'))) ? s : '#/';
}

export function clear(el) { el.replaceChildren(); return el; }

export function $(sel, root = document) { return root.querySelector(sel); }

let toastTimer = null;
export function toast(text) {
  const t = document.getElementById('toast');
  if (!t) return;
  t.textContent = text;
  t.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => t.classList.remove('show'), 2500);
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** Downloads text or a data URL as a file, without navigating away. */
export function download(name, data, type) {
  const url = typeof data === 'string' && data.startsWith('data:') ? data : URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', {});
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  if (!url.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function gradeBadge(grade, extraClass) {
  const g = ['A', 'B', 'C', 'D'].includes(grade) ? grade : '';
  return h('span', { class: 'badge ' + g + (extraClass ? ' ' + extraClass : ''), 'data-grade': g || 'none' }, g || '–');
}
