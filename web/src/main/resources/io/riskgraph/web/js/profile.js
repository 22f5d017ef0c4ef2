// Enterprise profile: grade with reasons, segments, people, ownership chain, timeline, related-party risk, clues.
import { h, clear, gradeBadge } from './dom.js';
import { t, pick, currentLang } from './i18n.js';
import { api, qs, enc } from './api.js';

const KINDS = ['Inspection', 'Sample', 'Penalty', 'Complaint', 'CourtRecord', 'Alert'];

/** "CODE 中文/English = value -> points pts (+x score points above the usual); source: ..." as parts. */
export function parseReason(text) {
  const m = /^(\S+) (.+?)\/(.+?) = (.+?) -> (\S+) pts \(\+?(\S+)[^)]*\)(?:; source: (.*))?$/.exec(String(text));
  if (!m) return { indicator: String(text), value: '', contribution: '', source: '' };
  return { code: m[1], indicator: m[1] + ' ' + (currentLang() === 'en' ? m[3] : m[2]), value: m[4], points: m[5],
    contribution: '+' + m[6], source: m[7] || '' };
}

function pct(x) { return x === null || x === undefined ? '' : (Math.round(x * 1000) / 10) + ' %'; }

function personName(p) { return p ? (p.name || p.key) : ''; }

export async function renderProfile(main, uscc) {
  const u = enc(uscc);
  const [p, holders, related, clues] = await Promise.all([
    api('/enterprises/' + u),
    api('/enterprises/' + u + '/holders').catch(() => null),
    api('/enterprises/' + u + '/related' + qs({ hops: 2, size: 5 })).catch(() => null),
    api('/clues' + qs({ uscc, limit: 20 })).catch(() => null),
  ]);
  main.append(h('div', { id: 'profile', 'data-uscc': p.uscc },
    header(p), h('div', { class: 'grid2' },
      h('div', {}, registration(p), reasons(p), people(p), ownership(holders)),
      h('div', {}, relatedRisk(related), timeline(uscc, p.timeline), clueList(clues)))));
}

function header(p) {
  return h('div', { class: 'card' },
    h('h1', { id: 'profile-name' }, p.name || p.uscc),
    h('div', { class: 'filters' },
      h('span', { class: 'muted', id: 'profile-uscc' }, p.uscc),
      h('span', { 'aria-label': t('profile.grade') }, t('profile.grade') + ' '), gradeBadge(p.grade, 'grade-big'),
      h('span', { id: 'profile-score' }, p.score === null || p.score === undefined ? t('profile.notGraded') : t('profile.score') + ' ' + p.score),
      p.model ? h('span', { class: 'muted', id: 'profile-model' }, t('profile.model') + ' ' + p.model) : null,
      h('a', { href: '#/network/' + encodeURIComponent(p.uscc), class: 'button', id: 'open-network' }, t('profile.network'))),
    h('div', { class: 'chips', id: 'profile-segments' }, h('span', { class: 'muted' }, t('profile.segments') + ':'),
      (p.segments || []).map(s => h('span', { class: 'chip', 'data-code': s.code }, pick(s) || s.code))));
}

function registration(p) {
  const rows = [['profile.status', p.status], ['profile.established', p.established], ['profile.district', p.district],
    ['profile.address', p.address]];
  return h('div', { class: 'card' }, h('h2', {}, t('profile.registration')),
    h('dl', { class: 'kv' }, rows.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v ?? '')])));
}

function reasons(p) {
  const list = Array.isArray(p.reasons) ? p.reasons : (p.reasons ? [p.reasons] : []);
  return h('div', { class: 'card' }, h('h2', {}, t('profile.reasons')),
    list.length ? h('table', { id: 'profile-reasons' },
      h('thead', {}, h('tr', {}, h('th', {}, t('profile.indicator')), h('th', {}, t('profile.value')), h('th', {}, t('profile.contribution')))),
      h('tbody', {}, list.map(r => {
        const x = parseReason(r);
        return h('tr', { title: x.source || '' }, h('td', {}, x.indicator), h('td', {}, x.value), h('td', {}, x.contribution));
      }))) : h('p', { class: 'muted' }, t('profile.none')));
}

function people(p) {
  return h('div', { class: 'card' }, h('h2', {}, t('profile.people')),
    h('table', { id: 'profile-people' },
      h('thead', {}, h('tr', {}, h('th', {}, t('profile.role')), h('th', {}, t('net.node')), h('th', {}, t('profile.share')))),
      h('tbody', {}, (p.people || []).map(r => h('tr', {},
        h('td', {}, r.role), h('td', { class: r.person && r.person.masked ? 'masked' : '' }, personName(r.person)),
        h('td', {}, r.share !== undefined ? pct(r.share) : ''))))));
}

function ownership(holders) {
  if (!holders) return null;
  const ctl = holders.controller;
  return h('div', { class: 'card' }, h('h2', {}, t('profile.ownership')),
    h('p', { id: 'profile-controller' }, t('profile.controller') + ': ',
      ctl ? (ctl.holder.name || ctl.holder.key) + ' (' + pct(ctl.effectiveShare) + ')' : t('profile.none')),
    h('table', { id: 'profile-holders' },
      h('thead', {}, h('tr', {}, h('th', {}, t('profile.holder')), h('th', {}, t('profile.effective')), h('th', {}, t('profile.ultimate')))),
      h('tbody', {}, (holders.holders || []).slice(0, 30).map(x => h('tr', {},
        h('td', {}, x.holder.label === 'Enterprise' ? h('a', { href: '#/enterprise/' + encodeURIComponent(x.holder.key) }, x.holder.name || x.holder.key)
          : (x.holder.name || x.holder.key)),
        h('td', {}, pct(x.effectiveShare)), h('td', {}, x.ultimate ? '✓' : ''))))));
}

function relatedRisk(r) {
  if (!r) return null;
  return h('div', { class: 'card', id: 'profile-related' }, h('h2', {}, t('profile.related')),
    h('p', {}, t('profile.relatedValue') + ': ', h('strong', { id: 'related-value' }, String(r.relatedRisk.value)),
      ' · ' + t('profile.parties') + ' ' + r.relatedRisk.parties + ' · ' + t('profile.events') + ' ' + r.relatedRisk.riskEvents),
    h('ul', { class: 'results' }, r.parties.map(x => h('li', {},
      x.party.label === 'Enterprise' ? h('a', { href: '#/enterprise/' + encodeURIComponent(x.party.key) }, x.party.name || x.party.key)
        : (x.party.name || x.party.key),
      ' ', gradeBadge(x.grade), h('span', { class: 'kind' }, x.hops + ' hop · risk ' + x.risk)))));
}

function timeline(uscc, initial) {
  const list = h('ul', { class: 'timeline', id: 'profile-timeline' });
  const fill = events => clear(list).append(...events.map(e => h('li', { 'data-kind': e.kind },
    h('span', { class: 'muted' }, String(e.date ?? '').slice(0, 10) + ' '), h('strong', {}, t('ev.' + e.kind) + ' '),
    summary(e))));
  fill(initial || []);
  const boxes = KINDS.map(k => h('input', { type: 'checkbox', value: k, checked: true, id: 'tl-' + k }));
  const refresh = async () => {
    const kinds = boxes.filter(b => b.checked).map(b => b.value);
    list.dataset.state = 'loading';
    const r = kinds.length ? await api('/enterprises/' + enc(uscc) + '/timeline' + qs({ kinds: kinds.length === KINDS.length ? '' : kinds.join(',') }))
      .catch(() => ({ events: [] })) : { events: [] };
    fill(r.events);
    list.dataset.state = 'ready';
  };
  boxes.forEach(b => b.addEventListener('change', refresh));
  return h('div', { class: 'card' }, h('h2', {}, t('profile.timeline')),
    h('div', { class: 'filters', id: 'timeline-filters' }, KINDS.map((k, i) => h('label', {}, boxes[i], ' ' + t('ev.' + k)))), list);
}

function summary(e) {
  const d = e.details || {};
  const parts = [d.kind, d.result, d.violation, d.product, d.category, d.outcome, d.status, d.amount !== undefined ? '¥' + d.amount : null]
    .filter(x => x !== undefined && x !== null && x !== '');
  return parts.join(' · ');
}

function clueList(c) {
  if (!c) return null;
  return h('div', { class: 'card' }, h('h2', {}, t('profile.clues') + ' (' + c.total + ')'),
    h('ul', { class: 'results', id: 'profile-clues' }, c.clues.map(x => h('li', {},
      h('a', { href: '#/clues/' + encodeURIComponent(x.id) }, x.rule + ' ' + (x.ruleName || '')),
      h('span', { class: 'kind' }, x.status + ' · ' + x.severity), h('div', { class: 'muted' }, x.summary)))));
}
