// #/doc/<id>?s=<offset> — the text with mentions coloured by type (negated and speculative ones marked),
// concepts, relations with their evidence sentences, and the standard-format exports.
import { api } from '../api.js';
import { h, num, plural, when, announce } from '../dom.js';
import { typeLabel, typeClass, TYPES, relationLabel } from '../types.js';
import { beliefBadge } from '../belief.js';
import { href } from '../router.js';

const RELATIONS_SHOWN = 150;

export async function renderDocument(view, { id, params, signal }) {
  if (!id) {
    throw new Error('No document id in the address.');
  }
  const doc = await api.document(id, { signal });
  // untitled documents (plain text without a title) are named by their first words
  const firstLine = (doc.text || '').trim().split('\n')[0];
  const title = doc.title && doc.title.trim() ? doc.title
    : firstLine ? (firstLine.length > 90 ? firstLine.slice(0, 90).replace(/\s+\S*$/, '') + '…' : firstLine) : doc.id;
  document.title = `${title} — litgraph explorer`;
  const conceptsById = new Map((doc.concepts || []).map(c => [c.id, c]));

  const textEl = h('div', { class: 'doc-text', id: 'doc-text' });
  renderText(textEl, doc);

  const typesPresent = [...new Set((doc.mentions || []).map(m => m.type))]
    .sort((a, b) => (Object.keys(TYPES).indexOf(a) + 1 || 99) - (Object.keys(TYPES).indexOf(b) + 1 || 99));

  const main = h('article', { class: 'panel', 'aria-labelledby': 'doc-title' },
    h('h1', { id: 'doc-title' }, title),
    metadata(doc),
    h('div', { class: 'exports', role: 'group', 'aria-label': 'Export this document' },
      h('span', { class: 'muted small' }, 'Export:'),
      exportLink(doc.id, 'biocjson', 'BioC JSON'),
      exportLink(doc.id, 'biocxml', 'BioC XML'),
      exportLink(doc.id, 'pubtator', 'PubTator')),
    h('div', { class: 'row jump' },
      h('button', { type: 'button', class: 'button small', onclick: () => focusSection('rel-h') }, `Relations (${num((doc.relations || []).length)}) ↓`),
      h('button', { type: 'button', class: 'button small', onclick: () => focusSection('concepts-h') }, `Concepts (${num((doc.concepts || []).length)}) ↓`)),
    typesPresent.length ? legend(typesPresent, textEl) : null,
    h('p', { class: 'muted small' },
      `${plural((doc.mentions || []).length, 'mention')} of ${plural((doc.concepts || []).length, 'concept')}; `,
      h('span', { class: 'm', style: { textDecoration: 'line-through' } }, 'struck through'), h('sup', {}, '✗'), ' = negated, ',
      h('span', { class: 'm', style: { borderBottomStyle: 'dashed' } }, 'dashed'), h('sup', {}, '?'), ' = speculative.'),
    textEl);

  const aside = h('aside', { 'aria-label': 'Concepts and relations' },
    relationsPanel(doc, conceptsById, textEl),
    conceptsPanel(doc));
  view.append(h('div', { class: 'layout' }, main, aside));

  const s = params.get('s');
  if (s !== null && s !== '') {
    // after layout, so that scrolling lands on the sentence
    requestAnimationFrame(() => highlightSentence(textEl, Number(s), { focus: false }));
  }
}

/** In-page jumps without touching the hash (the router owns it). */
function focusSection(id) {
  const el = document.getElementById(id);
  if (el) {
    el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }
}

function metadata(doc) {
  const md = doc.metadata || {};
  const items = [
    ['id', doc.id], ['version', doc.version], ['source', md.source], ['published', md.published],
    ['authors', md.authors && md.authors.length ? md.authors.slice(0, 6).join(', ') + (md.authors.length > 6 ? ' et al.' : '') : null],
    ['indexed', doc.indexedAt ? when(doc.indexedAt) : null],
    ['engine', doc.engine ? [doc.engine.name, doc.engine.version].filter(Boolean).join(' ') : null],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  return h('div', { class: 'doc-meta' },
    h('dl', {}, items.map(([k, v]) => [h('dt', {}, k), h('dd', { style: { margin: 0 } }, String(v))])),
    md.url ? h('a', { href: md.url, rel: 'noopener noreferrer', target: '_blank' }, 'original ↗') : null,
    md.tags && md.tags.length ? h('span', {}, 'tags: ' + md.tags.join(', ')) : null);
}

function exportLink(id, format, label) {
  return h('a', { class: 'button small', href: api.exportUrl(id, format), 'data-format': format }, label);
}

/** Type legend; each entry toggles the highlighting of that type in the text. */
function legend(types, textEl) {
  return h('ul', { class: 'legend', 'aria-label': 'Entity types (toggle highlighting)' }, types.map(t => h('li', {},
    h('button', {
      type: 'button', class: `linklike ${typeClass(t)}`, 'aria-pressed': 'true', style: { textDecoration: 'none', color: 'inherit' },
      onclick: e => {
        const on = e.currentTarget.getAttribute('aria-pressed') !== 'true';
        e.currentTarget.setAttribute('aria-pressed', String(on));
        e.currentTarget.style.opacity = on ? '1' : '.45';
        textEl.querySelectorAll(`.m.${typeClass(t)}`).forEach(m => m.classList.toggle('dim', !on));
      },
    }, h('span', { class: 'swatch' }), ' ', typeLabel(t)))));
}

/**
 * Passages → sentences → mentions. Offsets are document-global into doc.text. Sentences come from the
 * document (or, when it has none, from the relations' evidence) so that an evidence sentence can be lit up.
 */
function renderText(container, doc) {
  const text = doc.text || '';
  const passages = doc.passages && doc.passages.length
    ? doc.passages.map(p => ({ type: p.type, start: p.offset, end: p.offset + (p.text || '').length }))
    : [{ type: null, start: 0, end: text.length }];
  const sentences = nonOverlapping([
    ...(doc.sentences || []),
    ...(doc.relations || []).map(r => r.sentence).filter(Boolean),
  ].map(s => ({ start: s.start, end: s.end })));
  const mentions = nonOverlapping((doc.mentions || []).filter(m => m.end > m.start));
  let mi = 0;
  let si = 0;

  const renderRange = (el, start, end) => {
    let pos = start;
    while (mi < mentions.length && mentions[mi].start < end) {
      const m = mentions[mi];
      if (m.start < pos) {
        mi++;
        continue;
      }
      if (m.start > pos) {
        el.append(text.slice(pos, m.start));
      }
      const mEnd = Math.min(m.end, end);
      el.append(mention(m, text.slice(m.start, mEnd)));
      pos = mEnd;
      mi++;
    }
    if (pos < end) {
      el.append(text.slice(pos, end));
    }
  };

  for (const p of passages) {
    const isTitle = p.type && /title/i.test(p.type);
    const el = h(isTitle ? 'p' : 'div', { class: `passage${isTitle ? ' title' : ''}`, 'data-start': p.start });
    if (p.type && !isTitle && passages.length > 1 && !/^(abstract|paragraph|body|text|section|front)$/i.test(p.type)) {
      el.append(h('span', { class: 'passage-type' }, p.type.replace(/_/g, ' ')));
    }
    let pos = p.start;
    while (si < sentences.length && sentences[si].start < p.end) {
      const s = sentences[si];
      if (s.start < pos) {
        si++;
        continue;
      }
      renderRange(el, pos, s.start);
      const sEl = h('span', { class: 'sent', id: `s-${s.start}`, 'data-start': s.start, 'data-end': Math.min(s.end, p.end) });
      renderRange(sEl, s.start, Math.min(s.end, p.end));
      el.append(sEl);
      pos = Math.min(s.end, p.end);
      si++;
    }
    renderRange(el, pos, p.end);
    container.append(el);
  }
}

function nonOverlapping(spans) {
  const sorted = spans.slice().sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const out = [];
  let lastEnd = -1;
  for (const s of sorted) {
    if (s.start >= lastEnd) {
      out.push(s);
      lastEnd = s.end;
    }
  }
  return out;
}

function mention(m, surface) {
  const classes = ['m', typeClass(m.type)];
  const notes = [];
  if (m.negated) {
    classes.push('negated');
    notes.push('negated');
  }
  if (m.speculative) {
    classes.push('speculative');
    notes.push('speculative');
  }
  const label = `${typeLabel(m.type)}${m.conceptId ? ' ' + m.conceptId : ' (not normalized)'}${notes.length ? ', ' + notes.join(', ') : ''}`;
  const children = [surface,
    m.negated ? h('span', { class: 'flag', 'aria-hidden': 'true' }, '✗') : null,
    m.speculative ? h('span', { class: 'flag', 'aria-hidden': 'true' }, '?') : null,
    notes.length ? h('span', { class: 'visually-hidden' }, ` (${notes.join(', ')})`) : null];
  return m.conceptId
    ? h('a', { class: classes.join(' '), href: href('concept', m.conceptId), title: label, 'data-concept': m.conceptId }, children)
    : h('span', { class: classes.join(' '), title: label }, children);
}

/** Lights up the sentence containing offset and scrolls to it. */
export function highlightSentence(textEl, offset, { focus = true } = {}) {
  textEl.querySelectorAll('.sent.evidence').forEach(s => s.classList.remove('evidence'));
  const target = [...textEl.querySelectorAll('.sent')]
    .find(s => Number(s.dataset.start) <= offset && offset < Number(s.dataset.end));
  if (!target) {
    return null;
  }
  target.classList.add('evidence');
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  if (focus) {
    target.focus({ preventScroll: true });
  }
  const [path] = location.hash.split('?');
  history.replaceState(null, '', `${path}?s=${target.dataset.start}`);
  announce('Evidence sentence highlighted in the text');
  return target;
}

function relationsPanel(doc, conceptsById, textEl) {
  const relations = (doc.relations || []).slice()
    .sort((a, b) => (a.sentence?.start ?? 0) - (b.sentence?.start ?? 0));
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'rel-h' }, h('h2', { id: 'rel-h' }, `Relations (${num(relations.length)})`));
  if (!relations.length) {
    panel.append(h('p', { class: 'muted small' }, 'No relations were extracted from this document.'));
    return panel;
  }
  const list = h('ul', { class: 'relations' });
  const name = id => conceptsById.get(id)?.name || id;
  const type = id => conceptsById.get(id)?.type;
  const add = rs => rs.forEach(r => list.append(h('li', {},
    h('div', { class: 'rel-head' },
      h('a', { href: href('concept', r.subjectId), class: typeClass(type(r.subjectId)) }, name(r.subjectId)),
      h('span', { class: 'rel-type' }, relationLabel(r.type), r.directed ? ' →' : ' —'),
      h('a', { href: href('concept', r.objectId) }, name(r.objectId)),
      r.negated ? h('span', { class: 'flagged' }, 'negated') : null,
      r.speculative ? h('span', { class: 'flagged' }, 'speculative') : null),
    r.sentence ? h('p', { class: 'evidence-sentence' }, evidenceText(r, type)) : null,
    r.sentence ? h('button', {
      type: 'button', class: 'button small evidence-link', 'data-start': r.sentence.start,
      onclick: () => highlightSentence(textEl, r.sentence.start),
    }, 'Show in text') : null,
    typeof r.confidence === 'number' ? h('span', { class: 'muted small' }, `  confidence ${r.confidence.toFixed(2)} `) : null,
    beliefBadge(r.belief, r.evidenceCount))));
  add(relations.slice(0, RELATIONS_SHOWN));
  panel.append(list);
  if (relations.length > RELATIONS_SHOWN) {
    const all = h('button', { type: 'button', class: 'button small', onclick: () => { add(relations.slice(RELATIONS_SHOWN)); all.remove(); } },
      `Show all ${num(relations.length)}`);
    panel.append(all);
  }
  return panel;
}

/** The evidence sentence with subject, object and trigger emphasised (offsets relative to the sentence). */
export function evidenceText(r, typeOf = () => null) {
  const s = r.sentence;
  const marks = [];
  const push = (span, cls, t) => {
    if (span && span.start >= s.start && span.end <= s.end && span.end > span.start) {
      marks.push({ start: span.start - s.start, end: span.end - s.start, cls, t });
    }
  };
  const subjectSpan = r.subject && r.subject.span !== undefined ? r.subject.span : r.subject;
  const objectSpan = r.object && r.object.span !== undefined ? r.object.span : r.object;
  push(subjectSpan, 'arg', r.subject?.type || typeOf(r.subjectId));
  push(objectSpan, 'arg', r.object?.type || typeOf(r.objectId));
  push(r.trigger, 'trigger', null);
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const m of nonOverlapping(marks)) {
    frag.append(s.text.slice(pos, m.start));
    frag.append(h('span', { class: `${m.cls} ${m.t ? typeClass(m.t) : ''}` }, s.text.slice(m.start, m.end)));
    pos = m.end;
  }
  frag.append(s.text.slice(pos));
  return frag;
}

function conceptsPanel(doc) {
  const concepts = (doc.concepts || []).slice().sort((a, b) => b.mentions - a.mentions);
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'concepts-h' }, h('h2', { id: 'concepts-h' }, `Concepts (${num(concepts.length)})`));
  if (!concepts.length) {
    panel.append(h('p', { class: 'muted small' }, 'No normalized concepts.'));
    return panel;
  }
  panel.append(h('ul', { class: 'concept-list' }, concepts.map(c => h('li', {},
    h('span', { class: `badge ${typeClass(c.type)}` }, typeLabel(c.type)),
    h('a', { href: href('concept', c.id) }, c.name || c.id),
    h('span', { class: 'muted small', title: 'mentions in this document' }, `×${c.mentions}`)))));
  return panel;
}
