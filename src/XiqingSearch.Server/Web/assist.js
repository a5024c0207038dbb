/*
 * XiqingSearch page assistance, loaded by app.js beside itself: suggestions under the search box while typing
 * (GET api/suggest, keyboard navigable) and the result model's hints on an empty result (did you mean …, filters
 * that removed every hit, unknown filter values, notes), with the suggestions clickable.
 * Same safety rule as app.js: text goes into the DOM as text nodes only.
 */
(function () {
  'use strict';

  var TEXT = {
    suggestions: '检索建议',
    occurrences: function (n) { return n + ' 处'; },
    didYouMean: '您要找的是不是：',
    didYouMeanCount: function (s) { return '（' + s.occurrences + ' 处，' + s.hits + ' 段）'; },
    unmatched: function (p) { return '“' + p + '”在文件中没有出现。'; },
    unknown: function (u) { return '没有' + FILTER[u.filter] + '“' + u.value + '”。可选：' + u.valid.join('、'); },
    without: function (f) {
      return (f.filter === 'all' ? '去掉全部筛选' : '去掉' + FILTER[f.filter] + '筛选（' + f.values.join('、') + '）') +
        '后有 ' + f.hitsWithout + ' 段。';
    },
    note: '注意：'
  };
  var FILTER = { year: '年份', topic: '主题', chapter: '章节', doc: '文件', kind: '类型', all: '筛选' };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /* options: base, input, form, anchor (hints go after it), search(q) */
  function attach(options) {
    var input = options.input;
    var listId = input.id + '-suggest';
    var list = el('ul', 'xq-suggest');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', TEXT.suggestions);
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('aria-expanded', 'false');
    input.parentNode.insertBefore(list, input.nextSibling);
    var hints = el('div', 'xq-hints');
    hints.hidden = true;
    options.anchor.parentNode.insertBefore(hints, options.anchor.nextSibling);

    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var lastAsked = '';

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function choose(index) {
      var item = items[index];
      close();
      if (item) {
        input.value = item.text;
        options.search(item.text);
      }
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute('aria-selected', i === index ? 'true' : 'false');
        if (i === index) {
          input.setAttribute('aria-activedescendant', li.id);
        }
      });
    }

    function show(suggestions) {
      items = suggestions;
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      suggestions.forEach(function (s, i) {
        var li = el('li', 'xq-suggest-item');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.appendChild(el('span', 'xq-suggest-text', s.text));
        li.appendChild(el('span', 'xq-suggest-count', TEXT.occurrences(s.occurrences)));
        li.addEventListener('mousedown', function (event) {
          event.preventDefault(); /* keep focus in the box */
          choose(i);
        });
        list.appendChild(li);
      });
      active = -1;
      list.hidden = suggestions.length === 0;
      input.setAttribute('aria-expanded', suggestions.length ? 'true' : 'false');
    }

    function ask() {
      var q = input.value.trim();
      if (q === lastAsked) {
        return;
      }
      lastAsked = q;
      if (pending) {
        pending.abort();
      }
      if (!q) {
        show([]);
        return;
      }
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      pending = controller;
      fetch(options.base + 'api/suggest?limit=8&q=' + encodeURIComponent(q), {
        headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined
      })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          var root = input.getRootNode ? input.getRootNode() : document;
          if (pending === controller && (document.activeElement === input || root.activeElement === input)) {
            show(body.suggestions || []);
          }
        })
        .catch(function () { /* suggestions are a convenience: a failed lookup shows none */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 80);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden || items.length === 0) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var step = event.key === 'ArrowDown' ? 1 : -1;
        var next = active + step;
        /* -1 is the typed text itself: the list cycles through it */
        highlight(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(active);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
    options.form.addEventListener('submit', function () {
      clearTimeout(timer);
      lastAsked = input.value.trim();
      close();
    });

    function suggestionButton(label, query) {
      var button = el('button', 'xq-hint-link', label);
      button.type = 'button';
      button.addEventListener('click', function () {
        input.value = query;
        options.search(query);
      });
      return button;
    }

    function render(response) {
      while (hints.firstChild) {
        hints.removeChild(hints.firstChild);
      }
      var h = response && response.hints;
      if (!h) {
        hints.hidden = true;
        return;
      }
      (h.notes || []).forEach(function (n) { hints.appendChild(el('p', 'xq-hint', TEXT.note + n)); });
      (h.unknownValues || []).forEach(function (u) { hints.appendChild(el('p', 'xq-hint', TEXT.unknown(u))); });
      (h.filters || []).forEach(function (f) { hints.appendChild(el('p', 'xq-hint', TEXT.without(f))); });
      var suggested = {};
      (h.didYouMean || []).forEach(function (s) { suggested[s.phrase] = true; });
      (h.unmatched || []).forEach(function (p) {
        if (!suggested[p]) {
          hints.appendChild(el('p', 'xq-hint', TEXT.unmatched(p)));
        }
      });
      if ((h.didYouMean || []).length) {
        var line = el('p', 'xq-hint xq-did-you-mean', TEXT.didYouMean);
        h.didYouMean.forEach(function (s) {
          line.appendChild(suggestionButton(s.suggestion, s.query));
          line.appendChild(el('span', 'xq-hint-count', TEXT.didYouMeanCount(s)));
        });
        hints.appendChild(line);
      }
      hints.hidden = !hints.firstChild;
    }

    return { render: render };
  }

  window.XiqingAssist = { attach: attach };
})();
