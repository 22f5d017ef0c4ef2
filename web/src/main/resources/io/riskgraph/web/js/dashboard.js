// Dashboard (ECharts on canvas; tooltips in richText mode so no data becomes HTML).
import { h, clear } from './dom.js';
import { t, pick } from './i18n.js';
import { api } from './api.js';

const STATUS_COLOURS = { NEW: '#1f5fbf', ASSIGNED: '#8e7cc3', VERIFIED: '#d64541', DISMISSED: '#9aa3b2', CLOSED: '#2e9d5b' };
const GRADES = [['A', '#2e9d5b'], ['B', '#8fbf3f'], ['C', '#f0a030'], ['D', '#d64541'], ['ungraded', '#c5cad3']];

function chart(el, option) {
  const c = window.echarts.init(el, null, { renderer: 'canvas' });
  c.setOption({ animation: false, tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 60 }, ...option });
  return c;
}

export async function renderDashboard(main) {
  const d = await api('/dashboard');
  const charts = [];
  const gradesEl = h('div', { class: 'chart', id: 'chart-grades' });
  const rulesEl = h('div', { class: 'chart', id: 'chart-rules' });
  const monthsEl = h('div', { class: 'chart', id: 'chart-months' });
  main.append(h('h1', {}, t('dash.title')),
    h('div', { class: 'grid2' },
      h('div', { class: 'card' }, h('h2', {}, t('dash.grades')), gradesEl),
      h('div', { class: 'card' }, h('h2', {}, t('dash.rules')), rulesEl),
      h('div', { class: 'card' }, h('h2', {}, t('dash.months')), monthsEl),
      h('div', { class: 'card' }, h('h2', {}, t('dash.clusters')), clusters(d.clusters))));
  const segs = d.gradesBySegment;
  charts.push(chart(gradesEl, {
    xAxis: { type: 'category', data: segs.map(s => pick(s) || s.segment), axisLabel: { rotate: 35, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: GRADES.map(([g, colour]) => ({ name: g, type: 'bar', stack: 'g', color: colour, data: segs.map(s => s[g]) })),
  }));
  const statuses = [...new Set([...d.cluesByRule, ...d.cluesByMonth].flatMap(r => Object.keys(r.byStatus)))];
  charts.push(chart(rulesEl, {
    xAxis: { type: 'category', data: d.cluesByRule.map(r => r.rule), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value' },
    series: statuses.map(s => ({ name: s, type: 'bar', stack: 's', color: STATUS_COLOURS[s], data: d.cluesByRule.map(r => r.byStatus[s] || 0) })),
  }));
  charts.push(chart(monthsEl, {
    xAxis: { type: 'category', data: d.cluesByMonth.map(r => r.month) },
    yAxis: { type: 'value' },
    series: statuses.map(s => ({ name: s, type: 'line', color: STATUS_COLOURS[s], data: d.cluesByMonth.map(r => r.byStatus[s] || 0) })),
  }));
  window.rg.dashboard = { data: d, charts: () => charts.map(c => c.getOption()) };
  return () => charts.forEach(c => c.dispose());
}

function clusters(list) {
  if (!list.length) return h('p', { class: 'muted', id: 'clusters-none' }, t('dash.none'));
  return h('table', { id: 'clusters' },
    h('thead', {}, h('tr', {}, h('th', {}, t('clues.segment')), h('th', {}, t('dash.size')), h('th', {}, t('dash.members')), h('th', {}))),
    h('tbody', {}, list.map(c => {
      const first = c.firms[0].uscc;
      const others = c.firms.slice(1, 12).map(f => f.uscc).join(',');
      return h('tr', { 'data-segment': c.segment, 'data-group': c.group },
        h('td', {}, c.segment), h('td', {}, String(c.size)),
        h('td', {}, c.firms.slice(0, 4).map(f => f.name).join('、') + (c.firms.length > 4 ? '…' : '')),
        h('td', {}, h('a', { class: 'open-cluster', href: '#/network/' + encodeURIComponent(first) + '?with=' + encodeURIComponent(others) }, t('dash.openNetwork'))));
    })));
}
