/* Above the hits: sort order, paragraph kind, and the links that export every occurrence as CSV and every hit as Word. */

import { el } from './dom.js';
import { TEXT } from './text.js';

function select(className, label, options) {
  const node = el('select', { className, 'aria-label': label });
  for (const [value, text] of Object.entries(options)) {
    node.appendChild(el('option', { value, text }));
  }
  return node;
}

export function createControls(page) {
  const sort = select('xq-sort', TEXT.sort, TEXT.sorts);
  const kind = select('xq-kind', TEXT.kind, TEXT.kinds);
  const exportLink = el('a', { className: 'xq-export', href: '#', download: 'xiqing-search.csv', text: TEXT.exportCsv });
  const wordLink = el('a', { className: 'xq-export xq-export-docx', href: '#', download: 'xiqing-search.docx', text: TEXT.exportDocx });
  const node = el('div', { className: 'xq-controls', hidden: true },
    el('label', { className: 'xq-control' }, TEXT.sort + ' ', sort),
    el('label', { className: 'xq-control' }, TEXT.kind + ' ', kind),
    exportLink, wordLink);

  sort.addEventListener('change', () => page.go({ sort: sort.value === 'relevance' ? '' : sort.value }));
  kind.addEventListener('change', () => page.go({ kinds: kind.value ? [kind.value] : [] }));

  function render(response) {
    const state = page.state;
    node.hidden = false;
    sort.value = state.sort || 'relevance';
    kind.value = state.kinds.length === 1 ? state.kinds[0] : '';
    const params = page.apiParams();
    params.delete('offset');
    params.set('format', 'csv');
    exportLink.href = page.api.csvUrl(params);
    exportLink.hidden = response.totalHits === 0;
    params.set('format', 'docx');
    wordLink.href = page.api.csvUrl(params);
    wordLink.hidden = response.totalHits === 0;
  }

  return { node, render, hide: () => { node.hidden = true; } };
}
