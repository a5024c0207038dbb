/* Pages of hits: first, previous, up to seven numbers around the current page, next, last, and "page i of n". */

import { clear, el } from './dom.js';
import { TEXT } from './text.js';

export function createPager(page, pageSize) {
  const node = el('nav', { className: 'xq-pager', 'aria-label': TEXT.pager });

  function render(response) {
    clear(node);
    const pages = Math.ceil(response.totalHits / pageSize);
    if (pages <= 1) {
      return;
    }
    const current = Math.floor(response.offset / pageSize) + 1;
    const button = (label, n, disabled, isCurrent) => {
      const b = el('button', {
        type: 'button', className: 'xq-page' + (isCurrent ? ' xq-page-current' : ''), text: label,
        disabled, 'aria-current': isCurrent ? 'page' : null, 'aria-label': typeof label === 'number' ? TEXT.page(label) : null
      });
      b.addEventListener('click', () => {
        page.go({ offset: (n - 1) * pageSize });
        page.scrollToTop();
      });
      return b;
    };
    node.appendChild(button(TEXT.firstPage, 1, current === 1, false));
    node.appendChild(button(TEXT.prev, current - 1, current === 1, false));
    const from = Math.max(1, Math.min(current - 3, pages - 6));
    const to = Math.min(pages, from + 6);
    for (let n = from; n <= to; n++) {
      node.appendChild(button(n, n, false, n === current));
    }
    node.appendChild(button(TEXT.next, current + 1, current === pages, false));
    node.appendChild(button(TEXT.lastPage, pages, current === pages, false));
    node.appendChild(el('span', { className: 'xq-page-total', text: TEXT.pagerTotal(current, pages) }));
  }

  return { node, render, clear: () => clear(node) };
}
