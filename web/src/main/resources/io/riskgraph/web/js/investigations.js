// Saved investigations of the signed-in user, and the ones others shared.
import { h } from './dom.js';
import { t } from './i18n.js';
import { api, hasRole } from './api.js';

export async function renderInvestigations(main) {
  main.append(h('h1', {}, t('inv.title')));
  if (!hasRole('investigator')) { main.append(h('p', { class: 'muted' }, t('inv.needRole'))); return; }
  const r = await api('/investigations');
  if (!r.investigations.length) { main.append(h('p', { class: 'muted', id: 'inv-none' }, t('inv.none'))); return; }
  main.append(h('table', { id: 'inv-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('net.saveName')), h('th', {}, t('inv.owner')), h('th', {}, t('inv.shared')), h('th', {}, t('inv.updated')))),
    h('tbody', {}, r.investigations.map(i => h('tr', { 'data-id': i.id },
      h('td', {}, h('a', { href: '#/investigation/' + encodeURIComponent(i.id) }, i.name)),
      h('td', {}, i.owner), h('td', {}, i.shared ? '✓' : ''), h('td', {}, String(i.updatedAt).slice(0, 19)))))));
}
