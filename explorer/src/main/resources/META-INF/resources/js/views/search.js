// #/search?q=&concept=&type= — matching concepts, documents with highlighted snippets, facets to narrow.
import { api } from '../api.js';
import { h, loading, errorNotice, marked, num, plural, announce } from '../dom.js';
import { typeLabel, typeClass, TYPES } from '../types.js';
import { href } from '../router.js';

export async function renderSearch(view, { params, signal }) {
  const q = (params.get('q') || '').trim();
  const concepts = params.getAll('concept').flatMap(c => c.split(',')).filter(Boolean);
  const types = params.getAll('type').filter(Boolean);
  document.title = q ? `${q} — litgraph explorer` : 'litgraph explorer';

  const heading = h('h1', {}, q ? `Results for “${q}”` : (concepts.length || types.length ? 'Documents' : 'Explore the literature graph'));
  const conceptSection = h('section', { 'aria-labelledby': 'concept-hits-h' });
  const docSection = h('section', { 'aria-labelledby': 'doc-hits-h', class: 'panel' });
  const facetSection = h('aside', { 'aria-label': 'Refine' });
  const filters = h('div', { class: 'filters row', 'aria-label': 'Active filters' });
  view.append(heading, filters, h('div', { class: 'layout' }, h('div', {}, conceptSection, docSection), facetSection));

  if (!q && !concepts.length && !types.length) {
    conceptSection.append(h('p', { class: 'muted' },
      'Search for a gene, disease, chemical or any word; pick a suggestion to open a concept, or press Enter for matching documents. ',
      'The newest indexed documents are below.'));
  }

  // Active filters, each removable.
  const base = { q, concept: concepts.join(','), type: types.join(',') };
  for (const id of concepts) {
    const chip = h('span', { class: 'chip' }, 'mentions ', h('a', { href: href('concept', id) }, id), ' ',
      h('a', { href: href('search', null, { ...base, concept: concepts.filter(c => c !== id).join(',') }), 'aria-label': `Remove filter ${id}` }, '✕'));
    filters.append(chip);
    api.concept(id, { signal }).then(c => { chip.querySelector('a').textContent = c.name; }).catch(() => {});
  }
  for (const t of types) {
    filters.append(h('span', { class: `chip ${typeClass(t)}` }, h('span', { class: 'swatch' }), `has ${typeLabel(t)}`, ' ',
      h('a', { href: href('search', null, { ...base, type: types.filter(x => x !== t).join(',') }), 'aria-label': `Remove filter ${typeLabel(t)}` }, '✕')));
  }

  // Concepts whose name matches the query (the "across concepts and documents" half of search).
  if (q) {
    conceptSection.append(h('h2', { id: 'concept-hits-h' }, 'Concepts'), loading('Looking up concepts…'));
    api.concepts({ q, limit: 12 }, { signal }).then(page => {
      conceptSection.querySelector('.loading')?.remove();
      const items = page.items || [];
      if (!items.length) {
        conceptSection.append(h('p', { class: 'muted' }, 'No concept by that name.'));
        return;
      }
      conceptSection.append(h('ul', { class: 'concept-hits' }, items.map(c => h('li', {},
        h('a', { href: href('concept', c.id), class: `chip ${typeClass(c.type)}` },
          h('span', { class: 'swatch' }), h('span', {}, c.name),
          h('span', { class: 'muted small' }, `${typeLabel(c.type)} · ${plural(c.documentCount, 'doc')}`))))));
    }).catch(e => {
      if (e.name !== 'AbortError') {
        conceptSection.querySelector('.loading')?.remove();
        conceptSection.append(errorNotice(e, 'Concepts'));
      }
    });
  }

  docSection.append(h('h2', { id: 'doc-hits-h' }, q || concepts.length || types.length ? 'Documents' : 'Newest documents'));
  const list = h('ol', { class: 'results', 'aria-labelledby': 'doc-hits-h' });
  const status = loading('Searching documents…');
  const more = h('button', { class: 'button', type: 'button', hidden: true }, 'More documents');
  docSection.append(status, list, more);

  const query = { q, concept: concepts, type: types, limit: 20 };
  // Facets are most of a search's cost (concepts counted over the best 1000 matches: ~0.7 s against 30 ms
  // for the hits at 100k documents, docs/BENCHMARKS.md "Explorer"), so the hits are asked for without them
  // and shown at once, and the facets follow from a request of their own.
  const facetPanel = h('section', { class: 'panel facets', 'aria-labelledby': 'facets-h' },
    h('h2', { id: 'facets-h' }, 'Refine'), loading('Counting concepts among the matches…'));
  facetSection.append(facetPanel);
  api.searchDocuments({ ...query, limit: 1, facets: true }, { signal })
    .then(f => renderFacets(facetPanel, f.facets, f.facetSample, base))
    .catch(e => {
      if (e.name !== 'AbortError') {
        facetPanel.querySelector('.loading')?.replaceWith(errorNotice(e, 'Refine'));
      }
    });
  let page;
  try {
    page = await api.searchDocuments({ ...query, facets: false }, { signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    status.replaceWith(errorNotice(e, 'Documents'));
    return;
  }
  status.remove();
  appendDocs(list, page.items || []);
  if (!(page.items || []).length) {
    docSection.append(h('p', { class: 'muted' }, 'No documents match.'));
  }
  announce(`${(page.items || []).length}${page.nextCursor ? '+' : ''} documents`);
  let cursor = page.nextCursor;
  more.hidden = !cursor;
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await api.searchDocuments({ ...query, cursor, facets: false }, { signal });
      const firstNew = appendDocs(list, next.items || []);
      cursor = next.nextCursor;
      more.hidden = !cursor;
      firstNew?.querySelector('a')?.focus();
    } catch (e) {
      if (e.name !== 'AbortError') more.after(errorNotice(e));
    } finally {
      more.disabled = false;
    }
  });
}

function appendDocs(list, items) {
  let first = null;
  for (const d of items) {
    const li = h('li', {},
      h('a', { class: 'title', href: href('doc', d.id) }, d.title && d.title.trim() ? d.title : h('span', {}, 'Untitled ', h('span', { class: 'mono small' }, d.id))),
      d.snippet ? h('p', { class: 'snippet' }, marked(d.snippet)) : null,
      h('div', { class: 'meta' }, [
        d.published ? `published ${d.published}` : null,
        d.source ? `source ${d.source}` : null,
        plural(d.mentionCount, 'mention'),
        plural(d.relationCount, 'relation'),
      ].filter(Boolean).join(' · ')));
    first = first || li;
    list.append(li);
  }
  return first;
}

function renderFacets(panel, facets, sample, base) {
  panel.querySelector('.loading')?.remove();
  const entries = Object.entries(facets || {}).filter(([, list]) => list && list.length);
  if (!entries.length) {
    panel.append(h('p', { class: 'muted small' }, 'No concepts to refine by.'));
    return;
  }
  panel.append(h('p', { class: 'muted small' }, `Most mentioned concepts${sample ? ` among the best ${num(sample)} matches` : ''}; pick one to keep only documents that mention it.`));
  const order = Object.keys(TYPES);
  entries.sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const current = base.concept ? base.concept.split(',') : [];
  for (const [type, list] of entries) {
    panel.append(h('h3', { class: typeClass(type) }, h('span', { class: 'swatch', style: { width: '.8rem', height: '.8rem', borderRadius: '50%', display: 'inline-block', background: 'var(--tc)' } }), typeLabel(type),
      h('a', { class: 'small', href: href('search', null, { ...base, type: [...new Set([...(base.type ? base.type.split(',') : []), type])].join(',') }), 'aria-label': `Only documents with a ${typeLabel(type)}` }, 'filter')));
    panel.append(h('ul', {}, list.map(f => h('li', {},
      h('a', { href: href('search', null, { ...base, concept: [...new Set([...current, f.id])].join(',') }), title: `Only documents mentioning ${f.name}` }, f.name),
      h('a', { class: 'small muted', href: href('concept', f.id), 'aria-label': `Open concept ${f.name}` }, 'open'),
      h('span', { class: 'muted small' }, num(f.documentCount))))));
  }
}
