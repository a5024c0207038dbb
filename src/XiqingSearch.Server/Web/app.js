/*
 * XiqingSearch UI, for the page (/) and for embedding (embed.js): builds the layout from the panels in modules/
 * and wires them to the state, the URL and the API. Every module follows the rule of modules/dom.js: no HTML
 * string is ever parsed, text goes into the DOM as text nodes.
 *
 * window.XiqingSearch.mount(target, {base, embedded, token}) mounts the UI; a <script type="module" src="app.js"
 * data-mount="#id"> mounts it into that element by itself.
 */

import { createAccount } from './modules/account.js';
import { createApi, failure } from './modules/api.js';
import { attachAssist } from './modules/assist.js';
import { createChart } from './modules/chart.js';
import { createControls } from './modules/controls.js';
import { el } from './modules/dom.js';
import { LIMITS } from './modules/limits.js';
import { createErrorPanel } from './modules/errors.js';
import { createFacets } from './modules/facets.js';
import { createPager } from './modules/pager.js';
import { createReader } from './modules/reader.js';
import { createResults } from './modules/results.js';
import { FILTERS, createUrlSync, emptyState, paramsFromState, withChanges } from './modules/state.js';
import { createSummary } from './modules/summary.js';
import { TEXT } from './modules/text.js';

// The request limits are Core's, served as modules/limits.js: none is written here.
const PAGE_SIZE = LIMITS.defaultLimit;
const OWN_BASE = new URL('.', import.meta.url).href;

/*
 * The API's parameters for a state: the page's own (the API filters by document type itself, `type=`, and counts
 * its type facet ignoring that selection).
 */
function apiParams(state) {
  return paramsFromState(state, false);
}

function mount(target, options = {}) {
  const base = options.base || OWN_BASE;
  const embedded = !!options.embedded;
  const root = embedded && target.attachShadow ? target.shadowRoot || target.attachShadow({ mode: 'open' }) : target;
  const ids = 'xq' + Math.random().toString(36).slice(2, 8);
  const api = createApi(base, typeof options.token === 'function' ? options.token : null);
  const url = createUrlSync(embedded);

  let state = emptyState();
  let lastResponse = null;
  let inFlight = null;

  // What the panels see of the page: the state, the documents' metadata, and how to change what is shown.
  const page = {
    api,
    embedded,
    documents: {},
    get state() { return state; },
    apiParams: () => apiParams(state),
    urlFor: (s) => url.urlFor(s),
    /** A new search: `changes` applied, back to the first page, no panel open (unless `changes` says so). */
    go(changes) {
      state = withChanges(state, Object.assign({ offset: 0, ctx: '', view: '' }, changes));
      run(false);
    },
    /** Opens a hit's context (`{ctx}`) or document (`{view}`) over the same hits. */
    openPanel(changes) {
      state = withChanges(state, changes);
      url.write(state, false);
      reader.show(state);
    },
    closePanel() {
      reader.hide();
      if (state.ctx || state.view) {
        state = withChanges(state, { ctx: '', view: '' });
        url.write(state, false);
      }
    },
    hit: (id) => results.hit(id),
    scrollToTop: () => app.scrollIntoView({ block: 'start' })
  };

  const input = el('input', {
    type: 'search', id: ids + '-q', name: 'q', maxlength: LIMITS.maxQueryLength, autocomplete: 'off',
    placeholder: TEXT.placeholder, className: 'xq-input', 'aria-label': TEXT.label
  });
  const form = el('form', { className: 'xq-form', role: 'search' },
    el('label', { for: ids + '-q', className: 'xq-visually-hidden', text: TEXT.label }),
    input,
    el('button', { type: 'submit', className: 'xq-button', text: TEXT.search }));
  const exampleLink = el('a', { href: '#', className: 'xq-example', text: TEXT.exampleQuery });
  const summary = createSummary(page);
  const errors = createErrorPanel();
  const facets = createFacets(page);
  const controls = createControls(page);
  const chart = createChart(page);
  const results = createResults(page);
  const pager = createPager(page, PAGE_SIZE);
  const reader = createReader(page, ids);
  const app = el('div', { className: 'xq' + (embedded ? ' xq-embedded' : '') },
    el('header', { className: 'xq-header' },
      el('h1', { className: 'xq-title', text: TEXT.title }),
      embedded ? null : createAccount(api),
      form,
      el('p', { className: 'xq-hint' }, TEXT.hint, ' ', TEXT.example, exampleLink)),
    summary.node,
    errors.node,
    el('div', { className: 'xq-body' },
      facets.node,
      el('section', { className: 'xq-results', 'aria-label': TEXT.results }, controls.node, chart.node, results.node, pager.node)),
    reader.node);
  root.replaceChildren();
  if (root !== target) {
    root.appendChild(el('link', { rel: 'stylesheet', href: base + 'app.css' }));
  }
  root.appendChild(app);
  /** The search without the filter a hint names (`all`: without every filter): its address and the way there. */
  function withoutFilter(hint) {
    const changes = {};
    for (const [name, key] of Object.entries(FILTERS)) {
      if (hint.filter === 'all' || hint.filter === name) {
        changes[key] = hint.filter === 'all' ? [] : state[key].filter((v) => !hint.values.includes(v));
      }
    }
    if (Object.keys(changes).length === 0) {
      return null;
    }
    const target = withChanges(state, Object.assign({ offset: 0, ctx: '', view: '' }, changes));
    return { href: url.urlFor(target), go: () => page.go(changes) };
  }
  const assist = attachAssist({ api, input, form, anchor: summary.node, search: (q) => page.go({ q }), withoutFilter });

  function resetResults() {
    assist.render(null);
    results.clear();
    pager.clear();
    chart.render([]);
    controls.hide();
    facets.render({});
    summary.clear();
    errors.hide();
  }

  function busy(on) {
    if (on) {
      app.setAttribute('aria-busy', 'true');
    } else {
      app.removeAttribute('aria-busy');
    }
  }

  function render(response) {
    lastResponse = response;
    errors.hide();
    summary.render(response);
    controls.render(response);
    facets.render(response.facets, response.facetsOmitted);
    // No hits, no bars: the other years' counts above 没有找到匹配的段落 would read as hits of the filter.
    chart.render(response.totalHits > 0 ? response.facets.year : []);
    results.render(response);
    pager.render(response);
    assist.render(response);
    reader.show(state);
    app.setAttribute('data-state', 'done');
  }

  /** Searches for the state (putting it into the URL: a new history entry, or `replace` the current one). */
  function run(replace) {
    input.value = state.q;
    url.write(state, replace);
    if (!state.q.trim()) {
      resetResults();
      // A document opened without a query (from 文件库's table of contents): the reader alone, at its paragraph.
      if (state.view || state.ctx) {
        reader.show(state);
      }
      return;
    }
    if (inFlight) {
      inFlight.abort();
    }
    const controller = new AbortController();
    inFlight = controller;
    const params = page.apiParams();
    params.set('limit', String(PAGE_SIZE));
    summary.loading();
    busy(true);
    api.search(params, controller.signal)
      .then((answer) => {
        if (inFlight !== controller) {
          return;
        }
        inFlight = null;
        busy(false);
        if (answer.ok) {
          render(answer.body);
        } else {
          resetResults();
          errors.show(failure(answer), state.q);
        }
      })
      .catch((e) => {
        if (e && e.name === 'AbortError') {
          return;
        }
        inFlight = null;
        busy(false);
        resetResults();
        api.explainFailure().then((err) => {
          if (!inFlight) {
            errors.show(err, state.q);
          }
        });
      });
  }

  /* --- events --- */

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    page.go({ q: input.value.trim() });
  });
  exampleLink.addEventListener('click', (event) => {
    event.preventDefault();
    state = Object.assign(emptyState(), { q: exampleLink.textContent });
    run(false);
  });
  app.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && reader.isOpen()) {
      page.closePanel();
    }
  });
  // '/' focuses the search box, as on most search sites, unless the reader is typing somewhere.
  (embedded ? root : document).addEventListener('keydown', (event) => {
    const from = event.composedPath ? event.composedPath()[0] : event.target;
    const typing = from && (from.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(from.tagName || ''));
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  url.onChange((next) => {
    if (url.urlFor(next) === url.urlFor(state)) {
      return;
    }
    state = next;
    reader.hide();
    run(true);
  });

  state = url.read();
  // Each document's type and period first (for the type filter and the five-year plan's 2021–2025); a page
  // that cannot get them still searches.
  api.documents()
    .then((answer) => (answer.ok && Array.isArray(answer.body) ? answer.body : []))
    .catch(() => [])
    .then((documents) => {
      documents.forEach((d) => { page.documents[d.doc] = d; });
      if (state.q || state.view || state.ctx) {
        run(true);
      } else {
        facets.render({});
      }
    });
  if (!embedded) {
    input.focus();
  }
  return {
    search: (q) => {
      state = Object.assign(emptyState(), { q });
      run(false);
    },
    get response() { return lastResponse; }
  };
}

// Loaded twice (the page and embed.js): keep the first. A portal element with id="XiqingSearch" also shows up as
// window.XiqingSearch, so only an object with a mount function counts.
if (!(window.XiqingSearch && typeof window.XiqingSearch.mount === 'function')) {
  window.XiqingSearch = { mount };

  // The page's <script type="module" src="app.js" data-mount="#xq-app">: a module has no document.currentScript,
  // so find the script element by its resolved address.
  const own = Array.from(document.querySelectorAll('script[data-mount]')).find((s) => s.src === import.meta.url);
  const selector = own && own.getAttribute('data-mount');
  if (selector) {
    const target = document.querySelector(selector);
    if (target) {
      mount(target, {});
    }
  }
}
