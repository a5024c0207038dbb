/*
 * The panel over the hits that shows a hit where it stands: its paragraph among its neighbours (`ctx`), or the
 * whole document opened at the hit, with previous/next occurrence (`view`). Escape or 关闭 closes it.
 */

import { clear, el, highlighted } from './dom.js';
import { failure } from './api.js';
import { TEXT, errorMessage, facts, ocrLabel } from './text.js';

/** A hit id (`DOC#N`) as its document and paragraph number; null when it has no paragraph. */
function splitId(id) {
  const cut = id.lastIndexOf('#');
  return cut > 0 ? { doc: id.slice(0, cut), n: id.slice(cut + 1) } : null;
}

export function createReader(page, ids) {
  const node = el('section', {
    className: 'xq-context', hidden: true, role: 'dialog', 'aria-modal': 'false', tabindex: '-1', 'aria-labelledby': ids + '-ctx-title'
  });

  function closeButton() {
    const button = el('button', { type: 'button', className: 'xq-close', text: TEXT.close });
    button.addEventListener('click', () => page.closePanel());
    return button;
  }

  function head(title) {
    return el('div', { className: 'xq-context-head' },
      el('h2', { id: ids + '-ctx-title', className: 'xq-context-title', text: title }), closeButton());
  }

  function paragraphItem(p, className, body) {
    return el('li', { className: 'xq-ctx-para' + (p.kind === 'heading' ? ' xq-ctx-heading' : '') + (className || '') },
      el('span', { className: 'xq-ctx-num', text: '¶' + p.paragraph }), ' ', body,
      // Recognised text says so wherever it is shown.
      p.ocr ? el('span', { className: 'xq-ocr', text: ocrLabel(p) }) : null);
  }

  /** Shows the panel with "loading", fetches, then renders the answer or its error. */
  function load(request, render) {
    clear(node);
    node.hidden = false;
    node.appendChild(el('p', { className: 'xq-status', text: TEXT.loading }));
    request
      .then((answer) => (answer.ok ? render(answer.body) : showError(errorMessage(failure(answer)))))
      .catch(() => showError(TEXT.network));
  }

  function showError(message) {
    clear(node);
    node.appendChild(el('div', { className: 'xq-context-head' }, closeButton()));
    node.appendChild(el('p', { className: 'xq-error', text: message }));
  }

  /** Puts the item at the middle of the panel: it opens at the hit, not at the first neighbour. */
  function reveal(item) {
    if (item && item.scrollIntoView) {
      item.scrollIntoView({ block: 'center' });
    }
  }

  /* --- a paragraph among its neighbours --- */

  function openContext(id) {
    node.classList.remove('xq-document');
    const at = splitId(id);
    if (at) {
      load(page.api.paragraph(at.doc, at.n, 3), (body) => renderContext(body, page.hit(id)));
    }
  }

  function renderContext(ctx, hit) {
    clear(node);
    const p = ctx.paragraph;
    const item = (view, central) => {
      // Highlights are known for the paragraphs on this page of hits (the API's context view has none).
      const known = central && hit && hit.text === view.text ? hit : page.hit(view.id);
      const body = known && known.text === view.text ? highlighted(view.text, known.highlights) : view.text;
      const li = paragraphItem(view, central ? ' xq-ctx-current' : '', body);
      if (central) {
        li.setAttribute('aria-current', 'true');
      }
      return li;
    };
    // Title, chapter and 关闭 stay at the top of the panel: centring the hit below must not scroll them away.
    node.appendChild(el('div', { className: 'xq-doc-top xq-ctx-top' },
      head((ctx.year == null ? TEXT.unknownYear : ctx.year) + ' · ' + ctx.title),
      p.chapter && p.chapter.length ? el('p', { className: 'xq-context-path', text: p.chapter.join(' › ') }) : null));
    const list = el('ol', { className: 'xq-ctx-list' }, ctx.before.map((v) => item(v, false)), item(p, true), ctx.after.map((v) => item(v, false)));
    node.appendChild(list);
    node.appendChild(el('p', { className: 'xq-context-source', text: TEXT.lines(ctx.file, p) }));
    node.focus();
    reveal(list.querySelector('.xq-ctx-current'));
  }

  /* --- the whole document, opened at a hit, with next/previous occurrence --- */

  function openDocument(id) {
    const at = splitId(id);
    load(page.api.document(at ? at.doc : id, page.state.q), (body) => renderDocument(body, at ? parseInt(at.n, 10) : 0));
  }

  function renderDocument(d, at) {
    clear(node);
    node.classList.add('xq-document');
    const hits = d.hitParagraphs || [];
    const position = el('span', { className: 'xq-doc-position' });
    const prev = el('button', { type: 'button', className: 'xq-doc-prev', text: TEXT.prevHit });
    const next = el('button', { type: 'button', className: 'xq-doc-next', text: TEXT.nextHit });
    const items = {};
    const list = el('ol', { className: 'xq-ctx-list xq-doc-list' }, d.paragraphs.map((p) => {
      const li = paragraphItem(p, p.highlights.length ? ' xq-doc-hit' : '', highlighted(p.text, p.highlights));
      li.setAttribute('data-paragraph', p.paragraph);
      li.id = ids + '-p' + p.paragraph;
      items[p.paragraph] = li;
      return li;
    }));
    // The hit asked for, else the first occurrence after it, else the first.
    let index = hits.indexOf(at);
    if (index < 0) {
      const after = hits.findIndex((n) => n >= at);
      index = after >= 0 ? after : hits.length ? 0 : -1;
    }
    const go = (i) => {
      const current = list.querySelector('.xq-ctx-current');
      if (current) {
        current.classList.remove('xq-ctx-current');
        current.removeAttribute('aria-current');
      }
      index = i;
      const item = items[index >= 0 ? hits[index] : at];
      if (item) {
        item.classList.add('xq-ctx-current');
        item.setAttribute('aria-current', 'true');
        reveal(item);
      }
      prev.disabled = index <= 0;
      next.disabled = index < 0 || index >= hits.length - 1;
      position.textContent = index >= 0 ? TEXT.hitPosition(index + 1, hits.length) : '';
    };
    prev.addEventListener('click', () => go(index - 1));
    next.addEventListener('click', () => go(index + 1));
    // Title and navigation stay at the top of the panel while the document scrolls under them.
    node.appendChild(el('div', { className: 'xq-doc-top' },
      head((d.period || (d.year == null ? TEXT.unknownYear : d.year)) + ' · ' + d.title),
      documentFacts(d),
      el('div', { className: 'xq-doc-nav' },
        el('span', { className: 'xq-doc-summary', text: (TEXT.types[d.type] || d.type) + ' · ' + TEXT.docSummary(d) }), prev, position, next)));
    node.appendChild(list);
    node.focus();
    go(index);
  }

  /** The document's issuer, 文号, dates, its source file and copies (原文), and what reading it noted. */
  function documentFacts(d) {
    const links = [d.file].concat(d.copies || []).map((file, i) => el('a', {
      className: 'xq-original', href: page.api.originalUrl(d.doc, i === 0 ? null : file, null),
      target: '_blank', rel: 'noopener', text: i === 0 ? TEXT.original : file.split('.').pop().toUpperCase()
    }));
    const source = d.sourceUrl && /^https?:\/\//i.test(d.sourceUrl)
      ? el('a', { className: 'xq-source-url', href: d.sourceUrl, target: '_blank', rel: 'noopener noreferrer', text: d.sourceUrl })
      : null;
    return el('div', { className: 'xq-doc-facts' },
      facts(d) ? el('span', { className: 'xq-facts', text: facts(d) }) : null,
      links, source,
      (d.warnings || []).length ? el('p', { className: 'xq-doc-warnings', text: TEXT.warnings + '：' + d.warnings.join('；') }) : null);
  }

  /** Opens what `state` asks for (`view`, else `ctx`), or hides the panel. */
  function show(state) {
    if (state.view) {
      openDocument(state.view);
    } else if (state.ctx) {
      openContext(state.ctx);
    } else {
      node.hidden = true;
    }
  }

  function hide() {
    node.hidden = true;
    clear(node);
  }

  return { node, show, hide, isOpen: () => !node.hidden };
}
