// Entry point: the search box, and the router that renders the view for the hash (router.js).
// Each view renders into #view and gets an AbortSignal that fires when the user navigates away.
import { autocomplete } from './autocomplete.js';
import { clear, errorNotice } from './dom.js';
import { ApiError } from './api.js';
import { renderSearch } from './views/search.js';
import { renderDocument } from './views/document.js';
import { renderConcept } from './views/concept.js';
import { renderPaths } from './views/paths.js';
import { renderStatus } from './views/status.js';
import { parseHash, go, navigation } from './router.js';

const ROUTES = {
  search: (view, ctx) => renderSearch(view, ctx),
  doc: (view, ctx) => renderDocument(view, ctx),
  concept: (view, ctx) => renderConcept(view, ctx),
  paths: (view, ctx) => renderPaths(view, ctx),
  status: (view, ctx) => renderStatus(view, ctx),
};

let current = null;

async function route() {
  const view = document.getElementById('view');
  const { name, id, params } = parseHash(location.hash);
  if (current) {
    current.abort();
  }
  current = new AbortController();
  const signal = current.signal;
  const render = ROUTES[name];
  document.querySelectorAll('.site-nav a').forEach(a => {
    if (a.dataset.route === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  clear(view);
  view.setAttribute('aria-busy', 'true');
  if (name === 'search') {
    document.getElementById('global-q').value = params.get('q') || '';
  }
  try {
    if (!render) {
      view.append(errorNotice(new Error(`There is no page "${name}". Try Search, Paths or Status.`)));
    } else {
      await render(view, { id, params, signal });
    }
  } catch (e) {
    if (e.name !== 'AbortError') {
      if (!(e instanceof ApiError)) {
        console.error(e); // a bug in the page, not an answer from the API
      }
      view.append(errorNotice(e));
    }
  } finally {
    if (!signal.aborted) {
      view.setAttribute('aria-busy', 'false');
    }
  }
  // Move focus to the new page's heading so keyboard and screen-reader users land on the content.
  if (!signal.aborted && document.activeElement !== document.getElementById('global-q') && !navigation.keepFocus) {
    const heading = view.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
  navigation.keepFocus = false;
}

function setUpSearchBox() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('global-q');
  const list = document.getElementById('global-q-list');
  autocomplete({
    input, list, documents: true,
    onPick: option => {
      input.blur();
      if (option.kind === 'concept') go('concept', option.id); else go('doc', option.id);
    },
    onEnter: q => go('search', null, { q }),
  });
  form.addEventListener('submit', e => {
    e.preventDefault();
    go('search', null, { q: input.value.trim() });
  });
  // "/" focuses the search box, as on most search sites
  document.addEventListener('keydown', e => {
    if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName)) {
      e.preventDefault();
      input.focus();
    }
  });
}

window.addEventListener('hashchange', route);
setUpSearchBox();
if (!location.hash) {
  history.replaceState(null, '', '#/search');
}
route();
