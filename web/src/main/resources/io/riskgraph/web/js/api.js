// The page talks to the same JSON API as every other client, signed in by an HttpOnly session cookie.
// State-changing requests carry the session's CSRF token.
let csrfToken = null;
export const session = { name: null, role: null, fullPersons: false };

export function setSession(s) {
  csrfToken = s ? s.csrfToken : null;
  session.name = s ? s.name : null;
  session.role = s ? s.role : null;
  session.fullPersons = s ? !!s.fullPersons : false;
}

const ORDER = ['consumer', 'analyst', 'investigator', 'admin'];
export function hasRole(role) { return ORDER.indexOf(session.role) >= ORDER.indexOf(role); }

export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

export async function api(path, { method = 'GET', body, quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const r = await fetch(path, init);
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { message: text }; }
  if (!r.ok) {
    if (r.status === 401 && !quiet401) window.dispatchEvent(new CustomEvent('rg-signed-out'));
    throw new ApiError(r.status, data && data.code || 'HTTP_' + r.status, data && data.message || r.statusText);
  }
  return data;
}

/** ?a=1&b=2 from an object, leaving out empty values. */
export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, v);
  const s = u.toString();
  return s ? '?' + s : '';
}

export const enc = encodeURIComponent;
