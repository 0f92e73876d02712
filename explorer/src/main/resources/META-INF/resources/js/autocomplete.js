// ARIA 1.2 combobox with a listbox popup (the "list autocomplete" pattern): focus stays in the input,
// aria-activedescendant points at the highlighted option, ↑/↓ move, Enter picks, Escape closes.
import { api } from './api.js';
import { h, clear, debounce, plural, announce } from './dom.js';
import { typeLabel, typeClass } from './types.js';

let instances = 0;

/**
 * @param input     the <input role="combobox">
 * @param list      the <ul role="listbox">
 * @param onPick    called with {kind: 'concept'|'document', id, name, type}
 * @param documents also suggest documents (full-text search); concepts always
 * @param onEnter   called with the raw text when Enter is pressed without a highlighted option
 */
export function autocomplete({ input, list, onPick, documents = false, onEnter = null, limit = 8 }) {
  const prefix = `ac${++instances}`;
  let options = [];
  let active = -1;
  let controller = null;
  let lastQuery = '';

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('autocomplete', 'off');
  list.setAttribute('role', 'listbox');

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function open() {
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function highlight(index) {
    const items = list.querySelectorAll('[role="option"]');
    items.forEach((el, i) => el.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    active = index;
    if (index >= 0 && items[index]) {
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function pick(index) {
    const option = options[index];
    if (!option) {
      return;
    }
    close();
    onPick(option);
  }

  function render(concepts, docs, error) {
    clear(list);
    options = [];
    let i = 0;
    const option = (item, main, meta, extraClass = '') => {
      const index = i++;
      options.push(item);
      return h('li', {
        id: `${prefix}-opt-${index}`, role: 'option', 'aria-selected': 'false', class: extraClass,
        // mousedown, not click: the input would lose focus (and close the list) before click fires
        onmousedown: e => { e.preventDefault(); pick(index); },
        onmousemove: () => { if (active !== index) highlight(index); },
      }, main, meta);
    };
    if (concepts.length) {
      list.append(h('li', { role: 'presentation', class: 'group', id: `${prefix}-g-concepts` }, 'Concepts'));
      for (const c of concepts) {
        list.append(option({ kind: 'concept', id: c.id, name: c.name, type: c.type },
          h('span', { class: 'opt-main' },
            h('span', { class: `badge ${typeClass(c.type)}` }, typeLabel(c.type)), ' ', c.name,
            c.matched && c.matched.toLowerCase() !== (c.name || '').toLowerCase()
              ? h('span', { class: 'muted' }, ` (${c.matched})`) : null),
          h('span', { class: 'opt-meta' }, plural(c.documentCount, 'doc'))));
      }
    }
    if (docs.length) {
      list.append(h('li', { role: 'presentation', class: 'group' }, 'Documents'));
      for (const d of docs) {
        list.append(option({ kind: 'document', id: d.id, name: d.title || d.id },
          h('span', { class: 'opt-main' }, h('span', { class: 'badge doc-badge' }, 'Doc'), ' ', d.title || d.id),
          h('span', { class: 'opt-meta' }, d.published || d.source || '')));
      }
    }
    if (error) {
      list.append(h('li', { role: 'presentation', class: 'empty' }, error));
    } else if (!options.length) {
      list.append(h('li', { role: 'presentation', class: 'empty' }, 'No matches'));
    }
    open();
    active = -1;
    input.removeAttribute('aria-activedescendant');
    announce(options.length ? `${options.length} suggestions` : 'No suggestions');
  }

  const lookup = debounce(async () => {
    const q = input.value.trim();
    if (q.length < 2) {
      close();
      return;
    }
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    const signal = controller.signal;
    lastQuery = q;
    const conceptReq = api.concepts({ q, limit }, { signal }).then(r => r.items || [], e => { if (e.name === 'AbortError') throw e; return { error: e }; });
    // full-text document suggestions only from three characters on: a one- or two-letter prefix matches
    // too much of a large corpus to rank within a keystroke
    const docReq = documents && q.length >= 3
      ? api.searchDocuments({ q, limit: 4, facets: false }, { signal }).then(r => r.items || [], e => { if (e.name === 'AbortError') throw e; return []; })
      : Promise.resolve([]);
    try {
      const [concepts, docs] = await Promise.all([conceptReq, docReq]);
      if (q !== input.value.trim()) {
        return;
      }
      if (concepts.error) {
        render([], docs, concepts.error.message);
      } else {
        render(concepts, docs, null);
      }
    } catch (e) {
      if (e.name !== 'AbortError') {
        render([], [], e.message);
      }
    }
  }, 150);

  input.addEventListener('input', lookup);
  input.addEventListener('focus', () => {
    if (input.value.trim().length >= 2 && options.length && input.value.trim() === lastQuery) {
      open();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', e => {
    const expanded = !list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) {
          if (options.length) open(); else lookup();
          return;
        }
        highlight(options.length ? (active + 1) % options.length : -1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (expanded && options.length) {
          highlight(active <= 0 ? options.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (expanded && active >= 0) {
          e.preventDefault();
          pick(active);
        } else if (onEnter) {
          e.preventDefault();
          close();
          onEnter(input.value.trim());
        }
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          close();
        } else if (input.value) {
          input.value = '';
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });

  return { close, input };
}
