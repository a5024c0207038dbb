/*
 * The hits of one page: year (and a plan's period; 年份未知 when unknown) · title · issuer · 文号 · chapter path · topic
 * (· PDF page · 识别文本，可能有误 for text recognised from a scan · 近似 for an approximate match), the text with its occurrences marked, the occurrence count, and the links that open the paragraph in
 * context, the whole document, or the source file (原文).
 */

import { clear, el, highlighted } from './dom.js';
import { withChanges } from './state.js';
import { TEXT, facts, ocrLabel, pageLabel } from './text.js';

export function createResults(page) {
  const node = el('ol', { className: 'xq-hits' });
  let byId = {};

  /** A link to a panel (`ctx` or `view`) for the hit: a real URL, opened in place on a click. */
  function panelLink(className, text, panel, hit) {
    const changes = panel === 'ctx' ? { ctx: hit.id, view: '' } : { view: hit.id, ctx: '' };
    const link = el('a', { className, href: page.urlFor(withChanges(page.state, changes)), text, 'data-id': hit.id });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      page.openPanel(changes);
    });
    return link;
  }

  function hitItem(hit) {
    const info = page.documents[hit.doc];
    const count = (hit.highlights || []).length;
    const pdf = hit.firstPage != null;
    const approximate = (hit.highlights || []).some((h) => h.approximate);
    return el('li', { className: 'xq-hit', 'data-id': hit.id },
      el('p', { className: 'xq-meta' },
        el('span', { className: 'xq-year', text: hit.year == null ? TEXT.unknownYear : String(hit.year) }),
        info && info.period ? el('span', { className: 'xq-period', text: '（' + info.period + '）' }) : null,
        ' · ',
        el('span', { className: 'xq-doc-title', text: hit.title }), ' · ',
        facts(hit) ? el('span', { className: 'xq-facts', text: facts(hit) }) : null,
        facts(hit) ? ' · ' : null,
        el('span', { className: 'xq-chapter', text: hit.chapter && hit.chapter.length ? hit.chapter.join(' › ') : '—' }), ' · ',
        el('span', { className: 'xq-topic', text: hit.topic }),
        pdf ? ' · ' : '',
        pdf ? el('span', { className: 'xq-page', text: pageLabel(hit) }) : '',
        hit.ocr ? ' · ' : '',
        hit.ocr ? el('span', { className: 'xq-ocr', text: ocrLabel(hit) }) : '',
        approximate ? ' · ' : '',
        approximate ? el('span', { className: 'xq-approximate', text: TEXT.approximate }) : ''),
      el('p', { className: 'xq-text' }, highlighted(hit.text, hit.highlights)),
      el('p', { className: 'xq-actions' },
        count > 0 ? el('span', { className: 'xq-hit-count', text: TEXT.hitOccurrences(count) }) : null,
        panelLink('xq-open', TEXT.context, 'ctx', hit),
        panelLink('xq-open-doc', TEXT.wholeDocument, 'view', hit),
        // The source file: a PDF opens at the hit's page.
        el('a', {
          className: 'xq-original', href: page.api.originalUrl(hit.doc, null, pdf ? hit.firstPage : null),
          target: '_blank', rel: 'noopener', text: TEXT.original
        })));
  }

  function render(response) {
    clear(node);
    byId = {};
    node.setAttribute('start', String(response.offset + 1));
    for (const hit of response.hits) {
      byId[hit.id] = hit;
      node.appendChild(hitItem(hit));
    }
    if (response.hits.length === 0) {
      const pastEnd = response.totalHits > 0 && response.offset >= response.totalHits;
      node.appendChild(el('li', { className: 'xq-empty', text: pastEnd ? TEXT.pastEnd(response.totalHits) : TEXT.noHits }));
    }
  }

  return {
    node,
    render,
    clear: () => { clear(node); },
    /** A hit of the shown page by id (with its highlights), or undefined. */
    hit: (id) => byId[id]
  };
}
