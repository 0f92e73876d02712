// #/status — what query-service knows of the pipeline: documents indexed, annotation events still to be
// indexed (consumer lag), status events not yet published (outbox), recent failures with their reasons
// (GET /api/failures: FAILED status events and dead letters query-service consumed), the newest indexed
// documents. Refreshes every 10 s while open, except while the reader is working inside the page (focus in
// it, a message expanded, more failures loaded), so that nothing moves under the keyboard.
import { api } from '../api.js';
import { h, clear, num, when, loading, errorNotice, plural, announce } from '../dom.js';
import { typeLabel, typeInfo, relationLabel, relationInfo } from '../types.js';
import { href } from '../router.js';

const REFRESH_MS = 10000;
const FAILURES_PAGE = 20;
/** longer reasons show their start, with the whole message behind a disclosure */
const REASON_PREVIEW = 280;

export async function renderStatus(view, { signal }) {
  document.title = 'Pipeline status — litgraph explorer';
  const body = h('div', {}, loading('Reading the pipeline status…'));
  const updated = h('span', { class: 'muted small', id: 'status-updated' });
  const refresh = h('button', { type: 'button', class: 'button small', onclick: () => load() }, 'Refresh');
  view.append(h('div', { class: 'row' }, h('h1', {}, 'Pipeline status'), h('span', { class: 'spacer' }), updated, refresh), body);

  let timer = null;
  signal.addEventListener('abort', () => clearTimeout(timer));

  const busy = () => body.contains(document.activeElement) || body.querySelector('details[open]')
    || body.querySelector('[data-more-loaded]');

  async function load(auto = false) {
    clearTimeout(timer);
    if (!auto || !busy()) {
      try {
        const [stats, newest, failures] = await Promise.all([
          api.stats({ signal }),
          api.searchDocuments({ limit: 10, facets: false }, { signal }).catch(e => ({ error: e })),
          api.failures({ limit: FAILURES_PAGE }, { signal }).catch(e => ({ error: e })),
        ]);
        clear(body).append(...render(stats, newest, failures, signal));
        updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
      } catch (e) {
        if (e.name === 'AbortError') return;
        clear(body).append(errorNotice(e, 'Status'));
      }
    }
    if (!signal.aborted) {
      timer = setTimeout(() => load(true), REFRESH_MS);
    }
  }
  await load();
}

function render(stats, newest, failures, signal) {
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
          h('td', { class: 'small' }, 'status events in the outbox, on their way to ingest-service')),
        h('tr', {}, h('td', {}, 'Failed'), h('td', { class: `num ${stats.failures ? 'bad' : ''}` }, failureCount(stats, failures)),
          h('td', { class: 'small' }, 'annotation or indexing failures not resolved by a later indexing of the document (listed below)'))))),
    consumer.error ? h('p', { class: 'notice error' }, `Consumer lag unknown: ${consumer.error}`) : null,
    h('p', { class: 'small' }, healthy ? h('span', { class: 'ok' }, '✓ Caught up. ') : h('span', { class: 'bad' }, '● Work in progress. '),
      `Newest annotation event: ${when(stats.newestEventTime)} · last indexed: ${when(stats.lastIndexedAt)}`),
    h('p', { class: 'muted small' },
      'The received and annotating stages of single documents are kept by ingest-service ',
      '(GET /api/documents/{id}/status on its own port); this page shows what query-service sees on the topics.'));

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
      card(lag === null ? '?' : num(lag), 'events waiting', lag ? 'bad' : ''),
      card(failureCount(stats, failures), 'recent failures', stats.failures ? 'bad' : '')),
    h('div', { class: 'layout', style: { marginTop: '1rem' } },
      h('div', {}, stages, failuresPanel(failures, signal), newestPanel, lagPanel),
      h('aside', { 'aria-label': 'Counts by type' },
        byType('Concepts by type', stats.conceptsByType, typeLabel, t => typeInfo(t).color, 'cbt'),
        byType('Relations by type', stats.relationsByType, relationLabel, t => relationInfo(t).color, 'rbt'))),
  ];
}

/** stats.failures, or "?" from a query-service that does not count failures yet */
function failureCount(stats, failures) {
  if (typeof stats.failures === 'number') return num(stats.failures);
  return failures && typeof failures.stored === 'number' ? num(failures.stored) : '?';
}

function failuresPanel(failures, signal) {
  const panel = h('section', { class: 'panel', id: 'failures', 'aria-labelledby': 'failures-h' },
    h('h2', { id: 'failures-h' }, 'Recent failures'));
  if (failures.error) {
    panel.append(errorNotice(failures.error));
    return panel;
  }
  const items = failures.items || [];
  if (!items.length) {
    panel.append(h('p', { id: 'failures-empty' }, h('span', { class: 'ok' }, '✓ No failures. '),
      h('span', { class: 'muted small' }, 'Documents the engine could not annotate, annotations that could not be indexed ',
        'and records a consumer dead-lettered are listed here with their reasons.')));
    return panel;
  }
  const list = h('ol', { class: 'failures', id: 'failure-list' }, items.map(failureItem));
  panel.append(
    h('p', { class: 'muted small' }, `${plural(failures.stored, 'failure')} kept, newest first (at most ${num(failures.maxStored)}; `,
      'older ones are dropped). A failure disappears once its document is indexed again. ',
      'Dead-lettered records can be sent again with ', h('code', {}, './bin/litgraph dlq replay'), '.'),
    list);
  let cursor = failures.nextCursor;
  if (cursor) {
    const more = h('button', { type: 'button', class: 'button small', id: 'failures-more' }, 'Show older failures');
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const page = await api.failures({ limit: FAILURES_PAGE, cursor }, { signal });
        const added = (page.items || []).map(failureItem);
        list.append(...added);
        list.dataset.moreLoaded = 'true';
        cursor = page.nextCursor;
        announce(`${plural(added.length, 'older failure')} shown`);
        if (added.length) {
          // keyboard users continue at the first failure they have not seen
          added[0].setAttribute('tabindex', '-1');
          added[0].focus();
        }
        if (cursor) more.disabled = false; else more.remove();
      } catch (e) {
        if (e.name === 'AbortError') return;
        more.replaceWith(errorNotice(e, 'Older failures'));
      }
    });
    panel.append(more);
  }
  return panel;
}

const STAGES = { annotation: 'annotation', indexing: 'indexing', status: 'status tracking', ingest: 'ingest' };

function failureItem(f) {
  const documentCell = !f.documentId ? h('span', { class: 'muted' }, 'no document id')
    : f.documentIndexed ? h('a', { href: href('doc', f.documentId) }, f.documentId)
      : h('span', {}, h('code', {}, f.documentId), h('span', { class: 'muted small' }, ' (not indexed)'));
  const reason = String(f.reason || '');
  const reasonEl = reason.length <= REASON_PREVIEW ? h('p', { class: 'failure-reason' }, reason)
    : h('div', {}, h('p', { class: 'failure-reason' }, reason.slice(0, REASON_PREVIEW) + '…'),
      h('details', {}, h('summary', {}, 'Whole message'), h('pre', { class: 'failure-message' }, reason)));
  const source = f.sourceTopic ? `${f.sourceTopic} partition ${f.sourcePartition} offset ${num(f.sourceOffset)}` : null;
  return h('li', { class: 'failure', dataset: { kind: f.kind || '' } },
    h('div', { class: 'failure-head' },
      h('span', { class: 'badge stage-badge' }, STAGES[f.stage] || f.stage || 'unknown stage'),
      h('span', { class: 'failure-kind' }, f.kind === 'dead-letter' ? 'dead-lettered' : 'failed'),
      h('time', { datetime: f.occurredAt, class: 'muted small' }, when(f.occurredAt))),
    h('div', { class: 'failure-doc' }, h('span', { class: 'visually-hidden' }, 'Document: '), documentCell,
      f.documentVersion ? h('span', { class: 'muted small' }, ` version ${f.documentVersion}`) : null),
    reasonEl,
    h('div', { class: 'muted small failure-meta' },
      [f.service, f.errorClass, source].filter(Boolean).join(' · ')));
}
