/*
 * Help around the search box: suggestions under it while typing (GET api/suggest; ↑/↓ or the mouse highlight one,
 * Enter or a click searches it, Escape closes the list), and the result model's hints on an empty result (did you
 * mean …, filters that removed every hit, unknown filter values, notes), with the suggestions clickable.
 */

import { clear, el } from './dom.js';
import { TEXT } from './text.js';

/** options: api, input, form, anchor (the hints go after it), search(q), withoutFilter(hint) → {href, go}. Answers `{render(response)}`. */
export function attachAssist(options) {
  const input = options.input;
  const listId = input.id + '-suggest';
  const list = el('ul', { className: 'xq-suggest', id: listId, role: 'listbox', 'aria-label': TEXT.suggestions, hidden: true });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.parentNode.insertBefore(list, input.nextSibling);
  const hints = el('div', { className: 'xq-hints', hidden: true });
  options.anchor.parentNode.insertBefore(hints, options.anchor.nextSibling);

  let items = [];
  let active = -1;
  let timer = null;
  let pending = null;
  let lastAsked = '';

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function choose(index) {
    const item = items[index];
    close();
    if (item) {
      input.value = item.text;
      lastAsked = item.text;
      options.search(item.text);
    }
  }

  function highlight(index) {
    active = index;
    Array.from(list.children).forEach((li, i) => {
      li.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', listId + '-' + index);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function show(suggestions) {
    items = suggestions;
    clear(list);
    suggestions.forEach((s, i) => {
      const li = el('li', { className: 'xq-suggest-item', id: listId + '-' + i, role: 'option', 'aria-selected': 'false' },
        el('span', { className: 'xq-suggest-text', text: s.text }),
        el('span', { className: 'xq-suggest-count', text: TEXT.occurrences(s.occurrences) }));
      li.addEventListener('mousedown', (event) => {
        event.preventDefault(); // keep focus in the box
        choose(i);
      });
      // The item under the mouse is the highlighted one, so Enter searches what is seen highlighted.
      li.addEventListener('mousemove', () => {
        if (active !== i) {
          highlight(i);
        }
      });
      list.appendChild(li);
    });
    active = -1;
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', suggestions.length ? 'true' : 'false');
  }

  function stopAsking() {
    clearTimeout(timer);
    if (pending) {
      pending.abort();
      pending = null;
    }
  }

  function ask() {
    const q = input.value.trim();
    if (q === lastAsked) {
      return;
    }
    lastAsked = q;
    stopAsking();
    if (!q) {
      show([]);
      return;
    }
    const controller = new AbortController();
    pending = controller;
    options.api.suggest(q, controller.signal)
      .then((answer) => {
        const root = input.getRootNode ? input.getRootNode() : document;
        if (pending === controller && (document.activeElement === input || root.activeElement === input)) {
          show(answer.ok ? answer.body.suggestions || [] : []);
        }
      })
      .catch(() => { /* suggestions are a convenience: a failed lookup shows none */ });
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 80);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden || items.length === 0) {
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = active + (event.key === 'ArrowDown' ? 1 : -1);
      // -1 is the typed text itself: the list cycles through it.
      highlight(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault(); // no form submission of the typed text
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
  options.form.addEventListener('submit', () => {
    // A lookup still under way must not open the list over the results of this search.
    stopAsking();
    lastAsked = input.value.trim();
    close();
  });

  function suggestionButton(label, query) {
    const button = el('button', { type: 'button', className: 'xq-hint-link', text: label });
    button.addEventListener('click', () => {
      input.value = query;
      options.search(query);
    });
    return button;
  }

  /** Shows the response's hints (null clears them). */
  function render(response) {
    clear(hints);
    const h = response && response.hints;
    if (!h) {
      hints.hidden = true;
      return;
    }
    const hint = (text) => hints.appendChild(el('p', { className: 'xq-hint', text }));
    (h.notes || []).forEach((n) => hint(TEXT.note + n));
    (h.unknownValues || []).forEach((u) => hint(TEXT.unknownValue(u)));
    // Each "without this filter" hint is a link that drops the filter (its address is the search without it).
    (h.filters || []).forEach((f) => {
      const without = options.withoutFilter && options.withoutFilter(f);
      if (!without) {
        hint(TEXT.without(f));
        return;
      }
      const link = el('a', { className: 'xq-hint-link xq-drop-filter', href: without.href, 'data-filter': f.filter, text: TEXT.without(f) });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        without.go();
      });
      hints.appendChild(el('p', { className: 'xq-hint' }, link));
    });
    const didYouMean = h.didYouMean || [];
    const suggested = new Set(didYouMean.map((s) => s.phrase));
    (h.unmatched || []).filter((p) => !suggested.has(p)).forEach((p) => hint(TEXT.unmatched(p)));
    if (didYouMean.length) {
      hints.appendChild(el('p', { className: 'xq-hint xq-did-you-mean' }, TEXT.didYouMean,
        didYouMean.map((s) => [suggestionButton(s.suggestion, s.query), el('span', { className: 'xq-hint-count', text: TEXT.didYouMeanCount(s) })])));
    }
    hints.hidden = !hints.firstChild;
  }

  return { render };
}
