/*
 * The HTTP API as the page uses it. Every call answers `{ok, body}` (body: the JSON, or an error's
 * `{error: {code, message, …}}`); a call that cannot reach the service rejects, and `explainFailure` says why.
 */

import { TEXT } from './text.js';

/**
 * The client for the service at `base` (ends with a slash; the page's own folder or embed.js's origin). `token`,
 * when given (a portal embedding the page under sign-in), returns the bearer token — or a promise of it — that
 * every API call carries: an embedded page cannot use the service's own session cookie (third-party cookies).
 */
export function createApi(base, token) {
  function getJson(path, signal) {
    return Promise.resolve(token ? token() : null)
      .then((bearer) => fetch(base + path, {
        headers: bearer ? { Accept: 'application/json', Authorization: 'Bearer ' + bearer } : { Accept: 'application/json' },
        signal,
      }))
      .then((r) => r.json().then((body) => ({ ok: r.ok, body })));
  }

  // A document id may hold '/' (a document in a subfolder): each segment is encoded, the slashes stay path.
  const documentPath = (doc) => 'api/documents/' + String(doc).split('/').map(encodeURIComponent).join('/');

  return {
    base,
    getJson,
    search: (params, signal) => getJson('api/search?' + params.toString(), signal),
    /** The URL of every occurrence as CSV (a link, so the browser downloads it). */
    csvUrl: (params) => base + 'api/search?' + params.toString(),
    suggest: (q, signal) => getJson('api/suggest?limit=8&q=' + encodeURIComponent(q), signal),
    documents: () => getJson('api/documents'),
    document: (doc, q) => getJson(documentPath(doc) + '?q=' + encodeURIComponent(q)),
    outline: (doc) => getJson(documentPath(doc) + '/outline'),
    paragraph: (doc, n, context) => getJson(documentPath(doc) + '/paragraphs/' + encodeURIComponent(n) + '?context=' + context),
    facets: () => getJson('api/facets'),
    /** The URL of a document's source file (`file`: one of its copies); a PDF opens at `page` when given. */
    originalUrl: (doc, file, page) => base + documentPath(doc) + '/original' +
      (file ? '?file=' + encodeURIComponent(file) : '') + (page ? '#page=' + page : ''),
    compare: (params) => getJson('api/compare?' + params.toString()),
    newTerms: (year, limit) => getJson('api/new-terms?year=' + encodeURIComponent(year) + '&limit=' + limit),

    /*
     * A failed fetch does not say why. When the page is embedded in another origin, ask the service in no-cors
     * mode: if it answers at all, it is reachable and the failure was the CORS check, which only its settings fix.
     */
    explainFailure() {
      const origin = location.origin;
      const serviceOrigin = new URL(base, location.href).origin;
      if (serviceOrigin === origin) {
        return Promise.resolve({ message: TEXT.network });
      }
      return fetch(base + 'healthz', { mode: 'no-cors' })
        .then(() => ({ message: TEXT.cors(origin, serviceOrigin), code: 'client.cors' }))
        .catch(() => ({ message: TEXT.network }));
    }
  };
}

/** The error of a failed answer, or one saying the service could not be reached. */
export function failure(answer) {
  return answer.body && answer.body.error ? answer.body.error : { message: TEXT.network };
}
