// #/status — what query-service knows of the pipeline: documents indexed, annotation events still to be
// indexed (consumer lag), status events not yet published (outbox), the newest indexed documents.
// Refreshes every 10 s while open.
import { api } from '../api.js';
import { h, clear, num, when, loading, errorNotice } from '../dom.js';
import { typeLabel, typeInfo, relationLabel, relationInfo } from '../types.js';
import { href } from '../router.js';

const REFRESH_MS = 10000;

export async function renderStatus(view, { signal }) {
  document.title = 'Pipeline status — litgraph explorer';
  const body = h('div', {}, loading('Reading the pipeline status…'));
  const updated = h('span', { class: 'muted small', id: 'status-updated' });
  const refresh = h('button', { type: 'button', class: 'button small', onclick: () => load() }, 'Refresh');
  view.append(h('div', { class: 'row' }, h('h1', {}, 'Pipeline status'), h('span', { class: 'spacer' }), updated, refresh), body);

  let timer = null;
  signal.addEventListener('abort', () => clearTimeout(timer));

  async function load() {
    clearTimeout(timer);
    try {
      const [stats, newest] = await Promise.all([
        api.stats({ signal }),
        api.searchDocuments({ limit: 10, facets: false }, { signal }).catch(e => ({ error: e })),
      ]);
      clear(body).append(...render(stats, newest));
      updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      if (e.name === 'AbortError') return;
      clear(body).append(errorNotice(e, 'Status'));
    }
    if (!signal.aborted) {
      timer = setTimeout(load, REFRESH_MS);
    }
  }
  await load();
}

function render(stats, newest) {
  const consumer = stats.consumer || {};
  const lag = typeof consumer.lag === 'number' ? consumer.lag : null;
  const healthy = !consumer.error && (lag === null || lag === 0) && !stats.outboxPending;
  const card = (n, label, cls = '') => h('div', { class: `card ${cls}` }, h('div', { class: 'num' }, n), h('div', { class: 'label' }, label));

  const stages = h('section', { class: 'panel', 'aria-labelledby': 'stages-h' },
    h('h2', { id: 'stages-h' }, 'Documents per stage'),
    h('div', { class: 'table-scroll' }, h('table', { id: 'stages' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Stage'), h('th', { scope: 'col', class: 'num' }, 'Count'), h('th', { scope: 'col' }, 'Meaning'))),
      h('tbody', {},
        h('tr', {}, h('td', {}, 'Annotated, waiting to be indexed'), h('td', { class: 'num' }, lag === null ? '?' : num(lag)),
          h('td', { class: 'small' }, `annotation events on ${consumer.topic || 'litgraph.annotations.v1'} not yet consumed by ${consumer.group || 'query-service'}`)),
        h('tr', {}, h('td', {}, 'Indexed (queryable)'), h('td', { class: 'num' }, num(stats.documents)),
          h('td', { class: 'small' }, 'documents with their mentions and relations stored')),
        h('tr', {}, h('td', {}, 'INDEXED status not yet sent'), h('td', { class: 'num' }, num(stats.outboxPending)),
          h('td', { class: 'small' }, 'status events in the outbox, on their way to ingest-service'))))),
    consumer.error ? h('p', { class: 'notice error' }, `Consumer lag unknown: ${consumer.error}`) : null,
    h('p', { class: 'small' }, healthy ? h('span', { class: 'ok' }, '✓ Caught up. ') : h('span', { class: 'bad' }, '● Work in progress. '),
      `Newest annotation event: ${when(stats.newestEventTime)} · last indexed: ${when(stats.lastIndexedAt)}`),
    h('p', { class: 'muted small' },
      'Received and annotating stages, and failures with their reasons, are kept by ingest-service ',
      '(GET /api/documents/{id}/status on its own port) and in the dead-letter topic (./bin/litgraph dlq list); ',
      'query-service does not expose them, so this page shows the stages query-service can see.'));

  const partitions = (consumer.partitions || []);
  const lagPanel = partitions.length ? h('section', { class: 'panel', 'aria-labelledby': 'lag-h' },
    h('h2', { id: 'lag-h' }, 'Consumer lag by partition'),
    h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Partition', 'Committed', 'End', 'Lag'].map(t => h('th', { scope: 'col', class: t === 'Partition' ? '' : 'num' }, t)))),
      h('tbody', {}, partitions.map(p => h('tr', {}, h('td', {}, p.partition), h('td', { class: 'num' }, num(p.committed)),
        h('td', { class: 'num' }, num(p.end)), h('td', { class: `num ${p.lag ? 'bad' : ''}` }, num(p.lag)))))))) : null;

  const newestPanel = h('section', { class: 'panel', 'aria-labelledby': 'newest-h' }, h('h2', { id: 'newest-h' }, 'Newest indexed documents'));
  if (newest.error) {
    newestPanel.append(errorNotice(newest.error));
  } else if (!(newest.items || []).length) {
    newestPanel.append(h('p', { class: 'muted' }, 'Nothing indexed yet.'));
  } else {
    newestPanel.append(h('div', { class: 'table-scroll' }, h('table', { id: 'newest' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Document'), h('th', { scope: 'col' }, 'Indexed'),
        h('th', { scope: 'col', class: 'num' }, 'Mentions'), h('th', { scope: 'col', class: 'num' }, 'Relations'))),
      h('tbody', {}, newest.items.map(d => h('tr', {},
        h('td', {}, h('a', { href: href('doc', d.id) }, d.title || d.id)),
        h('td', { class: 'small' }, when(d.indexedAt)),
        h('td', { class: 'num' }, num(d.mentionCount)), h('td', { class: 'num' }, num(d.relationCount))))))));
  }

  const byType = (title, map, label, color, cls) => {
    const entries = Object.entries(map || {}).sort((a, b) => b[1] - a[1]);
    const max = Math.max(1, ...entries.map(([, v]) => v));
    return h('section', { class: 'panel', 'aria-labelledby': `${cls}-h` }, h('h2', { id: `${cls}-h` }, title),
      entries.length ? h('table', {}, h('tbody', {}, entries.map(([k, v]) => h('tr', {},
        h('td', {}, h('span', { class: 'badge', style: { background: color(k) } }, label(k))),
        h('td', { style: { width: '45%' } }, h('div', { class: 'stage-bar', 'aria-hidden': 'true' },
          h('span', { style: { width: `${(100 * v / max).toFixed(1)}%`, background: color(k) } }))),
        h('td', { class: 'num' }, num(v)))))) : h('p', { class: 'muted small' }, 'None yet.'));
  };

  return [
    h('div', { class: 'cards', id: 'status-cards' },
      card(num(stats.documents), 'documents indexed'), card(num(stats.concepts), 'concepts'),
      card(num(stats.mentions), 'normalized mentions'), card(num(stats.relations), 'relation evidence sentences'),
      card(lag === null ? '?' : num(lag), 'events waiting', lag ? 'bad' : '')),
    h('div', { class: 'layout', style: { marginTop: '1rem' } },
      h('div', {}, stages, newestPanel, lagPanel),
      h('aside', { 'aria-label': 'Counts by type' },
        byType('Concepts by type', stats.conceptsByType, typeLabel, t => typeInfo(t).color, 'cbt'),
        byType('Relations by type', stats.relationsByType, relationLabel, t => relationInfo(t).color, 'rbt'))),
  ];
}
