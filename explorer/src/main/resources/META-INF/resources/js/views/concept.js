// #/concept/<id> — names, synonyms, cross-references, counts, and the neighbourhood graph: click a node
// to see it (expand it or open it), click an edge or "Evidence" to read the sentences behind it.
import { api } from '../api.js';
import { h, clear, num, plural, loading, errorNotice, announce } from '../dom.js';
import { typeLabel, typeClass, typeInfo, relationLabel, RELATIONS } from '../types.js';
import { href, go, replace } from '../router.js';
import { createGraph } from '../graph.js';
import { evidenceText } from './document.js';
import { minBeliefParam, beliefBadge, showAllControl } from '../belief.js';

const NEIGHBORS = 25;
const EXPAND_NEIGHBORS = 12;

const XREF_NAMES = {
  NCBIGene: 'NCBI Gene', MESH: 'MeSH', CHEBI: 'ChEBI', CL: 'Cell Ontology (CL)', GO: 'Gene Ontology',
  NCBITaxon: 'NCBI Taxonomy', HGNC: 'HGNC', UniProt: 'UniProt', UBERON: 'UBERON', HP: 'HPO', DOID: 'Disease Ontology',
  Ensembl: 'Ensembl', OMIM: 'OMIM', DrugBank: 'DrugBank', Cellosaurus: 'Cellosaurus',
};

function xrefName(curie) {
  const prefix = String(curie).split(':')[0];
  const known = Object.keys(XREF_NAMES).find(k => k.toLowerCase() === prefix.toLowerCase());
  return known ? XREF_NAMES[known] : prefix;
}

export async function renderConcept(view, { id, params, signal }) {
  if (!id) {
    throw new Error('No concept id in the address.');
  }
  // relations below the API's default belief threshold only with "Show all relations" (all=1)
  const showAll = minBeliefParam(params) === 0;
  const minBelief = showAll ? 0 : undefined;
  const neighborsPromise = api.neighbors(id, { limit: NEIGHBORS, minBelief }, { signal });
  neighborsPromise.catch(() => {});
  const c = await api.concept(id, { signal });
  document.title = `${c.name} — litgraph explorer`;

  const head = h('header', { class: 'panel' },
    h('div', { class: 'concept-head' },
      h('h1', { id: 'concept-title', style: { margin: 0 } }, c.name || c.id),
      h('span', { class: `badge ${typeClass(c.type)}` }, typeLabel(c.type)),
      c.url ? h('a', { href: c.url, rel: 'noopener noreferrer', target: '_blank', class: 'mono' }, c.id, ' ↗')
        : h('span', { class: 'mono' }, c.id)),
    h('div', { class: 'cards', style: { marginTop: '.75rem' } },
      h('a', { class: 'card', href: href('search', null, { concept: c.id }), style: { textDecoration: 'none', color: 'inherit' } },
        h('div', { class: 'num' }, num(c.documentCount)), h('div', { class: 'label' }, 'documents mention it →')),
      h('div', { class: 'card' }, h('div', { class: 'num' }, num(c.mentionCount)), h('div', { class: 'label' }, 'mentions')),
      h('div', { class: 'card' }, h('div', { class: 'num' }, num((c.synonyms || []).length)), h('div', { class: 'label' }, 'names in the corpus'))),
    h('p', { class: 'row', style: { marginBottom: 0 } },
      h('a', { class: 'button', href: href('search', null, { concept: c.id }) }, 'Documents mentioning it'),
      h('a', { class: 'button', href: href('paths', null, { from: c.id }) }, 'Find paths from here')));

  const graphBox = h('div', { class: 'graph', id: 'graph', role: 'img',
    'aria-label': `Neighbourhood graph of ${c.name}. The same concepts are listed in the table below.` });
  const selection = h('section', { class: 'panel selection', id: 'selection', 'aria-live': 'polite', 'aria-labelledby': 'selection-h' },
    h('h2', { id: 'selection-h' }, 'Selection'),
    h('p', { class: 'muted small' }, 'Click a concept in the graph to expand or open it, or a link to read its evidence. Double-click opens a concept. The table below offers the same with the keyboard.'));
  const minDocs = h('select', { id: 'min-docs' }, [1, 2, 3, 5, 10].map(n => h('option', { value: n }, `${n}+`)));
  const relationsOnly = h('input', { type: 'checkbox', id: 'relations-only' });
  const toolbar = h('div', { class: 'graph-toolbar' },
    h('label', { for: 'min-docs' }, 'Supporting documents', minDocs),
    h('label', { for: 'relations-only' }, relationsOnly, 'Extracted relations only'),
    showAllControl('show-all-relations', showAll,
      checked => replace('concept', id, checked ? { all: 1 } : null)),
    h('button', { type: 'button', class: 'button small', id: 'graph-fit', onclick: () => graph && graph.cy.fit(undefined, 30) }, 'Fit'),
    h('button', { type: 'button', class: 'button small', onclick: () => graph && graph.layout() }, 'Re-layout'));
  const tableBox = h('div', { class: 'table-scroll' });
  const nodeLegendBox = h('ul', { class: 'legend', 'aria-label': 'Node colours and shapes by type' });
  const refreshLegend = () => {
    clear(nodeLegendBox).append(...(graph ? graph.types() : []).map(t => h('li', {},
      h('span', { class: `swatch ${typeClass(t)}`, style: { borderRadius: typeInfo(t).shape === 'ellipse' ? '50%' : '2px' } }), typeLabel(t))));
  };
  const graphSection = h('section', { class: 'panel', 'aria-labelledby': 'graph-h' },
    h('h2', { id: 'graph-h' }, 'Neighbourhood'),
    toolbar, h('div', { class: 'graph-wrap' }, graphBox), nodeLegendBox, edgeLegend());

  const aside = h('aside', { 'aria-label': 'Names and links' }, namesPanel(c), relatedPanel(c));
  view.append(head, h('div', { class: 'layout', style: { marginTop: '1rem' } },
    h('div', {}, graphSection, selection, h('section', { class: 'panel', 'aria-labelledby': 'nb-h' }, h('h2', { id: 'nb-h' }, 'Linked concepts'), tableBox)),
    aside));

  // The graph and its accessible twin, the table.
  let graph = null;
  const expanded = new Set([c.id]);
  tableBox.append(loading('Loading the neighbourhood…'));
  let page;
  try {
    page = await neighborsPromise;
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    clear(tableBox).append(errorNotice(e, 'Neighbourhood'));
    graphBox.replaceWith(errorNotice(e, 'Graph'));
    return;
  }
  clear(tableBox);
  if (!(page.items || []).length) {
    tableBox.append(h('p', { class: 'muted' }, 'No linked concepts yet.'));
  }
  try {
    graph = createGraph(graphBox, {
      onSelectNode: d => showNode(d),
      onSelectEdge: d => showPair(d.a, d.b, d),
      onOpenNode: d => go('concept', d.id),
      onClear: () => {},
    });
    window.litgraphGraph = graph.cy; // for the browser test and the curious (devtools)
    const drawStart = performance.now();
    graph.addNeighborhood(c, page, { isCenter: true });
    graph.layout({ initial: true });
    refreshLegend();
    // User Timing entry, read by the explorer benchmark (system-tests/explorer-bench.sh)
    performance.measure('litgraph:graph', { start: drawStart });
  } catch (e) {
    graphBox.replaceWith(errorNotice(e, 'Graph'));
    graph = null;
  }
  if (!showAll && typeof page.minBelief === 'number') {
    tableBox.append(h('p', { class: 'muted small', id: 'belief-note' },
      `Relations with belief ≥ ${page.minBelief.toFixed(2)}; “Show all relations” lists weaker ones too.`));
  }
  tableBox.append(neighborTable(c, page.items || []));
  announce(`${plural((page.items || []).length, 'linked concept')}`);

  const applyFilter = () => graph && graph.filter({ minDocs: Number(minDocs.value), relationsOnly: relationsOnly.checked });
  minDocs.addEventListener('change', applyFilter);
  relationsOnly.addEventListener('change', applyFilter);
  signal.addEventListener('abort', () => { if (graph) graph.destroy(); if (window.litgraphGraph === graph?.cy) window.litgraphGraph = null; });

  function neighborTable(center, items) {
    return h('table', { id: 'neighbors' },
      h('caption', { class: 'visually-hidden' }, `Concepts linked to ${center.name}`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Concept'), h('th', { scope: 'col' }, 'Relations (documents)'),
        h('th', { scope: 'col', class: 'num' }, 'Co-occur'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, items.map(n => h('tr', {},
        h('td', {}, h('span', { class: `badge ${typeClass(n.type)}` }, typeLabel(n.type)), ' ',
          h('a', { href: href('concept', n.id) }, n.name)),
        h('td', {}, (n.relations || []).length
          ? (n.relations || []).map(r => `${relationLabel(r.type)}${r.direction === 'outgoing' ? ' →' : r.direction === 'incoming' ? ' ←' : ''} (${r.documents}${typeof r.belief === 'number' ? `, belief ${r.belief.toFixed(2)}` : ''})`).join(', ')
          : h('span', { class: 'muted' }, 'co-occurrence only')),
        h('td', { class: 'num' }, n.cooccurrence ? num(n.cooccurrence.documents) : '–'),
        h('td', {}, h('div', { class: 'row' },
          h('button', { type: 'button', class: 'button small evidence-button', 'data-neighbor': n.id,
            onclick: () => { graph && graph.select(graph.pairId(center.id, n.id)); showPair(center.id, n.id); } }, 'Evidence'),
          h('button', { type: 'button', class: 'button small', 'aria-label': `Expand ${n.name} in the graph`,
            onclick: e => expand(n, e.currentTarget) }, 'Expand')))))));
  }

  async function expand(concept, button) {
    if (!graph || expanded.has(concept.id)) {
      if (button) button.disabled = true;
      return;
    }
    expanded.add(concept.id);
    if (button) button.disabled = true;
    try {
      const more = await api.neighbors(concept.id, { limit: EXPAND_NEIGHBORS, minBelief }, { signal });
      const added = graph.addNeighborhood(concept, more);
      graph.layout();
      refreshLegend();
      applyFilter();
      graph.select(concept.id);
      announce(`${concept.name} expanded: ${plural(added, 'new concept')}`);
    } catch (e) {
      if (e.name !== 'AbortError') {
        expanded.delete(concept.id);
        if (button) button.disabled = false;
        showError(e);
      }
    }
  }

  function showError(e) {
    clear(selection).append(h('h2', { id: 'selection-h' }, 'Selection'), errorNotice(e));
  }

  function showNode(d) {
    const info = typeInfo(d.type);
    clear(selection).append(
      h('h2', { id: 'selection-h' }, d.name),
      h('p', {}, h('span', { class: `badge ${typeClass(d.type)}` }, info.label), ' ', h('span', { class: 'mono small' }, d.id),
        ' · ', plural(d.documentCount, 'document')),
      h('div', { class: 'row' },
        h('a', { class: 'button primary', href: href('concept', d.id) }, 'Open'),
        d.id !== c.id ? h('button', { type: 'button', class: 'button', disabled: expanded.has(d.id),
          onclick: e => expand({ id: d.id, name: d.name, type: d.type, documentCount: d.documentCount }, e.currentTarget) },
        expanded.has(d.id) ? 'Expanded' : 'Expand') : null,
        d.id !== c.id ? h('button', { type: 'button', class: 'button', onclick: () => showPair(c.id, d.id) }, `Evidence with ${c.name}`) : null,
        d.id !== c.id ? h('a', { class: 'button', href: href('paths', null, { from: c.id, to: d.id }) }, 'Paths') : null));
  }

  async function showPair(a, b, edge) {
    const nameOf = x => (graph && graph.cy.getElementById(x).data('name')) || x;
    const body = h('div', {}, loading('Loading evidence…'));
    clear(selection).append(h('h2', { id: 'selection-h' }, `${nameOf(a)} — ${nameOf(b)}`), body);
    const e = edge || (graph && graph.cy.getElementById(graph.pairId(a, b)).data());
    if (e) {
      body.before(h('p', { class: 'small' },
        (e.relations || []).length
          ? (e.relations || []).map(r => `${relationLabel(r.type)} (${typeof r.belief === 'number' ? `belief ${r.belief.toFixed(2)}, ` : ''}${plural(r.documents, 'document')}${r.negatedDocuments ? `, ${r.negatedDocuments} negated` : ''})`).join('; ')
          : 'No extracted relation; they co-occur',
        e.cooccurrence ? ` · co-occur in ${plural(e.cooccurrence, 'document')}` : '',
        typeof e.pmi === 'number' ? ` · PMI ${e.pmi.toFixed(2)}` : '',
        typeof e.llr === 'number' ? ` · G² ${e.llr.toFixed(1)}` : ''));
    }
    try {
      const [ab, ba] = await Promise.all([
        api.relations({ subject: a, object: b, limit: 10, minBelief }, { signal }),
        api.relations({ subject: b, object: a, limit: 10, minBelief }, { signal }),
      ]);
      const seen = new Set();
      const items = [...(ab.items || []), ...(ba.items || [])].filter(r => {
        const key = `${r.documentId}|${r.sentence && r.sentence.start}|${r.type}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      clear(body);
      if (!items.length) {
        body.append(h('p', { class: 'muted' }, showAll ? 'No evidence sentence states a relation between them. '
          : 'No relation between them reaches the default belief (try “Show all relations”). ',
          h('a', { href: href('search', null, { concept: `${a},${b}` }) }, 'Documents mentioning both')));
        return;
      }
      body.append(evidenceList(items),
        h('p', { class: 'small' }, h('a', { href: href('search', null, { concept: `${a},${b}` }) }, 'All documents mentioning both →')));
      announce(`${plural(items.length, 'evidence sentence')}`);
    } catch (err) {
      if (err.name !== 'AbortError') {
        clear(body).append(errorNotice(err, 'Evidence'));
      }
    }
  }
}

/** Evidence sentences (RelationEvidence items), each opening its document at the sentence. */
export function evidenceList(items) {
  return h('ul', { class: 'relations' }, items.map(r => h('li', {},
    h('div', { class: 'rel-head' },
      h('span', {}, r.subject?.name || r.subject?.id),
      h('span', { class: 'rel-type' }, relationLabel(r.type), r.directed ? ' →' : ' —'),
      h('span', {}, r.object?.name || r.object?.id),
      r.negated ? h('span', { class: 'flagged' }, 'negated') : null,
      r.speculative ? h('span', { class: 'flagged' }, 'speculative') : null,
      beliefBadge(r.belief, r.evidenceCount)),
    r.sentence ? h('p', { class: 'evidence-sentence' }, '“', evidenceText(r), '”') : null,
    h('a', { class: 'small evidence-open', href: href('doc', r.documentId, r.sentence ? { s: r.sentence.start } : null) },
      'Open in ', r.documentTitle || r.documentId, ' →'))));
}

function edgeLegend() {
  const shown = ['Positive_Correlation', 'Negative_Correlation', 'Association', 'Bind'];
  return h('ul', { class: 'edge-legend', 'aria-label': 'Edge legend' },
    shown.map(t => h('li', {}, h('span', { class: 'line', style: { borderTopColor: RELATIONS[t].color } }), relationLabel(t))),
    h('li', {}, h('span', { class: 'line dashed', style: { borderTopColor: '#a0aec0' } }), 'co-occurrence only'),
    h('li', {}, 'thicker = more documents; arrow = direction; label: relation and its belief'));
}

function namesPanel(c) {
  const synonyms = (c.synonyms || []).slice().sort((a, b) => (b.preferred - a.preferred) || (b.mentionCount - a.mentionCount));
  const xrefs = c.xrefs || [];
  return h('section', { class: 'panel', 'aria-labelledby': 'names-h' },
    h('h2', { id: 'names-h' }, 'Names'),
    synonyms.length
      ? h('ul', { class: 'synonyms' }, synonyms.map(s => h('li', { class: 'chip', title: `${plural(s.mentionCount, 'mention')}` },
        s.preferred ? h('strong', {}, s.name) : s.name, h('span', { class: 'muted small' }, `×${s.mentionCount}`))))
      : h('p', { class: 'muted small' }, 'No other names.'),
    h('h2', {}, 'Links'),
    h('ul', { class: 'xrefs' },
      c.url ? h('li', {}, h('a', { href: c.url, rel: 'noopener noreferrer', target: '_blank' }, `${xrefName(c.id)}: ${c.id}`)) : null,
      xrefs.map(x => h('li', {}, x.url
        ? h('a', { href: x.url, rel: 'noopener noreferrer', target: '_blank' }, `${xrefName(x.id)}: ${x.id}`)
        : h('span', { class: 'mono' }, x.id)))),
    !c.url && !xrefs.length ? h('p', { class: 'muted small' }, 'No cross-references.') : null);
}

function relatedPanel(c) {
  const entries = Object.entries(c.related || {}).filter(([, l]) => l && l.length);
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'related-h' }, h('h2', { id: 'related-h' }, 'Often mentioned with'));
  if (!entries.length) {
    panel.append(h('p', { class: 'muted small' }, 'Nothing yet.'));
    return panel;
  }
  for (const [type, list] of entries) {
    panel.append(h('h3', {}, typeLabel(type)), h('ul', { class: 'concept-list' }, list.map(r => h('li', {},
      h('a', { href: href('concept', r.id) }, r.name),
      h('span', { class: 'muted small', title: 'documents mentioning both' }, num(r.documentCount))))));
  }
  return panel;
}
