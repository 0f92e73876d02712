// The neighbourhood graph, drawn by Cytoscape.js (vendor/cytoscape, from its WebJar). Nodes are
// concepts (colour and shape by type, size by documents); edges are extracted relations (colour by the
// relation type of highest belief, labelled with it and its belief, width by supporting documents, arrow
// when directed) or, dashed, co-occurrence only.
import { typeInfo, relationInfo, relationLabel } from './types.js';

const pairId = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function createGraph(container, { onSelectNode, onSelectEdge, onOpenNode, onClear }) {
  if (typeof window.cytoscape !== 'function') {
    throw new Error('The graph library (vendor/cytoscape/cytoscape.min.js) did not load.');
  }
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const cy = window.cytoscape({
    container,
    elements: [],
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
          label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#1b2430',
          'text-outline-color': '#ffffff', 'text-outline-width': 2, 'text-max-width': 120, 'text-wrap': 'ellipsis',
          'border-width': 1, 'border-color': '#ffffff',
        },
      },
      { selector: 'node[?center]', style: { 'border-width': 4, 'border-color': '#16324f', 'font-weight': 'bold', 'font-size': 13 } },
      { selector: 'node[?expanded][!center]', style: { 'border-width': 3, 'border-color': '#16324f', 'border-style': 'double' } },
      { selector: 'node:selected', style: { 'overlay-color': '#f5a623', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'curve-style': 'bezier',
          opacity: 0.85, label: '', 'font-size': 10, color: '#4a5568', 'text-rotation': 'autorotate',
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
        },
      },
      { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle', 'arrow-scale': 0.9 } },
      { selector: 'edge[!hasRelation]', style: { 'line-style': 'dashed', 'line-color': '#a0aec0', opacity: 0.6, label: '' } },
      { selector: 'edge:selected, edge.hover', style: { label: 'data(label)' } },
      { selector: 'edge:selected', style: { 'overlay-color': '#f5a623', 'overlay-opacity': 0.3, 'overlay-padding': 4 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
    layout: { name: 'preset' },
  });

  cy.on('tap', 'node', e => onSelectNode && onSelectNode(e.target.data()));
  cy.on('tap', 'edge', e => onSelectEdge && onSelectEdge(e.target.data()));
  cy.on('dbltap', 'node', e => onOpenNode && onOpenNode(e.target.data()));
  cy.on('mouseover', 'edge', e => e.target.addClass('hover'));
  cy.on('mouseout', 'edge', e => e.target.removeClass('hover'));
  cy.on('tap', e => { if (e.target === cy && onClear) onClear(); });

  const publish = () => {
    const visible = cy.elements(':visible');
    container.dataset.nodes = String(visible.nodes().length);
    container.dataset.edges = String(visible.edges().length);
  };

  function addNode(concept, extra = {}) {
    const existing = cy.getElementById(concept.id);
    if (existing.nonempty()) {
      existing.data({ ...extra, ...(concept.name ? { label: concept.name, name: concept.name } : {}) });
      return existing;
    }
    const info = typeInfo(concept.type);
    const docs = concept.documentCount || 0;
    return cy.add({
      group: 'nodes',
      data: {
        id: concept.id, label: concept.name || concept.id, name: concept.name || concept.id, type: concept.type,
        color: info.color, shape: info.shape, documentCount: docs,
        size: Math.round(18 + 7 * Math.log2(1 + docs)) + (extra.center ? 10 : 0), ...extra,
      },
    });
  }

  /** Adds a concept's neighbours (an /api/concepts/{id}/neighbors page); returns how many nodes were new. */
  function addNeighborhood(center, page, { isCenter = false } = {}) {
    const before = new Set(cy.nodes().map(n => n.id()));
    cy.batch(() => {
      addNode(center, isCenter ? { center: true, expanded: true } : { expanded: true });
      for (const n of page.items || []) {
        addNode(n);
        const relations = n.relations || [];
        const best = relations.slice().sort((a, b) => ((b.belief || 0) - (a.belief || 0)) || (b.documents - a.documents))[0];
        const relationDocs = relations.reduce((sum, r) => Math.max(sum, r.documents || 0), 0);
        const cooc = n.cooccurrence ? n.cooccurrence.documents : 0;
        const support = Math.max(relationDocs, cooc);
        const id = pairId(center.id, n.id);
        const outgoing = best && best.direction === 'outgoing';
        const incoming = best && best.direction === 'incoming';
        const data = {
          id,
          source: incoming ? n.id : center.id,
          target: incoming ? center.id : n.id,
          hasRelation: Boolean(best),
          directed: Boolean(outgoing || incoming),
          relationType: best ? best.type : null,
          label: best ? `${relationLabel(best.type)}${typeof best.belief === 'number' ? ` ${best.belief.toFixed(2)}` : ''}` : '',
          belief: best && typeof best.belief === 'number' ? best.belief : null,
          color: best ? relationInfo(best.type).color : '#a0aec0',
          width: Math.min(10, 1.2 + 1.6 * Math.log2(1 + support)),
          support, relationDocs, cooccurrence: cooc,
          pmi: n.cooccurrence ? n.cooccurrence.pmi : null,
          llr: n.cooccurrence ? n.cooccurrence.llr : null,
          relations,
          a: center.id, b: n.id,
        };
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          // keep the better-supported description of the pair
          if (support > existing.data('support') || (data.hasRelation && !existing.data('hasRelation'))) {
            cy.remove(existing);
            cy.add({ group: 'edges', data });
          }
        } else {
          cy.add({ group: 'edges', data });
        }
      }
    });
    const added = cy.nodes().filter(n => !before.has(n.id()));
    if (before.size) {
      placeNear(center.id, added);
    }
    return added.length;
  }

  /** New nodes start next to the node they were expanded from, so that the layout only spreads them out. */
  function placeNear(anchorId, nodes) {
    const anchor = cy.getElementById(anchorId);
    const p = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
      n.position({ x: p.x + 60 * Math.cos(angle), y: p.y + 60 * Math.sin(angle) });
    });
  }

  function layout({ fit = true, initial = false } = {}) {
    const l = cy.layout({
      name: 'cose', animate: !initial && !reducedMotion && cy.nodes().length < 80, animationDuration: 400, fit, padding: 30,
      randomize: initial, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, nodeOverlap: 12, numIter: 1200,
    });
    l.one('layoutstop', publish);
    l.run();
    publish();
  }

  /** Shows only edges with at least minDocs support (and, if relationsOnly, extracted relations). */
  function filter({ minDocs = 1, relationsOnly = false }) {
    cy.batch(() => {
      cy.edges().forEach(e => {
        const keep = e.data('support') >= minDocs && (!relationsOnly || e.data('hasRelation'));
        e.toggleClass('hidden', !keep);
      });
      cy.nodes().forEach(n => {
        const keep = n.data('center') || n.data('expanded') || n.connectedEdges(':visible').length > 0
          || n.connectedEdges().some(e => !e.hasClass('hidden'));
        n.toggleClass('hidden', !keep);
      });
    });
    publish();
  }

  function select(id) {
    cy.elements().unselect();
    const el = cy.getElementById(id);
    if (el.nonempty()) {
      el.select();
      cy.animate({ center: { eles: el }, duration: reducedMotion ? 0 : 250 });
    }
  }

  /** Entity types drawn, most frequent first (for the legend). */
  function types() {
    const counts = new Map();
    cy.nodes().forEach(n => counts.set(n.data('type'), (counts.get(n.data('type')) || 0) + 1));
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  }

  return { cy, addNeighborhood, layout, filter, select, pairId, types, destroy: () => cy.destroy() };
}
