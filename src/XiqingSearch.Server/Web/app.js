/*
 * XiqingSearch UI: one file for the page (/) and for embedding (embed.js).
 *
 * Safety invariant: no HTML string is ever parsed. Every piece of document or query text goes into the DOM as a
 * text node (textContent / createTextNode); the only elements added around text are <mark> for highlights.
 * Styles come from app.css only (the CSP forbids inline style), and the SVG chart uses plain attributes.
 */
(function () {
  'use strict';

  // Loaded twice: keep the first. A portal element with id="XiqingSearch" also shows up as window.XiqingSearch.
  if (window.XiqingSearch && typeof window.XiqingSearch.mount === 'function') {
    return;
  }

  var ownScript = document.currentScript;
  var PAGE_SIZE = 10;
  var SVG_NS = 'http://www.w3.org/2000/svg';

  var TEXT = {
    title: '西青区政策文件检索',
    label: '检索词',
    placeholder: '输入检索词，如：天开西青园',
    search: '搜索',
    hint: '支持 "短语"、AND、OR、NOT 和括号。',
    example: '试试：',
    filters: '筛选',
    year: '年份',
    topic: '主题',
    chapter: '章节',
    clear: '清除筛选',
    chart: '各年份出现次数',
    loading: '正在检索…',
    noHits: '没有找到匹配的段落。',
    context: '查看上下文',
    close: '关闭',
    prev: '上一页',
    next: '下一页',
    pager: '分页',
    errorAt: '位置',
    network: '无法连接检索服务。',
    summary: function (r, years) {
      return '共 ' + r.totalHits + ' 段，' + r.totalOccurrences + ' 处匹配，分布于 ' + years + ' 个年份' +
        '（用时 ' + r.tookMs.toFixed(1) + ' 毫秒）';
    },
    page: function (n) { return '第 ' + n + ' 页'; },
    yearSuffix: '年',
    occurrences: function (n) { return n + ' 处'; },
    paragraphs: function (n) { return n + ' 段'; }
  };

  /* ---------- DOM helpers (text only; never innerHTML) ---------- */

  // The page of a paragraph from a PDF (null for text sources): 第 12 页, or 第 12–13 页 across a page break.
  function pageLabel(p) {
    return '第 ' + p.firstPage + (p.lastPage > p.firstPage ? '–' + p.lastPage : '') + ' 页';
  }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'text') {
          node.textContent = value;
        } else if (key === 'className') {
          node.className = value;
        } else if (value === true) {
          node.setAttribute(key, '');
        } else {
          node.setAttribute(key, String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(parent, c); });
    } else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)));
    } else {
      parent.appendChild(child);
    }
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') {
        node.textContent = attrs[key];
      } else {
        node.setAttribute(key, String(attrs[key]));
      }
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  /** Text with <mark> around each [start, end) span (UTF-16 offsets, as JavaScript strings count). */
  function highlighted(text, spans) {
    var parts = [];
    var at = 0;
    (spans || []).forEach(function (span) {
      var start = Math.max(span.start, at);
      var end = Math.min(span.end, text.length);
      if (end <= start) {
        return;
      }
      if (start > at) {
        parts.push(text.slice(at, start));
      }
      parts.push(el('mark', { className: 'xq-mark' }, text.slice(start, end)));
      at = end;
    });
    if (at < text.length) {
      parts.push(text.slice(at));
    }
    return parts;
  }

  /* ---------- state <-> URL ---------- */

  function emptyState() {
    return { q: '', years: [], topics: [], chapters: [], offset: 0, ctx: '' };
  }

  function stateFromParams(params) {
    var state = emptyState();
    state.q = params.get('q') || '';
    state.years = params.getAll('year');
    state.topics = params.getAll('topic');
    state.chapters = params.getAll('chapter');
    state.offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    state.ctx = params.get('ctx') || '';
    return state;
  }

  function paramsFromState(state, withView) {
    var params = new URLSearchParams();
    params.set('q', state.q);
    state.years.forEach(function (v) { params.append('year', v); });
    state.topics.forEach(function (v) { params.append('topic', v); });
    state.chapters.forEach(function (v) { params.append('chapter', v); });
    if (state.offset > 0) {
      params.set('offset', String(state.offset));
    }
    if (withView && state.ctx) {
      params.set('ctx', state.ctx);
    }
    return params;
  }

  /* ---------- the UI ---------- */

  function mount(target, options) {
    options = options || {};
    var base = options.base || (ownScript && ownScript.src ? new URL('.', ownScript.src).href : '/');
    var embedded = !!options.embedded;
    var root = target;
    if (embedded && target.attachShadow) {
      root = target.shadowRoot || target.attachShadow({ mode: 'open' });
    }

    var ids = 'xq' + Math.random().toString(36).slice(2, 8);
    var input = el('input', {
      type: 'search', id: ids + '-q', name: 'q', maxlength: 500, autocomplete: 'off',
      placeholder: TEXT.placeholder, className: 'xq-input', 'aria-label': TEXT.label
    });
    var form = el('form', { className: 'xq-form', role: 'search' },
      el('label', { 'for': ids + '-q', className: 'xq-visually-hidden', text: TEXT.label }),
      input,
      el('button', { type: 'submit', className: 'xq-button', text: TEXT.search }));
    var exampleLink = el('a', { href: '#', className: 'xq-example', text: '天开西青园' });
    var status = el('p', { className: 'xq-status', role: 'status', 'aria-live': 'polite' });
    var error = el('div', { className: 'xq-error', role: 'alert', hidden: true });
    var facetBoxes = {
      year: facetBox(TEXT.year, 'year'),
      topic: facetBox(TEXT.topic, 'topic'),
      chapter: facetBox(TEXT.chapter, 'chapter')
    };
    var clearButton = el('button', { type: 'button', className: 'xq-clear', text: TEXT.clear, hidden: true });
    var facets = el('aside', { className: 'xq-facets', 'aria-label': TEXT.filters },
      facetBoxes.year.node, facetBoxes.topic.node, facetBoxes.chapter.node, clearButton);
    var chart = el('figure', { className: 'xq-chart', hidden: true });
    var hits = el('ol', { className: 'xq-hits' });
    var pager = el('nav', { className: 'xq-pager', 'aria-label': TEXT.pager });
    var contextPanel = el('section', {
      className: 'xq-context', hidden: true, role: 'dialog', 'aria-modal': 'false', tabindex: '-1',
      'aria-labelledby': ids + '-ctx-title'
    });
    var app = el('div', { className: 'xq' + (embedded ? ' xq-embedded' : '') },
      el('header', { className: 'xq-header' },
        el('h1', { className: 'xq-title', text: TEXT.title }),
        form,
        el('p', { className: 'xq-hint' }, TEXT.hint, ' ', TEXT.example, exampleLink)),
      status,
      error,
      el('div', { className: 'xq-body' },
        facets,
        el('section', { className: 'xq-results', 'aria-label': '检索结果' }, chart, hits, pager)),
      contextPanel);
    clear(root);
    if (root !== target) {
      root.appendChild(el('link', { rel: 'stylesheet', href: base + 'app.css' }));
    }
    root.appendChild(app);

    var state = emptyState();
    var lastResponse = null;
    var inFlight = null;
    var hitsById = {};

    /* --- URL --- */

    function readUrl() {
      var text = embedded ? location.hash.replace(/^#/, '') : location.search.replace(/^\?/, '');
      return stateFromParams(new URLSearchParams(text));
    }

    function urlFor(s, withView) {
      var query = paramsFromState(s, withView).toString();
      return embedded ? '#' + query : '?' + query;
    }

    function writeUrl(replace) {
      var url = state.q ? urlFor(state, true) : (embedded ? '#' : location.pathname);
      if (embedded ? location.hash === url : location.search + location.hash === url) {
        return;
      }
      if (replace) {
        history.replaceState(null, '', url);
      } else {
        history.pushState(null, '', url);
      }
    }

    /* --- facets --- */

    function facetBox(title, name) {
      var list = el('ul', { className: 'xq-facet-list' });
      var node = el('fieldset', { className: 'xq-facet', 'data-facet': name },
        el('legend', { className: 'xq-facet-title', text: title }), list);
      return { node: node, list: list };
    }

    function selectedList(name) {
      return name === 'year' ? state.years : name === 'topic' ? state.topics : state.chapters;
    }

    function facetItem(name, value, label, count, extraClass) {
      var selected = selectedList(name).indexOf(value) >= 0;
      var box = el('input', { type: 'checkbox', value: value, checked: selected, className: 'xq-check' });
      box.checked = selected;
      box.addEventListener('change', function () {
        var list = selectedList(name);
        var i = list.indexOf(value);
        if (box.checked && i < 0) {
          list.push(value);
        } else if (!box.checked && i >= 0) {
          list.splice(i, 1);
        }
        state.offset = 0;
        state.ctx = '';
        run(false);
      });
      return el('li', { className: 'xq-facet-item' + (extraClass ? ' ' + extraClass : '') },
        el('label', { className: 'xq-facet-label' },
          box,
          el('span', { className: 'xq-facet-value', text: label }),
          el('span', { className: 'xq-count', text: String(count) })));
    }

    function renderFacets(f) {
      clear(facetBoxes.year.list);
      clear(facetBoxes.topic.list);
      clear(facetBoxes.chapter.list);
      (f.year || []).forEach(function (v) {
        facetBoxes.year.list.appendChild(facetItem('year', v.value, v.value + TEXT.yearSuffix, v.count));
      });
      (f.topic || []).forEach(function (v) {
        facetBoxes.topic.list.appendChild(facetItem('topic', v.value, v.label || v.value, v.count));
      });
      (f.chapter || []).forEach(function (v) {
        var value = v.parent ? v.parent + ' > ' + v.value : v.value;
        facetBoxes.chapter.list.appendChild(
          facetItem('chapter', value, v.value, v.count, v.parent ? 'xq-facet-child' : null));
      });
      // Selected filters that no longer have a bucket still show, so they can be unticked.
      ['year', 'topic', 'chapter'].forEach(function (name) {
        var shown = {};
        Array.prototype.forEach.call(facetBoxes[name].list.querySelectorAll('input'), function (i) {
          shown[i.value] = true;
        });
        selectedList(name).forEach(function (value) {
          if (!shown[value]) {
            facetBoxes[name].list.appendChild(facetItem(name, value, value, 0));
          }
        });
      });
      ['year', 'topic', 'chapter'].forEach(function (name) {
        facetBoxes[name].node.hidden = facetBoxes[name].list.children.length === 0;
      });
      clearButton.hidden = state.years.length + state.topics.length + state.chapters.length === 0;
    }

    /* --- chart: occurrences per year, oldest to newest --- */

    function renderChart(years) {
      clear(chart);
      var data = (years || []).slice().sort(function (a, b) { return a.value < b.value ? -1 : 1; });
      if (data.length === 0) {
        chart.hidden = true;
        return;
      }
      chart.hidden = false;
      var max = Math.max.apply(null, data.map(function (d) { return d.occurrences; })) || 1;
      var barWidth = 48;
      var gap = 24;
      var plotHeight = 100;
      var width = data.length * (barWidth + gap) + gap;
      var height = plotHeight + 44;
      var description = data.map(function (d) { return d.value + TEXT.yearSuffix + ' ' + TEXT.occurrences(d.occurrences); }).join('，');
      var picture = svg('svg', {
        viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': TEXT.chart + '：' + description,
        'class': 'xq-chart-svg', preserveAspectRatio: 'xMinYMid meet'
      });
      picture.appendChild(svg('title', { text: TEXT.chart + '：' + description }));
      data.forEach(function (d, i) {
        var h = d.occurrences === 0 ? 0 : Math.max(2, Math.round(d.occurrences / max * plotHeight));
        var x = gap + i * (barWidth + gap);
        var y = 18 + plotHeight - h;
        var selected = state.years.indexOf(d.value) >= 0;
        picture.appendChild(svg('rect', {
          x: x, y: y, width: barWidth, height: h, rx: 3,
          'class': 'xq-bar' + (selected ? ' xq-bar-selected' : ''), 'data-year': d.value
        }));
        picture.appendChild(svg('text', {
          x: x + barWidth / 2, y: y - 4, 'text-anchor': 'middle', 'class': 'xq-bar-count', text: String(d.occurrences)
        }));
        picture.appendChild(svg('text', {
          x: x + barWidth / 2, y: 18 + plotHeight + 18, 'text-anchor': 'middle', 'class': 'xq-bar-label', text: d.value
        }));
      });
      chart.appendChild(el('figcaption', { className: 'xq-chart-title', text: TEXT.chart }));
      chart.appendChild(picture);
    }

    /* --- hits --- */

    function renderHits(response) {
      clear(hits);
      hitsById = {};
      hits.setAttribute('start', String(response.offset + 1));
      response.hits.forEach(function (hit) {
        hitsById[hit.id] = hit;
        var chapter = hit.chapter && hit.chapter.length ? hit.chapter.join(' › ') : '—';
        var link = el('a', {
          className: 'xq-open', href: urlFor(withCtx(hit.id), true), text: TEXT.context, 'data-id': hit.id
        });
        link.addEventListener('click', function (event) {
          event.preventDefault();
          state.ctx = hit.id;
          writeUrl(false);
          openContext(hit.id);
        });
        hits.appendChild(el('li', { className: 'xq-hit', 'data-id': hit.id },
          el('p', { className: 'xq-meta' },
            el('span', { className: 'xq-year', text: String(hit.year) }), ' · ',
            el('span', { className: 'xq-doc-title', text: hit.title }), ' · ',
            el('span', { className: 'xq-chapter', text: chapter }), ' · ',
            el('span', { className: 'xq-topic', text: hit.topic }),
            hit.firstPage == null ? '' : ' · ',
            hit.firstPage == null ? '' : el('span', { className: 'xq-page', text: pageLabel(hit) })),
          el('p', { className: 'xq-text' }, highlighted(hit.text, hit.highlights)),
          el('p', { className: 'xq-actions' }, link)));
      });
      if (response.hits.length === 0) {
        hits.appendChild(el('li', { className: 'xq-empty', text: TEXT.noHits }));
      }
    }

    function withCtx(id) {
      var copy = JSON.parse(JSON.stringify(state));
      copy.ctx = id;
      return copy;
    }

    function renderPager(response) {
      clear(pager);
      var pages = Math.ceil(response.totalHits / PAGE_SIZE);
      if (pages <= 1) {
        return;
      }
      var current = Math.floor(response.offset / PAGE_SIZE) + 1;
      function button(label, page, disabled, isCurrent) {
        var b = el('button', {
          type: 'button', className: 'xq-page' + (isCurrent ? ' xq-page-current' : ''), text: label,
          disabled: disabled, 'aria-current': isCurrent ? 'page' : null,
          'aria-label': typeof label === 'number' ? TEXT.page(label) : null
        });
        b.addEventListener('click', function () {
          state.offset = (page - 1) * PAGE_SIZE;
          state.ctx = '';
          run(false);
          app.scrollIntoView({ block: 'start' });
        });
        return b;
      }
      pager.appendChild(button(TEXT.prev, current - 1, current === 1, false));
      var from = Math.max(1, current - 3);
      var to = Math.min(pages, from + 6);
      for (var p = from; p <= to; p++) {
        pager.appendChild(button(p, p, false, p === current));
      }
      pager.appendChild(button(TEXT.next, current + 1, current === pages, false));
    }

    /* --- paragraph in context --- */

    function openContext(id) {
      var cut = id.lastIndexOf('#');
      if (cut <= 0) {
        return;
      }
      var doc = id.slice(0, cut);
      var n = id.slice(cut + 1);
      var url = base + 'api/documents/' + encodeURIComponent(doc) + '/paragraphs/' + encodeURIComponent(n) + '?context=3';
      clear(contextPanel);
      contextPanel.hidden = false;
      contextPanel.appendChild(el('p', { className: 'xq-status', text: TEXT.loading }));
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (answer) {
          if (!answer.ok) {
            showContextError(answer.body && answer.body.error ? answer.body.error.message : TEXT.network);
            return;
          }
          renderContext(answer.body, hitsById[id]);
        })
        .catch(function () { showContextError(TEXT.network); });
    }

    function closeButton() {
      var close = el('button', { type: 'button', className: 'xq-close', text: TEXT.close });
      close.addEventListener('click', closeContext);
      return close;
    }

    function showContextError(message) {
      clear(contextPanel);
      contextPanel.appendChild(el('div', { className: 'xq-context-head' }, closeButton()));
      contextPanel.appendChild(el('p', { className: 'xq-error', text: message }));
    }

    function renderContext(ctx, hit) {
      clear(contextPanel);
      var p = ctx.paragraph;
      var chapter = p.chapter && p.chapter.length ? p.chapter.join(' › ') : '';
      function para(view, central) {
        // Highlights are known for the paragraphs on this page of hits (the API's context view has none).
        var known = central && hit && hit.text === view.text ? hit : hitsById[view.id];
        var body = known && known.text === view.text ? highlighted(view.text, known.highlights) : view.text;
        return el('li', {
          className: 'xq-ctx-para' + (central ? ' xq-ctx-current' : '') + (view.kind === 'heading' ? ' xq-ctx-heading' : ''),
          'aria-current': central ? 'true' : null
        },
        el('span', { className: 'xq-ctx-num', text: '¶' + view.paragraph }), ' ', body);
      }
      contextPanel.appendChild(el('div', { className: 'xq-context-head' },
        el('h2', { id: ids + '-ctx-title', className: 'xq-context-title', text: ctx.year + ' · ' + ctx.title }),
        closeButton()));
      if (chapter) {
        contextPanel.appendChild(el('p', { className: 'xq-context-path', text: chapter }));
      }
      var list = el('ol', { className: 'xq-ctx-list' });
      ctx.before.forEach(function (v) { list.appendChild(para(v, false)); });
      list.appendChild(para(p, true));
      ctx.after.forEach(function (v) { list.appendChild(para(v, false)); });
      contextPanel.appendChild(list);
      contextPanel.appendChild(el('p', { className: 'xq-context-source', text: ctx.file + '：第 ' + p.firstLine + '–' + p.lastLine + ' 行' + (p.firstPage == null ? '' : '，' + pageLabel(p)) }));
      contextPanel.focus();
    }

    function closeContext() {
      contextPanel.hidden = true;
      clear(contextPanel);
      if (state.ctx) {
        state.ctx = '';
        writeUrl(false);
      }
    }

    /* --- searching --- */

    function showError(err) {
      clear(error);
      error.hidden = false;
      error.appendChild(el('p', { className: 'xq-error-message', text: err.message }));
      if (err.position && state.q) {
        // The query with a caret under the problem (position is 1-based).
        var caret = new Array(Math.max(0, err.position - 1) + 1).join(' ') + '^';
        error.appendChild(el('pre', { className: 'xq-error-query' }, state.q + '\n' + caret));
        error.appendChild(el('p', { className: 'xq-error-position', text: TEXT.errorAt + ' ' + err.position }));
      }
    }

    function resetResults() {
      clear(hits);
      clear(pager);
      chart.hidden = true;
      status.textContent = '';
      error.hidden = true;
      clear(error);
    }

    function run(replaceUrl) {
      input.value = state.q;
      writeUrl(replaceUrl);
      if (!state.q.trim()) {
        resetResults();
        renderFacets({});
        return;
      }
      if (inFlight) {
        inFlight.abort();
      }
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      inFlight = controller;
      var params = paramsFromState(state, false);
      params.set('limit', String(PAGE_SIZE));
      status.textContent = TEXT.loading;
      app.setAttribute('aria-busy', 'true');
      fetch(base + 'api/search?' + params.toString(), {
        headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined
      })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (answer) {
          if (inFlight !== controller) {
            return;
          }
          inFlight = null;
          app.removeAttribute('aria-busy');
          if (!answer.ok) {
            resetResults();
            showError(answer.body && answer.body.error ? answer.body.error : { message: TEXT.network });
            return;
          }
          render(answer.body);
        })
        .catch(function (e) {
          if (e && e.name === 'AbortError') {
            return;
          }
          inFlight = null;
          app.removeAttribute('aria-busy');
          resetResults();
          showError({ message: TEXT.network });
        });
    }

    function render(response) {
      lastResponse = response;
      error.hidden = true;
      var years = (response.facets.year || []).filter(function (y) { return y.occurrences > 0; }).length;
      status.textContent = TEXT.summary(response, years);
      renderFacets(response.facets);
      renderChart(response.facets.year);
      renderHits(response);
      renderPager(response);
      if (state.ctx) {
        openContext(state.ctx);
      } else if (!contextPanel.hidden) {
        contextPanel.hidden = true;
      }
      app.setAttribute('data-state', 'done');
    }

    /* --- events --- */

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      state.q = input.value.trim();
      state.offset = 0;
      state.ctx = '';
      run(false);
    });
    exampleLink.addEventListener('click', function (event) {
      event.preventDefault();
      state = emptyState();
      state.q = exampleLink.textContent;
      run(false);
    });
    clearButton.addEventListener('click', function () {
      state.years = [];
      state.topics = [];
      state.chapters = [];
      state.offset = 0;
      run(false);
    });
    app.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !contextPanel.hidden) {
        closeContext();
      }
    });
    window.addEventListener(embedded ? 'hashchange' : 'popstate', function () {
      var next = readUrl();
      if (urlFor(next, true) === urlFor(state, true)) {
        return;
      }
      state = next;
      contextPanel.hidden = true;
      run(true);
    });

    state = readUrl();
    if (state.q) {
      run(true);
    } else {
      renderFacets({});
    }
    if (!embedded) {
      input.focus();
    }
    return {
      search: function (q) { state = emptyState(); state.q = q; run(false); },
      get response() { return lastResponse; }
    };
  }

  window.XiqingSearch = { mount: mount };

  var mountSelector = ownScript && ownScript.getAttribute('data-mount');
  if (mountSelector) {
    var start = function () {
      var target = document.querySelector(mountSelector);
      if (target) {
        mount(target, {});
      }
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
    } else {
      start();
    }
  }
})();
