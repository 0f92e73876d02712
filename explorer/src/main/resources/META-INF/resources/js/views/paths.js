// #/paths?from=&to=&maxHops= — pick two concepts, see the chains of extracted relations that link them,
// each hop with the sentences it rests on.
import { api } from '../api.js';
import { h, clear, plural, loading, errorNotice, announce } from '../dom.js';
import { typeLabel, typeClass, relationLabel } from '../types.js';
import { href, replace } from '../router.js';

// set by the form, so that the re-rendered page moves focus to the results it asked for
let focusResults = false;
import { autocomplete } from '../autocomplete.js';
import { evidenceList } from './concept.js';
import { minBeliefParam, showAllControl } from '../belief.js';

export async function renderPaths(view, { params, signal }) {
  document.title = 'Path finder — litgraph explorer';
  const chosen = { from: params.get('from') || '', to: params.get('to') || '' };
  const maxHops = params.get('maxHops') || '3';
  const showAll = minBeliefParam(params) === 0;
  let showAllChecked = showAll;

  const field = (key, label) => {
    const input = h('input', { type: 'text', id: `path-${key}`, placeholder: 'Type a concept name…', spellcheck: 'false',
      'aria-describedby': `path-${key}-chosen` });
    const list = h('ul', { class: 'suggestions', id: `path-${key}-list`, hidden: true, 'aria-label': `${label} suggestions` });
    const note = h('span', { class: 'muted small', id: `path-${key}-chosen` }, chosen[key] ? chosen[key] : 'nothing chosen');
    autocomplete({
      input, list,
      onPick: option => {
        chosen[key] = option.id;
        input.value = option.name;
        note.textContent = option.id;
      },
    });
    input.addEventListener('input', () => { chosen[key] = ''; note.textContent = 'nothing chosen'; });
    if (chosen[key]) {
      input.value = chosen[key];
      api.concept(chosen[key], { signal }).then(c => { if (chosen[key] === c.id) input.value = c.name; }).catch(() => {});
    }
    return { input, el: h('div', { class: 'field' }, h('label', { for: `path-${key}` }, label), h('div', { class: 'combo' }, input, list), note) };
  };
  const from = field('from', 'From');
  const to = field('to', 'To');
  const hops = h('select', { id: 'path-hops' }, [1, 2, 3].map(n => h('option', { value: n, selected: String(n) === maxHops }, `${n}`)));
  const results = h('section', { 'aria-labelledby': 'paths-h', id: 'path-results' });
  const form = h('form', { class: 'path-form panel', id: 'path-form', onsubmit: e => {
    e.preventDefault();
    if (!chosen.from || !chosen.to) {
      clear(results).append(errorNotice(new Error('Choose both concepts from the suggestions first.')));
      (chosen.from ? to.input : from.input).focus();
      return;
    }
    focusResults = true;
    replace('paths', null, { from: chosen.from, to: chosen.to, maxHops: hops.value, all: showAllChecked ? 1 : null });
  } },
  from.el, to.el,
  h('div', { class: 'field' }, h('label', { for: 'path-hops' }, 'Max hops'), hops),
  h('div', { class: 'field' }, showAllControl('path-all', showAll, checked => { showAllChecked = checked; })),
  h('button', { type: 'submit', class: 'button primary', id: 'path-submit' }, 'Find paths'));

  view.append(h('h1', {}, 'Path finder'),
    h('p', { class: 'muted' }, 'How are two concepts linked? Chains of up to three extracted relations, the most believable first (a chain\'s belief is the product of its hops\' beliefs); each hop lists the sentences it was read from.'),
    form, results);

  if (!chosen.from || !chosen.to) {
    return;
  }
  results.append(loading('Searching paths…'));
  let result;
  try {
    result = await api.paths({ from: chosen.from, to: chosen.to, maxHops, minBelief: showAll ? 0 : undefined }, { signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    focusResults = false;
    clear(results).append(errorNotice(e, 'Paths'));
    return;
  }
  clear(results);
  const paths = result.paths || [];
  const heading = h('h2', { id: 'paths-h', tabindex: '-1' }, paths.length ? `${plural(paths.length, 'path')}` : 'No path found');
  results.append(heading);
  if (focusResults) {
    focusResults = false;
    heading.focus();
  }
  if (result.truncated) {
    results.append(h('p', { class: 'notice info' }, 'The search hit its time or fan-out bound; better paths may exist.'));
  }
  if (!showAll && typeof result.minBelief === 'number') {
    results.append(h('p', { class: 'muted small' }, `Walking relations with belief ≥ ${result.minBelief.toFixed(2)}; “Show all relations” walks every one.`));
  }
  if (!paths.length) {
    results.append(h('p', { class: 'muted' }, `No chain of at most ${plural(Number(maxHops), 'extracted relation')} links them. ${maxHops < 3 ? 'Try more hops, or see the ' : 'See the '}`,
      h('a', { href: href('search', null, { concept: `${chosen.from},${chosen.to}` }) }, 'documents mentioning both'), '.'));
    announce('No path found');
    return;
  }
  results.append(h('ol', { class: 'paths' }, paths.map((p, i) => h('li', { class: 'panel path' },
    h('div', { class: 'chain', 'aria-label': `Path ${i + 1}` },
      (p.hops || []).flatMap((hop, j) => [
        j === 0 ? conceptLink(hop.from) : null,
        h('span', { class: 'hop-rel' }, hopLabel(hop)),
        conceptLink(hop.to),
      ]),
      h('span', { class: 'spacer' }),
      typeof p.belief === 'number' ? h('span', { class: 'belief', title: 'the product of the hops\' beliefs' }, `belief ${p.belief.toFixed(2)}`) : null,
      h('span', { class: 'muted small' }, ` weakest hop: ${plural(p.support, 'document')}`)),
    (p.hops || []).map(hop => h('details', { class: 'hop', open: i === 0 ? true : null },
      h('summary', {}, `${hop.from.name} ${hopLabel(hop)} ${hop.to.name}`, h('span', { class: 'muted small' }, ` · ${plural((hop.evidence || []).length, 'sentence')}`)),
      (hop.evidence || []).length ? evidenceList(hop.evidence) : h('p', { class: 'muted small' }, 'No evidence sentence returned.')))))));
  announce(`${plural(paths.length, 'path')} found`);
}

function conceptLink(ref) {
  return h('a', { class: `chip ${typeClass(ref.type)}`, href: href('concept', ref.id), title: typeLabel(ref.type) },
    h('span', { class: 'swatch' }), ref.name || ref.id);
}

/** "—positive correlation→" in the path's direction of travel; a relation against it shows ←. */
function hopLabel(hop) {
  const rels = hop.relations || [];
  if (!rels.length) {
    return '—';
  }
  return rels.slice(0, 2).map(r => {
    const arrow = !r.directed ? '—' : r.subjectId === hop.from.id ? '→' : '←';
    const belief = typeof r.belief === 'number' ? `, ${r.belief.toFixed(2)}` : '';
    return `${arrow === '←' ? '←' : '—'}${relationLabel(r.type)} (${r.documents}${belief})${arrow === '→' ? '→' : '—'}`;
  }).join(' ');
}
