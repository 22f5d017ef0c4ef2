// Network view (Cytoscape.js + fcose). Drawn on a canvas, so names never become HTML; the page object
// window.rg.network lets tests and keyboard controls drive it.
import { h, clear, toast, download, gradeBadge } from './dom.js';
import { t } from './i18n.js';
import { api, qs, enc, hasRole } from './api.js';

const RELATION_TYPES = ['LEGAL_REPRESENTATIVE_OF', 'SHAREHOLDER_OF', 'DIRECTOR_OF', 'SUPERVISOR_OF', 'MANAGER_OF',
  'FINANCE_OFFICER_OF', 'CONTACT_OF', 'INVESTS_IN', 'BRANCH_OF', 'SUPPLIES', 'GUARANTEES', 'LOCATED_AT', 'HAS_PHONE'];
const EVENT_TYPES = ['INSPECTED', 'SAMPLED_AT', 'PRODUCED_BY', 'IMPOSED_ON', 'COMPLAINS_ABOUT', 'CONCERNS', 'RAISED_AT'];
const GRADE_COLOURS = { A: '#2e9d5b', B: '#8fbf3f', C: '#f0a030', D: '#d64541' };
const LABEL_COLOURS = { Person: '#8e7cc3', Address: '#4aa3a2', Phone: '#6d8fb3' };
const SHAPES = { Enterprise: 'round-rectangle', Person: 'ellipse', Address: 'diamond', Phone: 'triangle' };
const PAGE = 20;
/** Elements (nodes + links) above which links are drawn the cheap way. */
const BIG_DRAWING = 1200;
let fcoseRegistered = false;

function colour(d) {
  if (d.label === 'Enterprise') return GRADE_COLOURS[d.grade] || '#9aa3b2';
  return LABEL_COLOURS[d.label] || '#c9853a';
}

function edgeText(d) {
  const share = typeof d.share === 'number' ? ' ' + Math.round(d.share * 1000) / 10 + '%' : '';
  return d.type.replace(/_OF$/, '').toLowerCase() + share;
}

function nodeData(n) {
  return { ...n, display: String(n.name ?? n.key ?? n.id).slice(0, 40), colour: colour(n), shape: SHAPES[n.label] || 'hexagon' };
}

function labelName(label) { const x = t('label.' + label); return x === 'label.' + label ? label : x; }

function edgeData(e) { return { ...e, display: edgeText(e) }; }

function csvCell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = "'" + s;            // a spreadsheet must not run a formula from data
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(header, rows) {
  return [header.join(','), ...rows.map(r => header.map(k => csvCell(r[k])).join(','))].join('\n') + '\n';
}

export async function renderNetwork(main, opts) {
  if (!fcoseRegistered && window.cytoscapeFcose) { window.cytoscape.use(window.cytoscapeFcose); fcoseRegistered = true; }
  const started = performance.now();
  const typeBoxes = [...RELATION_TYPES, ...EVENT_TYPES].map(ty => h('input', { type: 'checkbox', value: ty, checked: RELATION_TYPES.includes(ty), id: 'type-' + ty }));
  const nodeList = h('select', { class: 'nodes', id: 'node-list', size: 8, 'aria-label': t('net.nodes') });
  const hubBox = h('div', { id: 'hub-more' });
  const details = h('div', { id: 'node-details' });
  const legend = h('div', { id: 'legend' });
  const profileBox = h('div', { id: 'net-profile' });
  const status = h('p', { class: 'muted', id: 'net-status', 'aria-live': 'polite' });
  const dateRange = h('input', { type: 'range', id: 'date-slider', min: 0, max: 0, value: 0, 'aria-label': t('net.date'), disabled: true });
  const dateAll = h('input', { type: 'checkbox', id: 'date-all', checked: true });
  const dateLabel = h('span', { id: 'date-label' }, t('net.dateAll'));
  const pathBtn = h('button', { type: 'button', id: 'path-mode', 'aria-pressed': 'false' }, t('net.path'));
  const nameIn = h('input', { id: 'inv-name', 'aria-label': t('net.saveName'), placeholder: t('net.saveName') });
  const notesIn = h('textarea', { id: 'inv-notes', rows: 2, 'aria-label': t('net.notes'), placeholder: t('net.notes') });
  const sharedIn = h('input', { type: 'checkbox', id: 'inv-shared' });
  const cyBox = h('div', { id: 'cy', tabindex: '0', 'aria-label': t('net.title'), role: 'img' });
  const canSave = hasRole('investigator');

  const btn = (id, key, fn) => h('button', { type: 'button', id, onclick: () => run(fn) }, t(key));
  main.append(h('div', { class: 'net' },
    h('aside', {},
      h('fieldset', { class: 'types' }, h('legend', {}, t('net.types')),
        typeBoxes.map(b => h('label', {}, b, ' ' + b.value.toLowerCase()))),
      h('fieldset', {}, h('legend', {}, t('net.nodes')), nodeList,
        h('div', { class: 'actions' }, btn('act-expand', 'net.expand', () => net.expand(sel())), btn('act-hide', 'net.hide', () => net.hide(sel())),
          btn('act-pin', 'net.pin', () => net.pin(sel())), btn('act-remove', 'net.remove', () => net.remove(sel())),
          btn('act-undo', 'net.undo', () => net.undo()), btn('act-fit', 'net.fit', () => net.fit()),
          btn('act-show', 'net.showAll', () => net.showAll()), pathBtn), hubBox),
      h('fieldset', {}, h('legend', {}, t('net.date')), h('label', {}, dateAll, ' ' + t('net.dateAll')), dateRange, dateLabel),
      h('fieldset', {}, h('legend', {}, t('net.export')),
        h('div', { class: 'actions' }, btn('export-png', 'net.png', () => download('network.png', net.png(), 'image/png')),
          btn('export-nodes', 'net.csvNodes', () => download('nodes.csv', net.csv('nodes'), 'text/csv')),
          btn('export-edges', 'net.csvEdges', () => download('edges.csv', net.csv('edges'), 'text/csv')))),
      h('fieldset', {}, h('legend', {}, t('net.save')),
        canSave ? [nameIn, notesIn, h('label', {}, sharedIn, ' ' + t('net.share')), btn('inv-save', 'net.save', () => net.save())]
          : h('p', { class: 'muted' }, t('inv.needRole')))),
    h('div', { class: 'canvas' }, cyBox),
    h('aside', { class: 'right' }, status, profileBox, h('h2', {}, t('net.selected')), details, h('h2', {}, t('net.legend')), legend)));

  const cy = window.cytoscape({
    container: cyBox, elements: [], wheelSensitivity: 0.3, pixelRatio: 1, textureOnViewport: false,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', shape: 'data(shape)', label: 'data(display)', 'font-size': 10,
        'text-valign': 'bottom', 'text-margin-y': 3, width: 22, height: 22, 'min-zoomed-font-size': 7,
        'text-wrap': 'ellipsis', 'text-max-width': 120 } },
      { selector: 'node[label = "Enterprise"]', style: { width: 30, height: 22 } },
      { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#16213a' } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ff9f1c' } },
      { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 4, 'border-color': '#333' } },
      { selector: 'node.hub', style: { 'background-opacity': 0.6, 'border-width': 2, 'border-style': 'dashed', 'border-color': '#555' } },
      { selector: 'edge', style: { width: 1.2, 'line-color': '#aab3c2', 'target-arrow-color': '#aab3c2', 'target-arrow-shape': 'triangle',
        'curve-style': 'bezier', label: 'data(display)', 'font-size': 8, color: '#667', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 8 } },
      { selector: '.hidden, .off-date', style: { display: 'none' } },
      { selector: '.path', style: { 'line-color': '#ff6a00', 'target-arrow-color': '#ff6a00', width: 3, 'border-width': 3, 'border-color': '#ff6a00' } },
      { selector: '.faded', style: { opacity: 0.25 } },
    ],
  });

  /**
   * A big drawing (2,000 nodes) stays interactive on a CPU canvas only with cheap edges: straight "haystack" lines
   * without arrows or labels, and node labels only when zoomed in. Switched on and off as the drawing grows or shrinks.
   */
  let cheap = false;
  function tuneForSize() {
    const big = cy.elements().length > BIG_DRAWING;
    if (big === cheap) return;
    cheap = big;
    cy.style().selector('edge').style(big
      ? { 'curve-style': 'haystack', 'target-arrow-shape': 'none', label: '', width: 0.8 }
      : { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', label: 'data(display)', width: 1.2 })
      .selector('node').style({ 'min-zoomed-font-size': big ? 12 : 7 }).update();
  }

  const undoStack = [];
  const pages = new Map();          // node id -> {offset, total}
  let pathMode = false, pathPick = [], investigation = null, center = null, busy = 0;

  const sel = () => { const s = cy.$('node:selected'); return s.length ? s[0].id() : nodeList.value || null; };
  function run(fn) {
    busy++;
    return Promise.resolve().then(fn).catch(e => { status.textContent = t('error') + ': ' + e.message; status.dataset.error = e.code || 'ERROR'; })
      .finally(() => { busy--; refresh(); });
  }
  function checkedTypes() { return typeBoxes.filter(b => b.checked).map(b => b.value); }

  function add(nodes, edges) {
    const fresh = [];
    for (const n of nodes) if (cy.getElementById(n.id).empty()) fresh.push({ group: 'nodes', data: nodeData(n), classes: n.hub ? 'hub' : '' });
    const added = cy.add(fresh);
    const freshEdges = [];
    for (const e of edges) {
      if (!e.source || !e.target || cy.getElementById(e.id).nonempty()) continue;
      if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
      freshEdges.push({ group: 'edges', data: edgeData(e) });
    }
    return added.union(cy.add(freshEdges));
  }

  function layoutAll() {
    const n = cy.nodes().length;
    return new Promise(resolve => {
      const l = cy.layout({ name: n > 1 ? 'fcose' : 'grid', quality: n > 300 ? 'draft' : 'default', randomize: true, animate: false,
        fit: true, padding: 30, nodeRepulsion: n > 300 ? 6000 : 12000, idealEdgeLength: n > 300 ? 70 : 100,
        numIter: n > 1000 ? 1000 : 2500 });
      l.one('layoutstop', resolve);
      l.run();
    });
  }

  /** New nodes go on a ring around the node they came from, then fcose settles them alone: placed nodes never move. */
  function placeAround(source, nodes) {
    if (!nodes.length) return Promise.resolve();
    const p = source.position();
    const r = 70 + 8 * Math.sqrt(nodes.length) * 6;
    nodes.forEach((node, i) => {
      const a = (2 * Math.PI * i) / nodes.length;
      node.position({ x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) });
    });
    return new Promise(resolve => {
      try {
        const eles = nodes.union(source).union(nodes.connectedEdges().filter(e => nodes.union(source).contains(e.source()) && nodes.union(source).contains(e.target())));
        const l = eles.layout({ name: 'fcose', randomize: false, animate: false, fit: false, quality: 'default',
          fixedNodeConstraint: [{ nodeId: source.id(), position: { x: p.x, y: p.y } }], nodeRepulsion: 6000, idealEdgeLength: 70 });
        l.one('layoutstop', resolve);
        l.run();
      } catch (e) { resolve(); }
    }).then(() => {
      // fcose may shift the fixed node by rounding: put the source back exactly where it was
      source.position(p);
    });
  }

  async function expand(id, offset = 0) {
    if (!id) return;
    const node = cy.getElementById(id);
    if (node.empty()) throw new Error('no node ' + id);
    const types = checkedTypes();
    const r = await api('/network/expand' + qs({ node: id, types: types.join(','), offset, limit: PAGE }));
    const added = add(r.nodes, r.edges);
    undoStack.push({ kind: 'add', eles: added });
    pages.set(id, { offset: offset + r.nodes.length, total: r.total, more: r.more, types });
    await placeAround(node, added.nodes());
    showHub(id);
    return { added: added.nodes().length, total: r.total, more: r.more };
  }

  function showHub(id) {
    clear(hubBox);
    const p = pages.get(id);
    if (!p || !p.more) return;
    const shown = Math.min(p.offset, p.total);
    hubBox.append(h('p', { class: 'hub-more' }, h('span', { id: 'hub-count' }, shown + ' ' + t('net.of') + ' ' + p.total + ' — '),
      h('button', { type: 'button', id: 'hub-more-btn', onclick: () => run(() => net.more(id)) }, t('net.more'))));
  }

  async function pathBetween(a, b) {
    const key = id => { const n = cy.getElementById(id); return n.data('label') === 'Enterprise' || (n.data('label') === 'Person' && !n.data('masked')) ? String(n.data('key')) : null; };
    const from = key(a), to = key(b);
    if (!from || !to) throw new Error(t('net.pathHint'));
    const r = await api('/paths' + qs({ from, to, maxHops: 4 }));
    cy.elements().removeClass('path faded');
    if (!r.count) { status.textContent = t('net.pathNone'); return 0; }
    const nodes = [], edges = [];
    for (const p of r.paths) {
      for (const n of p.nodes) nodes.push({ ...n, id: n.label + ':' + n.key });
      for (const e of p.relationships) {
        const s = p.nodes.find(n => n.key === e.from), d = p.nodes.find(n => n.key === e.to);
        const sid = s.label + ':' + s.key, did = d.label + ':' + d.key;
        edges.push({ id: 'path:' + sid + ':' + e.type + ':' + did, source: sid, target: did, type: e.type, ...(e.properties || {}) });
      }
    }
    const added = add(nodes, edges);
    undoStack.push({ kind: 'add', eles: added });
    if (added.nodes().length) await placeAround(cy.getElementById(a), added.nodes());
    let hl = cy.collection();
    for (const n of nodes) hl = hl.union(cy.getElementById(n.id));
    for (const e of edges) {
      const direct = cy.edges().filter(x => x.data('type') === e.type && x.source().id() === e.source && x.target().id() === e.target);
      hl = hl.union(direct.nonempty() ? direct : cy.getElementById(e.id));
    }
    hl.addClass('path');
    cy.elements().not(hl).addClass('faded');
    status.textContent = r.count + ' × ' + r.length + ' hops';
    return r.count;
  }

  function dates() {
    const ds = [];
    cy.edges().forEach(e => { for (const k of ['since', 'until']) { const v = e.data(k); if (v) ds.push(String(v).slice(0, 10)); } });
    ds.sort();
    return ds;
  }

  function setDate(day) {
    cy.edges().removeClass('off-date');
    if (!day) { dateLabel.textContent = t('net.dateAll'); dateAll.checked = true; dateRange.disabled = true; return 0; }
    dateAll.checked = false;
    dateRange.disabled = false;
    dateLabel.textContent = day;
    const off = cy.edges().filter(e => {
      const s = e.data('since') ? String(e.data('since')).slice(0, 10) : null, u = e.data('until') ? String(e.data('until')).slice(0, 10) : null;
      return (s && s > day) || (u && u < day);
    });
    off.addClass('off-date');
    return off.length;
  }

  function refreshDateRange() {
    const ds = dates();
    if (!ds.length) return;
    const lo = Date.parse(ds[0]), hi = Date.parse(ds[ds.length - 1]);
    dateRange.min = 0;
    dateRange.max = Math.max(0, Math.round((hi - lo) / 864e5));
    dateRange.dataset.start = ds[0];
  }
  dateRange.addEventListener('input', () => {
    const d = new Date(Date.parse(dateRange.dataset.start || '2000-01-01') + Number(dateRange.value) * 864e5).toISOString().slice(0, 10);
    setDate(d);
  });
  dateAll.addEventListener('change', () => { if (dateAll.checked) setDate(null); else dateRange.dispatchEvent(new Event('input')); });

  function legendCounts() {
    const labels = {}, grades = {};
    cy.nodes().not('.hidden').forEach(n => {
      labels[n.data('label')] = (labels[n.data('label')] || 0) + 1;
      if (n.data('label') === 'Enterprise') { const g = n.data('grade') || '-'; grades[g] = (grades[g] || 0) + 1; }
    });
    const types = {};
    cy.edges().not('.hidden, .off-date').forEach(e => { types[e.data('type')] = (types[e.data('type')] || 0) + 1; });
    return { labels, grades, types };
  }

  function refresh() {
    tuneForSize();
    const l = legendCounts();
    clear(legend).append(
      ...Object.entries(l.grades).sort().map(([g, n]) => h('div', { class: 'legend-row', 'data-grade': g }, h('span', { class: 'swatch ' + g }), g + ' ' + n)),
      ...Object.entries(l.labels).sort().map(([k, n]) => h('div', { class: 'legend-row', 'data-label': k },
        h('span', { class: 'swatch shape-' + k }), labelName(k) + ' ' + n)),
      ...Object.entries(l.types).sort().map(([k, n]) => h('div', { class: 'legend-row muted', 'data-type': k }, k.toLowerCase() + ' ' + n)));
    const current = nodeList.value;
    clear(nodeList).append(...cy.nodes().not('.hidden').map(n => h('option', { value: n.id() }, n.data('display') + ' · ' + labelName(n.data('label')))));
    if (current) nodeList.value = current;
    status.textContent = status.dataset.error ? status.textContent : cy.nodes().length + ' ' + t('net.nodes') + ', ' + cy.edges().length + ' ' + t('net.edges');
    delete status.dataset.error;
    if (!busy) document.body.dataset.netState = 'ready';
  }

  function showDetails(node) {
    clear(details);
    if (!node) return;
    const d = node.data();
    const note = h('textarea', { id: 'node-note', rows: 2, 'aria-label': t('net.noteNode'), placeholder: t('net.noteNode') });
    note.value = d.note || '';
    note.addEventListener('change', () => node.data('note', note.value));
    details.append(h('p', {}, h('strong', { id: 'sel-name' }, d.name ?? d.key), ' ', d.label === 'Enterprise' ? gradeBadge(d.grade) : null),
      h('p', { class: 'muted', id: 'sel-key' }, d.label + ' · ' + d.key + (d.score !== undefined ? ' · ' + d.score : '') + (d.degree !== undefined ? ' · degree ' + d.degree : '')),
      d.label === 'Enterprise' ? h('a', { href: '#/enterprise/' + encodeURIComponent(d.key) }, t('net.open')) : null, note);
    showHub(node.id());
  }

  cy.on('select', 'node', ev => { nodeList.value = ev.target.id(); showDetails(ev.target); });
  cy.on('dbltap', 'node', ev => run(() => expand(ev.target.id())));
  cy.on('tap', 'node', ev => {
    if (!pathMode) return;
    pathPick.push(ev.target.id());
    if (pathPick.length === 2) { const [a, b] = pathPick; pathPick = []; run(() => pathBetween(a, b)); }
  });
  nodeList.addEventListener('change', () => { cy.$(':selected').unselect(); const n = cy.getElementById(nodeList.value); n.select(); });
  nodeList.addEventListener('keydown', ev => { if (ev.key === 'Enter') { ev.preventDefault(); run(() => net.expand(nodeList.value)); } });
  pathBtn.addEventListener('click', () => {
    pathMode = !pathMode; pathPick = [];
    pathBtn.setAttribute('aria-pressed', String(pathMode));
    pathBtn.classList.toggle('path-mode', pathMode);
    status.textContent = pathMode ? t('net.pathHint') : '';
    if (!pathMode) cy.elements().removeClass('path faded');
  });

  function content() {
    return {
      center, types: checkedTypes(),
      nodes: cy.nodes().map(n => ({ ...n.data(), x: n.position('x'), y: n.position('y'), pinned: n.locked(), hidden: n.hasClass('hidden') })),
      edges: cy.edges().map(e => ({ ...e.data(), hidden: e.hasClass('hidden') })),
    };
  }

  const net = {
    cy,
    idle: () => busy === 0,
    nodeIds: () => cy.nodes().map(n => n.id()),
    visibleNodeIds: () => cy.nodes().not('.hidden').map(n => n.id()),
    edgeCount: () => cy.edges().length,
    visibleEdgeIds: () => cy.edges().not('.hidden, .off-date').map(e => e.id()),
    position: id => ({ ...cy.getElementById(id).position() }),
    positions: () => Object.fromEntries(cy.nodes().map(n => [n.id(), { ...n.position() }])),
    data: id => ({ ...cy.getElementById(id).data() }),
    select: id => { cy.$(':selected').unselect(); cy.getElementById(id).select(); },
    setTypes: list => typeBoxes.forEach(b => { b.checked = list.includes(b.value); }),
    expand: (id, offset) => expand(id, offset),
    more: id => { const p = pages.get(id); return expand(id, p ? p.offset : 0); },
    page: id => pages.get(id),
    hide: id => { const n = cy.getElementById(id); const e = n.union(n.connectedEdges()); e.addClass('hidden'); undoStack.push({ kind: 'hide', eles: e }); },
    showAll: () => { const e = cy.elements('.hidden'); e.removeClass('hidden'); undoStack.push({ kind: 'show', eles: e }); },
    pin: id => { const n = cy.getElementById(id); const was = n.locked(); if (was) { n.unlock(); n.removeClass('pinned'); } else { n.lock(); n.addClass('pinned'); } undoStack.push({ kind: 'pin', node: n, was }); },
    remove: id => { const n = cy.getElementById(id); if (n.empty()) return; const removed = n.union(n.connectedEdges()).remove(); undoStack.push({ kind: 'remove', eles: removed }); },
    undo: () => {
      const a = undoStack.pop();
      if (!a) return false;
      if (a.kind === 'add') a.eles.remove();
      else if (a.kind === 'remove') a.eles.restore();
      else if (a.kind === 'hide') a.eles.removeClass('hidden');
      else if (a.kind === 'show') a.eles.addClass('hidden');
      else if (a.kind === 'pin') { if (a.was) { a.node.lock(); a.node.addClass('pinned'); } else { a.node.unlock(); a.node.removeClass('pinned'); } }
      return true;
    },
    fit: () => cy.fit(undefined, 30),
    pathBetween: (a, b) => pathBetween(a, b),
    pathIds: () => cy.$('.path').map(e => e.id()),
    setDate: day => setDate(day),
    dates: () => dates(),
    legend: () => legendCounts(),
    csv: kind => kind === 'nodes'
      ? toCsv(['id', 'label', 'key', 'name', 'grade', 'score', 'x', 'y', 'pinned', 'note'], cy.nodes().map(n => ({ ...n.data(), x: Math.round(n.position('x')), y: Math.round(n.position('y')), pinned: n.locked() })))
      : toCsv(['id', 'source', 'target', 'type', 'share', 'since', 'until'], cy.edges().map(e => e.data())),
    png: () => cy.png({ full: true, bg: '#ffffff', scale: 1 }),
    investigation: () => investigation,
    save: async () => {
      const body = { name: nameIn.value.trim() || (center || 'investigation'), notes: notesIn.value, shared: sharedIn.checked, content: content() };
      const saved = investigation ? await api('/investigations/' + enc(investigation), { method: 'PUT', body })
        : await api('/investigations', { method: 'POST', body });
      investigation = saved.id;
      history.replaceState(null, '', '#/investigation/' + encodeURIComponent(saved.id));
      toast(t('net.saved'));
      status.textContent = t('net.saved') + ' ' + saved.id;
      return saved.id;
    },
    drawMillis: null,
    timings: {},
  };
  window.rg.network = net;
  document.body.dataset.netState = 'loading';

  if (opts.investigation) {
    const inv = await api('/investigations/' + enc(opts.investigation));
    investigation = inv.mine ? inv.id : null;
    nameIn.value = inv.name; notesIn.value = inv.notes || ''; sharedIn.checked = !!inv.shared;
    const c = inv.content || {};
    center = c.center || null;
    if (Array.isArray(c.types)) net.setTypes(c.types);
    cy.add((c.nodes || []).map(n => ({ group: 'nodes', data: nodeData(n), position: { x: n.x, y: n.y }, classes: (n.hidden ? 'hidden ' : '') + (n.pinned ? 'pinned' : '') })));
    cy.nodes('.pinned').lock();
    cy.add((c.edges || []).filter(e => cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty())
      .map(e => ({ group: 'edges', data: edgeData(e), classes: e.hidden ? 'hidden' : '' })));
    if (center) cy.getElementById(center).addClass('center');
    cy.fit(undefined, 30);
    status.textContent = inv.name + (inv.mine ? '' : ' · ' + inv.owner);
  } else {
    const u = enc(opts.uscc);
    const [r, p] = await Promise.all([api('/enterprises/' + u + '/network' + qs({ hops: opts.hops || 2, limit: opts.limit })), api('/enterprises/' + u).catch(() => null)]);
    if (p) profileBox.append(h('div', { class: 'card' }, h('strong', { id: 'net-profile-name' }, p.name), ' ', gradeBadge(p.grade),
      h('div', { class: 'muted' }, p.score !== null && p.score !== undefined ? t('profile.score') + ' ' + p.score : t('profile.notGraded')),
      h('a', { href: '#/enterprise/' + encodeURIComponent(p.uscc) }, t('net.open'))));
    center = r.center;
    add(r.nodes, r.edges);
    for (const extra of (opts.with ? opts.with.split(',') : [])) {
      if (!extra || extra === opts.uscc) continue;
      const more = await api('/enterprises/' + enc(extra) + '/network' + qs({ hops: 1 })).catch(() => null);
      if (more) add(more.nodes, more.edges);
    }
    cy.getElementById(center).addClass('center');
    tuneForSize();
    net.timings.fetched = Math.round(performance.now() - started);
    await layoutAll();
    net.timings.laidOut = Math.round(performance.now() - started);
    if (opts.focus) cy.getElementById(opts.focus).select();
  }
  refreshDateRange();
  net.drawMillis = Math.round(performance.now() - started);
  refresh();
  return () => { cy.destroy(); if (window.rg.network === net) window.rg.network = null; delete document.body.dataset.netState; };
}
