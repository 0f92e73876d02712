// Hash routes: #/search?q=…, #/doc/<id>?s=<start>, #/concept/<id>, #/paths?from=&to=, #/status.

/** #/concept/MESH%3AD007333?x=1 → {name: 'concept', id: 'MESH:D007333', params} */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);
  const [name, ...rest] = path.split('/');
  const id = rest.length && rest.join('/') ? decodeURIComponent(rest.join('/')) : null;
  return { name: name || 'search', id, params: new URLSearchParams(query) };
}

export function href(name, id, params) {
  let out = `#/${name}`;
  if (id) {
    out += '/' + encodeURIComponent(id);
  }
  if (params) {
    const qs = new URLSearchParams(Object.entries(params)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')).toString();
    if (qs) {
      out += '?' + qs;
    }
  }
  return out;
}

export function go(name, id, params) {
  location.hash = href(name, id, params);
}

export const navigation = { keepFocus: false };

/** Navigate without moving focus to the new page's heading (a view updating its own URL). */
export function replace(name, id, params) {
  navigation.keepFocus = true;
  location.hash = href(name, id, params);
}
