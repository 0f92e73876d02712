// The query API, same origin (query-service serves this page). Every failure becomes an ApiError with a
// sentence a researcher can act on; problem+json bodies (RFC 7807) are read for their title and detail.

export class ApiError extends Error {
  constructor(message, { status = 0, missing = false, problem = null, path = '' } = {}) {
    super(message);
    this.status = status;
    /** the endpoint itself does not exist on this server (older query-service), as opposed to an unknown id */
    this.missing = missing;
    this.problem = problem;
    this.path = path;
  }
}

const cache = new Map();
const CACHE_LIMIT = 200;

/** GET a JSON resource. {signal} aborts; {cache:true} reuses answers for this page's lifetime. */
export async function getJson(path, { signal, cache: useCache = false } = {}) {
  if (useCache && cache.has(path)) {
    return cache.get(path);
  }
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError('The query service is not reachable. Is it running?', { path });
  }
  const type = response.headers.get('Content-Type') || '';
  let body = null;
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch (e) {
      if (e.name === 'AbortError') {
        throw e;
      }
      body = null;
    }
  }
  if (!response.ok) {
    throw errorFor(response.status, body, path);
  }
  if (body === null) {
    throw new ApiError(`Unexpected answer from ${path} (${type || 'no content type'}).`, { status: response.status, path });
  }
  if (useCache) {
    if (cache.size >= CACHE_LIMIT) {
      cache.delete(cache.keys().next().value);
    }
    cache.set(path, body);
  }
  return body;
}

function errorFor(status, problem, path) {
  const detail = problem && (problem.detail || problem.title);
  // A 404 whose problem names the route itself ("no resource at …") means the endpoint is not deployed;
  // a 404 about an id says "concept 'X' does not exist".
  const routeMissing = status === 404 && (!problem || !problem.detail || /no resource at/i.test(problem.detail));
  if (routeMissing) {
    const endpoint = path.split('?')[0].replace(/\/[^/]*%3A[^/]*/g, '/{id}');
    return new ApiError(`This feature needs ${endpoint}, which this query-service does not offer yet.`,
      { status, missing: true, problem, path });
  }
  if (status === 405 || status === 501) {
    return new ApiError(`This feature is not available on this server yet (${status}).`, { status, missing: true, problem, path });
  }
  if (status >= 500) {
    return new ApiError(detail ? `The server could not answer: ${detail}` : `The server could not answer (${status}).`,
      { status, problem, path });
  }
  let message = detail || `Request failed (${status}).`;
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    message += ' ' + problem.errors.map(e => `${e.parameter}: ${e.message}`).join('; ');
  }
  return new ApiError(message, { status, problem, path });
}

/** Builds "path?k=v&k=v" skipping empty values; arrays repeat the key. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') {
        query.append(key, String(v));
      }
    }
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export const enc = encodeURIComponent;

export const api = {
  searchDocuments: (params, opts) => getJson(url('api/documents', params), opts),
  document: (id, opts) => getJson(`api/documents/${enc(id)}`, { cache: true, ...opts }),
  exportUrl: (id, format) => url(`api/documents/${enc(id)}`, { format }),
  concepts: (params, opts) => getJson(url('api/concepts', params), opts),
  concept: (id, opts) => getJson(`api/concepts/${enc(id)}`, { cache: true, ...opts }),
  neighbors: (id, params, opts) => getJson(url(`api/concepts/${enc(id)}/neighbors`, params), { cache: true, ...opts }),
  relations: (params, opts) => getJson(url('api/relations', params), opts),
  paths: (params, opts) => getJson(url('api/paths', params), opts),
  stats: (opts) => getJson('api/stats', opts),
  failures: (params, opts) => getJson(url('api/failures', params), opts),
};
