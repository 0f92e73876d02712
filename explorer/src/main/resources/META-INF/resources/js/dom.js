// Tiny DOM helpers: elements are built with h(), never from unescaped strings.

/**
 * h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child, [more]) — attributes starting with "on"
 * become listeners; null/false children and attributes are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'style' && typeof value === 'object') {
      Object.assign(el.style, value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) {
    el.firstChild.remove();
  }
  return el;
}

/** Text with the server's <mark>…</mark> highlights kept and everything else escaped. */
export function marked(text) {
  const frag = document.createDocumentFragment();
  const parts = String(text || '').split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') {
      inMark = true;
    } else if (part === '</mark>') {
      inMark = false;
    } else if (part) {
      frag.append(inMark ? h('mark', {}, part) : document.createTextNode(part));
    }
  }
  return frag;
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function errorNotice(error, what = '') {
  const missing = error && error.missing;
  return h('div', { class: missing ? 'notice' : 'notice error', role: 'alert' },
    what ? h('strong', {}, what + ': ') : null,
    error && error.message ? error.message : String(error));
}

const numberFormat = new Intl.NumberFormat('en');
export function num(n) {
  return n === null || n === undefined ? '–' : numberFormat.format(n);
}

export function plural(n, one, many = one + 's') {
  return `${num(n)} ${n === 1 ? one : many}`;
}

export function when(iso) {
  if (!iso) {
    return '–';
  }
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString();
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Polite announcement for screen readers (results counts, errors). */
export function announce(text) {
  const el = document.getElementById('announcer');
  if (el) {
    el.textContent = '';
    setTimeout(() => { el.textContent = text; }, 30);
  }
}
