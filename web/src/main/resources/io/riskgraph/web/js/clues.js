// Clue workbench: list with filters, a clue's evidence with "show in network", status changes for allowed roles.
import { h, clear, toast } from './dom.js';
import { t, currentLang } from './i18n.js';
import { api, qs, enc, hasRole } from './api.js';

const STATUSES = ['NEW', 'ASSIGNED', 'VERIFIED', 'DISMISSED', 'CLOSED'];
// the codes of io.riskgraph.model.Segment (the API refuses any other with INVALID_SEGMENT)
const SEGMENTS = ['FOOD_PRODUCTION', 'FOOD_SALES', 'CATERING', 'SPECIAL_FOOD', 'DRUG_RETAIL', 'MEDICAL_DEVICE', 'COSMETICS',
  'SPECIAL_EQUIPMENT_USE', 'SPECIAL_EQUIPMENT_MAKING', 'INDUSTRIAL_PRODUCT', 'TESTING_AGENCY', 'VEHICLE_INSPECTION', 'METROLOGY', 'ONLINE_TRADING'];
let rulesCache = null;

async function rules() {
  if (!rulesCache) rulesCache = (await api('/warning-rules')).rules;
  return rulesCache;
}

function select(id, label, values, current, names = v => v) {
  const s = h('select', { id, name: id.replace('f-', ''), 'aria-label': label },
    h('option', { value: '' }, t('clues.any')), values.map(v => h('option', { value: v, selected: v === current }, names(v))));
  return h('label', {}, label + ' ', s);
}

export async function renderClues(main, q) {
  const rs = await rules();
  const ruleName = code => { const r = rs.find(x => x.code === code); return code + (r ? ' ' + (currentLang() === 'en' ? r.nameEn : r.nameZh) : ''); };
  const filter = { rule: q.get('rule') || '', status: q.get('status') || '', segment: q.get('segment') || '', district: q.get('district') || '',
    offset: Number(q.get('offset') || 0) };
  const list = await api('/clues' + qs({ ...filter, limit: 50 }));
  const district = h('input', { id: 'f-district', name: 'district', value: filter.district, 'aria-label': t('clues.district'), size: 8 });
  const form = h('form', { class: 'filters card', id: 'clue-filters', onsubmit: ev => {
      ev.preventDefault();
      const f = new FormData(form);
      location.hash = '#/clues' + qs({ rule: f.get('rule'), status: f.get('status'), segment: f.get('segment'), district: f.get('district') });
    } },
    select('f-rule', t('clues.rule'), rs.map(r => r.code), filter.rule, ruleName),
    select('f-status', t('clues.status'), STATUSES, filter.status),
    select('f-segment', t('clues.segment'), SEGMENTS, filter.segment),
    h('label', {}, t('clues.district') + ' ', district),
    h('button', { type: 'submit', class: 'primary' }, t('clues.filter')));
  const page = delta => '#/clues' + qs({ ...filter, offset: Math.max(0, filter.offset + delta) });
  main.append(h('h1', {}, t('clues.title')), form,
    h('p', { class: 'muted', id: 'clue-total' }, t('clues.total') + ' ' + list.total),
    h('table', { id: 'clue-table' },
      h('thead', {}, h('tr', {}, ['clues.rule', 'clues.status', 'clues.severity', 'clues.enterprise', 'clues.summary'].map(k => h('th', {}, t(k))))),
      h('tbody', {}, list.clues.map(c => h('tr', { 'data-id': c.id },
        h('td', {}, h('a', { href: '#/clues/' + encodeURIComponent(c.id) }, ruleName(c.rule))),
        h('td', {}, c.status), h('td', {}, c.severity),
        h('td', {}, c.uscc ? h('a', { href: '#/enterprise/' + encodeURIComponent(c.uscc) }, c.uscc) : ''),
        h('td', {}, c.summary))))),
    h('p', { class: 'filters' },
      filter.offset > 0 ? h('a', { href: page(-50), id: 'clue-prev' }, t('clues.prev')) : null,
      filter.offset + 50 < list.total ? h('a', { href: page(50), id: 'clue-next' }, t('clues.next')) : null));
}

/** Evidence refs name nodes such as Enterprise:9131... or Person:P01 (see docs/models.md). */
function refNodes(ref) {
  return [...String(ref).matchAll(/(Enterprise|Person|Address|Phone):([^)\s|,]+)/g)].map(m => m[1] + ':' + m[2]);
}

export async function renderClue(main, id) {
  const c = await api('/clues/' + enc(id));
  const canChange = hasRole('analyst');
  const focus = c.evidence.flatMap(e => refNodes(e.ref));
  const networkLink = uscc => '#/network/' + encodeURIComponent(uscc) + qs({
    with: focus.filter(x => x.startsWith('Enterprise:')).map(x => x.slice(11)).join(','), focus: focus[0] || '' });
  const statusForm = () => {
    if (!canChange) return h('p', { class: 'muted', id: 'clue-readonly' }, t('clues.readOnly'));
    if (!c.next.length) return null;
    const target = h('select', { id: 'clue-next', name: 'status', 'aria-label': t('clues.status') }, c.next.map(s => h('option', { value: s }, s)));
    const note = h('input', { id: 'clue-note', name: 'note', 'aria-label': t('clues.note'), placeholder: t('clues.note'), size: 40 });
    const err = h('span', { class: 'error', role: 'alert', id: 'clue-error' });
    return h('form', { class: 'filters', id: 'clue-status-form', onsubmit: async ev => {
        ev.preventDefault();
        try {
          await api('/clues/' + enc(id) + '/status', { method: 'POST', body: { status: target.value, note: note.value } });
          toast(target.value);
          clear(main);
          await renderClue(main, id);
        } catch (e) { err.textContent = e.message; }
      } }, h('strong', {}, t('clues.change')), target, note, h('button', { type: 'submit', class: 'primary' }, t('clues.apply')), err);
  };
  main.append(h('div', { id: 'clue', 'data-id': c.id, 'data-status': c.status },
    h('h1', {}, c.rule + ' ' + (c.ruleName || '')),
    h('div', { class: 'card' },
      h('p', {}, h('strong', { id: 'clue-status' }, c.status), ' · ' + t('clues.severity') + ' ' + c.severity + ' · ',
        c.uscc ? h('a', { href: '#/enterprise/' + encodeURIComponent(c.uscc) }, c.uscc) : '', ' · ' + (c.asOf || '')),
      h('p', { id: 'clue-summary' }, c.summary),
      c.uscc ? h('a', { class: 'button', id: 'clue-network', href: networkLink(c.uscc) }, t('clues.showNetwork')) : null,
      statusForm()),
    h('div', { class: 'card' }, h('h2', {}, t('clues.evidence')),
      h('table', { id: 'clue-evidence' }, h('tbody', {}, c.evidence.map(e => h('tr', {},
        h('td', {}, e.kind), h('td', {}, e.ref), h('td', {}, e.note)))))),
    h('div', { class: 'card' }, h('h2', {}, t('clues.history')),
      h('table', { id: 'clue-history' }, h('tbody', {}, c.history.map(x => h('tr', {},
        h('td', {}, String(x.at).slice(0, 19)), h('td', {}, (x.from || '') + ' → ' + x.to), h('td', {}, x.by), h('td', {}, x.note || ''))))))));
}
