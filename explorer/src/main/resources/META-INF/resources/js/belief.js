// Relation belief (docs/QUERY-API.md, "Belief"): one number per relation over all its evidence sentences.
// The API leaves out relations below its default threshold (0.8) unless asked for minBelief=0; the pages
// that show relations offer that as "Show all relations", kept in the address as all=1.
import { h, plural } from './dom.js';

/** The minBelief request parameter for a page's address: 0 with all=1, else the server's default. */
export function minBeliefParam(params) {
  return params && params.get('all') === '1' ? 0 : undefined;
}

export function beliefText(belief, evidenceCount) {
  if (typeof belief !== 'number') {
    return '';
  }
  const sentences = typeof evidenceCount === 'number' ? ` · ${plural(evidenceCount, 'sentence')}` : '';
  return `belief ${belief.toFixed(2)}${sentences}`;
}

/** "belief 0.86 · 3 sentences", marked low when under {@code threshold} (when one is known). */
export function beliefBadge(belief, evidenceCount, threshold) {
  if (typeof belief !== 'number') {
    return null;
  }
  const low = typeof threshold === 'number' && belief < threshold;
  return h('span', {
    class: `belief${low ? ' low' : ''}`,
    title: 'How likely the relation holds, from all its evidence sentences in the corpus (negated ones count against it)',
  }, beliefText(belief, evidenceCount));
}

/** The "Show all relations" checkbox; onChange gets the new state. */
export function showAllControl(id, checked, onChange) {
  const box = h('input', { type: 'checkbox', id, checked: checked ? true : null });
  box.addEventListener('change', () => onChange(box.checked));
  return h('label', { for: id, class: 'show-all',
    title: 'By default only relations with a high belief (0.8 unless configured otherwise) are shown' },
  box, 'Show all relations (also low belief)');
}
