/* A failed search: the error in Chinese and, for a query error, the query with a caret under the problem. */

import { clear, el } from './dom.js';
import { TEXT, errorMessage } from './text.js';

export function createErrorPanel() {
  const node = el('div', { className: 'xq-error', role: 'alert', hidden: true });

  function show(err, query) {
    clear(node);
    node.hidden = false;
    node.appendChild(el('p', { className: 'xq-error-message', text: errorMessage(err) }));
    if (err.position && query) {
      // position is 1-based, in UTF-16 units. The caret line starts with the same text as the query, made
      // invisible, so the caret sits under the right character whatever widths the font gives Chinese and Latin.
      const offset = Math.min(err.position - 1, query.length);
      node.appendChild(el('div', { className: 'xq-error-query' },
        el('div', { className: 'xq-error-line' }, query),
        el('div', { className: 'xq-error-caret-line', 'aria-hidden': 'true' },
          el('span', { className: 'xq-error-pad' }, query.slice(0, offset)),
          el('span', { className: 'xq-error-caret', text: '^' }))));
      node.appendChild(el('p', { className: 'xq-error-position', text: TEXT.errorAt + ' ' + err.position }));
    }
  }

  function hide() {
    node.hidden = true;
    clear(node);
  }

  return { node, show, hide };
}
