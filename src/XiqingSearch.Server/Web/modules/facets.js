/*
 * The filter boxes beside the hits, one per facet the server declares (modules/facetlist.js, made from Core's
 * facet declarations: name, label, order), with paragraph counts and multi-select; the year (年份未知 last), the
 * document type, the document and the chapter have buckets of their own, any other facet lists its values as
 * they are. Also the button that clears every filter, and on a narrow screen the toggle that folds them away.
 */

import { clear, el } from './dom.js';
import { FACETS } from './facetlist.js';
import { FILTERS, filterCount } from './state.js';
import { TEXT, yearLabel } from './text.js';

const ORDER = FACETS.map((f) => f.name);
const TITLES = Object.fromEntries(FACETS.map((f) => [f.name, f.label]));

/** Facet name → the buckets to list: `{value, label, count, child}`. */
function buckets(facets, state, documents) {
  const info = (doc) => documents[doc];
  const all = {};
  for (const name of ORDER) {
    all[name] = (facets[name] || []).map((v) => ({ value: v.value, label: v.label || v.value, count: v.count }));
  }
  return Object.assign(all, {
    year: (facets.year || []).map((v) => ({ value: v.value, label: yearLabel(v.value), count: v.count })),
    type: typeBuckets(facets, state, documents),
    doc: (facets.doc || []).map((v) => ({
      value: v.value,
      // A plan for several years says so (2021–2025) rather than standing under its first year alone.
      label: (info(v.value) ? (info(v.value).period || info(v.value).year || TEXT.unknownYear) + ' ' : '') + (v.label || v.value),
      count: v.count
    })),
    chapter: (facets.chapter || []).map((v) => ({
      value: v.parent ? v.parent + ' > ' + v.value : v.value, label: v.value, count: v.count, child: !!v.parent
    }))
  });
}

/*
 * Document types: the API's type facet (multi-select: its counts ignore the type selection). From a server
 * without one, the document facet is summed by each document's type (from /api/documents).
 */
function typeBuckets(facets, state, documents) {
  const label = (type, fallback) => TEXT.types[type] || fallback || type;
  if (facets.type) {
    return facets.type.filter((v) => v.count > 0).map((v) => ({ value: v.value, label: label(v.value, v.label), count: v.count }));
  }
  const byType = {};
  for (const v of facets.doc || []) {
    const info = documents[v.value];
    if (info) {
      byType[info.type] = (byType[info.type] || 0) + v.count;
    }
  }
  return Object.keys(TEXT.types).filter((type) => byType[type]).map((type) => ({ value: type, label: label(type), count: byType[type] }));
}

export function createFacets(page) {
  const boxes = {};
  for (const name of ORDER) {
    const list = el('ul', { className: 'xq-facet-list' });
    boxes[name] = {
      list,
      node: el('fieldset', { className: 'xq-facet', 'data-facet': name }, el('legend', { className: 'xq-facet-title', text: TITLES[name] }), list)
    };
  }
  const clearButton = el('button', { type: 'button', className: 'xq-clear', text: TEXT.clear, hidden: true });
  // On a narrow screen the filters fold behind this toggle so the hits start near the top.
  const toggle = el('button', { type: 'button', className: 'xq-filters-toggle', text: TEXT.filtersToggle, 'aria-expanded': 'false' });
  const note = el('p', { className: 'xq-facet-note', text: TEXT.facetNote });
  const node = el('aside', { className: 'xq-facets', 'aria-label': TEXT.filters },
    toggle,
    el('div', { className: 'xq-facet-boxes' }, note, ORDER.map((name) => boxes[name].node), clearButton));

  clearButton.addEventListener('click', () => {
    const none = {};
    for (const key of Object.values(FILTERS)) {
      none[key] = [];
    }
    page.go(none);
  });
  toggle.addEventListener('click', () => {
    const open = !node.classList.contains('xq-facets-open');
    node.classList.toggle('xq-facets-open', open);
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });

  function item(name, bucket) {
    const selected = page.state[FILTERS[name]];
    const box = el('input', { type: 'checkbox', value: bucket.value, className: 'xq-check' });
    box.checked = selected.includes(bucket.value);
    box.addEventListener('change', () => {
      const values = selected.filter((v) => v !== bucket.value);
      if (box.checked) {
        values.push(bucket.value);
      }
      page.go({ [FILTERS[name]]: values });
    });
    return el('li', { className: 'xq-facet-item' + (bucket.child ? ' xq-facet-child' : '') },
      el('label', { className: 'xq-facet-label' },
        box,
        el('span', { className: 'xq-facet-value', text: bucket.label }),
        el('span', { className: 'xq-count', text: String(bucket.count), title: bucket.count + ' ' + TEXT.facetUnit })));
  }

  /** Lists the buckets of `facets` (the search response's; `{}` for none); `omitted` is its facetsOmitted. */
  function render(facets, omitted) {
    const state = page.state;
    const all = buckets(facets, state, page.documents);
    let any = false;
    for (const name of ORDER) {
      const list = boxes[name].list;
      clear(list);
      all[name].forEach((b) => list.appendChild(item(name, b)));
      // Selected filters that no longer have a bucket still show, so they can be unticked.
      const listed = new Set(all[name].map((b) => b.value));
      state[FILTERS[name]].filter((v) => !listed.has(v))
        .forEach((v) => list.appendChild(item(name, { value: v, label: name === 'year' ? yearLabel(v) : v, count: 0 })));
      // A facet cut to facetSize offers the rest: 更多 asks again for every value.
      const left = omitted && omitted[name];
      if (left) {
        const more = el('button', { type: 'button', className: 'xq-facet-more', text: '更多（' + left.values + '）' });
        more.addEventListener('click', () => page.go({ facetSize: '0' }));
        list.appendChild(el('li', { className: 'xq-facet-item' }, more));
      }
      boxes[name].node.hidden = list.children.length === 0;
      any = any || !boxes[name].node.hidden;
    }
    note.hidden = !any;
    toggle.hidden = !any;
    clearButton.hidden = filterCount(state) === 0;
  }

  return { node, render };
}
