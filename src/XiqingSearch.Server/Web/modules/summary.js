/* The summary line above the hits (what is shown, counted) and the window title. */

import { TEXT } from './text.js';

/** How many values of a facet the shown hits have: a facet's counts ignore its own filter, the hits do not. */
function shownValues(values, selected) {
  return (values || []).filter((v) => v.count > 0 && (selected.length === 0 || selected.includes(v.value))).length;
}

export function createSummary(page) {
  const node = document.createElement('p');
  node.className = 'xq-status';
  node.setAttribute('role', 'status');
  node.setAttribute('aria-live', 'polite');

  function render(response) {
    const state = page.state;
    const years = shownValues(response.facets.year, state.years);
    // The document facet's counts already apply the type filter (the API filters by type itself).
    const docs = shownValues(response.facets.doc, state.docs);
    node.textContent = TEXT.summary(response, years, docs);
    if (!page.embedded) {
      document.title = state.q + ' - ' + TEXT.title;
    }
  }

  return {
    node,
    render,
    loading: () => { node.textContent = TEXT.loading; },
    clear: () => { node.textContent = ''; }
  };
}
