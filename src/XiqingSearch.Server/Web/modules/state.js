/*
 * What the page shows, as a plain object, and its place in the URL: the query string on the page (?q=…), the
 * fragment when embedded in a portal (#q=…), so Back, Forward, bookmarks and shared links restore it.
 */

import { FACETS } from './facetlist.js';

/**
 * The filters: URL and API parameter name → the state's list of selected values. Each declared facet's filter
 * (modules/facetlist.js), and the paragraph kind, which has no facet.
 */
export const FILTERS = Object.fromEntries([...FACETS.map((f) => f.name), 'kind'].map((name) => [name, name + 's']));

/**
 * q, the filters, sort ('' = relevance), offset, and the open panel: ctx (a hit's id, its paragraph in context)
 * or view (a hit's id, its whole document).
 */
export function emptyState() {
  const state = { q: '', sort: '', offset: 0, ctx: '', view: '', facetSize: '' };
  for (const key of Object.values(FILTERS)) {
    state[key] = [];
  }
  return state;
}

/** The page's views other than the search (modules/analytics.js), which share the `view` parameter. */
export const PAGE_VIEWS = ['compare', 'new-terms', 'library'];

export function stateFromParams(params) {
  const state = emptyState();
  state.q = params.get('q') || '';
  for (const [name, key] of Object.entries(FILTERS)) {
    state[key] = params.getAll(name);
  }
  state.sort = params.get('sort') || '';
  // view= is also the page's other views (analytics.js): those are not a document for the reader to open.
  const view = params.get('view') || '';
  state.view = PAGE_VIEWS.includes(view) ? '' : view;
  state.offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  state.ctx = params.get('ctx') || '';
  // '' = the API's default; '0' after 更多 asks for every facet value.
  state.facetSize = params.get('facetSize') || '';
  return state;
}

/** The parameters of a state; `withPanel` adds the open panel (the URL has it, the API does not). */
export function paramsFromState(state, withPanel) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const [name, key] of Object.entries(FILTERS)) {
    state[key].forEach((v) => params.append(name, v));
  }
  if (state.sort && state.sort !== 'relevance') {
    params.set('sort', state.sort);
  }
  if (state.offset > 0) {
    params.set('offset', String(state.offset));
  }
  if (state.facetSize) {
    params.set('facetSize', state.facetSize);
  }
  if (withPanel && state.ctx) {
    params.set('ctx', state.ctx);
  }
  if (withPanel && state.view) {
    params.set('view', state.view);
  }
  return params;
}

/** A copy of `state` with `changes` applied. */
export function withChanges(state, changes) {
  return Object.assign(JSON.parse(JSON.stringify(state)), changes);
}

/** How many filter values are selected. */
export function filterCount(state) {
  return Object.values(FILTERS).reduce((n, key) => n + state[key].length, 0);
}

/** The state in the URL: the query string on the page, the fragment when embedded. */
export function createUrlSync(embedded) {
  function read() {
    const text = embedded ? location.hash.replace(/^#/, '') : location.search.replace(/^\?/, '');
    return stateFromParams(new URLSearchParams(text));
  }

  function urlFor(state) {
    const query = paramsFromState(state, true).toString();
    return embedded ? '#' + query : '?' + query;
  }

  /** Puts `state` into the address bar: a new history entry, or in place of the current one (`replace`). */
  function write(state, replace) {
    const url = state.q || state.view || state.ctx ? urlFor(state) : (embedded ? '#' : location.pathname);
    if (embedded ? location.hash === url : location.search + location.hash === url) {
      return;
    }
    if (replace) {
      history.replaceState(null, '', url);
    } else {
      history.pushState(null, '', url);
    }
  }

  /** Calls `changed` when Back or Forward (or an edited fragment) brings another state. */
  function onChange(changed) {
    window.addEventListener(embedded ? 'hashchange' : 'popstate', () => changed(read()));
  }

  return { read, urlFor, write, onChange };
}
