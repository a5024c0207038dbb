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
    chart: '各年份出现次数（处）',
    chartHint: '点击柱条按年份筛选',
    facetUnit: '段',
    facetNote: '数字为段落数',
    doc: '文件',
    type: '文件类型',
    kind: '类型',
    kinds: { '': '全部', paragraph: '正文段落', heading: '标题', 'table-row': '表格行' },
    sort: '排序',
    sorts: { relevance: '相关度', year: '最新年份', oldest: '最早年份', document: '文件顺序' },
    exportCsv: '导出全部匹配（CSV）',
    wholeDocument: '查看全文',
    prevHit: '上一处',
    nextHit: '下一处',
    docSummary: function (d) {
      return d.query ? '“' + d.query + '”在本文中 ' + d.totalOccurrences + ' 处，' + d.hitParagraphs.length + ' 段' : d.paragraphs.length + ' 段';
    },
    hitPosition: function (i, n) { return '第 ' + i + ' / ' + n + ' 段'; },
    filtersToggle: '筛选条件',
    types: { 'annual-plan': '年度计划', 'work-report': '政府工作报告', 'five-year-plan': '五年规划' },
    lastPage: '末页',
    firstPage: '首页',
    pagerTotal: function (current, pages) { return '第 ' + current + ' / ' + pages + ' 页'; },
    pastEnd: function (total) { return '已超过最后一条结果（共 ' + total + ' 段）。'; },
    filterOnly: function (r) { return '共 ' + r.totalHits + ' 段'; },
    cors: function (origin, base) {
      return '检索服务（' + base + '）拒绝了本页面所在网址 ' + origin + ' 的请求（跨域访问未允许）。' +
        '请服务管理员将 ' + origin + ' 加入允许的来源：启动时加 --cors-origin ' + origin +
        '，或设置 Xiqing:Cors:Origins / 环境变量 XIQING_CORS__ORIGINS。';
    },
    loading: '正在检索…',
    noHits: '没有找到匹配的段落。',
    context: '查看上下文',
    close: '关闭',
    prev: '上一页',
    next: '下一页',
    pager: '分页',
    errorAt: '位置',
    network: '无法连接检索服务。',
    // Counts of what is shown: the hits after every filter (paragraphs), their occurrences, and the years and
    // documents they are in.
    summary: function (r, years, docs) {
      return '共 ' + r.totalHits + ' 个段落，' + r.totalOccurrences + ' 处匹配，分布于 ' + docs + ' 个文件、' +
        years + ' 个年份（用时 ' + r.tookMs.toFixed(1) + ' 毫秒）';
    },
    page: function (n) { return '第 ' + n + ' 页'; },
    yearSuffix: '年',
    occurrences: function (n) { return n + ' 处'; },
    hitOccurrences: function (n) { return '本段 ' + n + ' 处'; },
    paragraphs: function (n) { return n + ' 段'; }
  };

  /*
   * Query and parameter errors in Chinese, from the error's code and arguments (the server's English message is
   * the fallback for codes this table does not know).
   */
  var FEATURES = { wildcard: '通配符', regexp: '正则表达式', prefix: '末尾的 *', fuzzy: '模糊匹配（~）' };
  var ERRORS = {
    'query.unclosed-quote': function () { return '这个引号没有闭合：请在短语后补上 "。'; },
    'query.unbalanced-parenthesis': function (a) {
      return a.reason === 'close-without-open' ? '这个“)”前面没有对应的“(”。' : '这个“(”没有闭合：请在分组后补上“)”。';
    },
    'query.empty': function (a) {
      return a.reason === 'nothing-to-find' ? '检索式中没有可检索的内容（只有运算符或停用字符）。' : '检索词为空：请输入短语，如 天开西青园。';
    },
    'query.too-long': function (a) { return '检索式有 ' + a.length + ' 个字符，最多允许 ' + a.max + ' 个。'; },
    'query.unknown-field': function (a) {
      return '没有“' + a.field + '”这个字段。可用字段：' + a.fields + '。如要检索含冒号的文字，请给短语加引号。';
    },
    'query.bad-range': function (a) {
      return a.reason === 'range-field' ? '范围只能用于年份（如 year:[2021 TO 2023]），不能用于 ' + a.field + '。'
        : '年份应为四位数字（如 year:2024 或 year:[2021 TO 2023]），而不是“' + a.value + '”。';
    },
    'query.syntax': function (a) {
      switch (a.reason) {
        case 'ends-early': return '检索式不完整：最后一个运算符后面缺少内容。';
        case 'cannot-stand-here':
          return '“' + a.token + '”不能出现在这里。' + (/^(AND|OR|NOT|&&|\|\|)$/.test(a.token)
            ? '运算符两侧都需要短语；如要检索这个词本身，请加引号。' : a.token === ':' ? '冒号前应是字段名（如 year:2024）。' : '');
        case 'only-exclusions': return '检索式至少需要一个要查找的短语；NOT 和 - 只能排除（如 西青 -天开）。';
        case 'proximity': return '不支持邻近检索（"…"~N）：带引号的短语总是精确匹配（忽略空白）。';
        case 'bad-kind': return 'kind 只能是 paragraph、heading 或 table-row，而不是“' + a.value + '”。';
        case 'unsupported': return (a.field === 'text' ? '正文' : a.field) + '不支持' + (FEATURES[a.feature] || a.feature) + '；短语本来就会匹配文中任意位置。';
        case 'unreadable': return '检索式在这里有无法识别的字符。';
        default: return '检索式在这里有误。';
      }
    }
  };

  function errorMessage(err) {
    var make = err && err.code && ERRORS[err.code];
    return make ? make(err.arguments || {}) : (err && err.message) || '';
  }

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
    return { q: '', years: [], types: [], topics: [], chapters: [], docs: [], kinds: [], sort: '', offset: 0, ctx: '', view: '' };
  }

  function stateFromParams(params) {
    var state = emptyState();
    state.q = params.get('q') || '';
    state.years = params.getAll('year');
    state.topics = params.getAll('topic');
    state.chapters = params.getAll('chapter');
    state.docs = params.getAll('doc');
    state.types = params.getAll('type');
    state.kinds = params.getAll('kind');
    state.sort = params.get('sort') || '';
    state.view = params.get('view') || '';
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
    state.docs.forEach(function (v) { params.append('doc', v); });
    state.types.forEach(function (v) { params.append('type', v); });
    state.kinds.forEach(function (v) { params.append('kind', v); });
    if (state.sort && state.sort !== 'relevance') {
      params.set('sort', state.sort);
    }
    if (state.offset > 0) {
      params.set('offset', String(state.offset));
    }
    if (withView && state.ctx) {
      params.set('ctx', state.ctx);
    }
    if (withView && state.view) {
      params.set('view', state.view);
    }
    return params;
  }

  /* ---------- the UI ---------- */

  /* Suggestions and hints live in assist.js beside this file; the page works without it. */
  function loadAssist(base, ready) {
    if (window.XiqingAssist) {
      ready(window.XiqingAssist);
      return;
    }
    var script = document.createElement('script');
    script.src = base + 'assist.js';
    script.onload = function () {
      if (window.XiqingAssist) {
        ready(window.XiqingAssist);
      }
    };
    document.head.appendChild(script);
  }

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
      type: facetBox(TEXT.type, 'type'),
      doc: facetBox(TEXT.doc, 'doc'),
      topic: facetBox(TEXT.topic, 'topic'),
      chapter: facetBox(TEXT.chapter, 'chapter')
    };
    var clearButton = el('button', { type: 'button', className: 'xq-clear', text: TEXT.clear, hidden: true });
    // On a narrow screen the filters fold behind this toggle so the hits start near the top.
    var filtersToggle = el('button', {
      type: 'button', className: 'xq-filters-toggle', text: TEXT.filtersToggle, 'aria-expanded': 'false'
    });
    var facetNote = el('p', { className: 'xq-facet-note', text: TEXT.facetNote });
    var facets = el('aside', { className: 'xq-facets', 'aria-label': TEXT.filters },
      filtersToggle,
      el('div', { className: 'xq-facet-boxes' },
        facetNote,
        facetBoxes.year.node, facetBoxes.type.node, facetBoxes.doc.node, facetBoxes.topic.node, facetBoxes.chapter.node, clearButton));
    var sortSelect = el('select', { className: 'xq-sort', 'aria-label': TEXT.sort });
    Object.keys(TEXT.sorts).forEach(function (key) {
      sortSelect.appendChild(el('option', { value: key, text: TEXT.sorts[key] }));
    });
    var kindSelect = el('select', { className: 'xq-kind', 'aria-label': TEXT.kind });
    Object.keys(TEXT.kinds).forEach(function (key) {
      kindSelect.appendChild(el('option', { value: key, text: TEXT.kinds[key] }));
    });
    var exportLink = el('a', { className: 'xq-export', href: '#', download: 'xiqing-search.csv', text: TEXT.exportCsv });
    var controls = el('div', { className: 'xq-controls', hidden: true },
      el('label', { className: 'xq-control' }, TEXT.sort + ' ', sortSelect),
      el('label', { className: 'xq-control' }, TEXT.kind + ' ', kindSelect),
      exportLink);
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
        el('section', { className: 'xq-results', 'aria-label': '检索结果' }, controls, chart, hits, pager)),
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
    var docsInfo = {};

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

    /*
     * The API's parameters: the URL's, with the document types turned into the documents of those types (the
     * API filters by document; the page knows each document's type from /api/documents).
     */
    function apiParams() {
      var params = paramsFromState(state, false);
      params.delete('type');
      if (state.types.length) {
        var docs = Object.keys(docsInfo).filter(function (d) {
          return state.types.indexOf(docsInfo[d].type) >= 0 && (state.docs.length === 0 || state.docs.indexOf(d) >= 0);
        });
        params.delete('doc');
        (docs.length ? docs : ['-']).forEach(function (d) { params.append('doc', d); });
      }
      return params;
    }

    /* --- facets --- */

    function facetBox(title, name) {
      var list = el('ul', { className: 'xq-facet-list' });
      var node = el('fieldset', { className: 'xq-facet', 'data-facet': name },
        el('legend', { className: 'xq-facet-title', text: title }), list);
      return { node: node, list: list };
    }

    function selectedList(name) {
      return name === 'year' ? state.years : name === 'topic' ? state.topics : name === 'doc' ? state.docs
        : name === 'type' ? state.types : state.chapters;
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
        state.view = '';
        run(false);
      });
      return el('li', { className: 'xq-facet-item' + (extraClass ? ' ' + extraClass : '') },
        el('label', { className: 'xq-facet-label' },
          box,
          el('span', { className: 'xq-facet-value', text: label }),
          el('span', { className: 'xq-count', text: String(count), title: count + ' ' + TEXT.facetUnit })));
    }

    function renderFacets(f) {
      clear(facetBoxes.year.list);
      clear(facetBoxes.doc.list);
      clear(facetBoxes.type.list);
      // Document type, from the document facet and each document's type: a type is the documents of that type.
      var byType = {};
      (f.doc || []).forEach(function (v) {
        var info = docsInfo[v.value];
        if (info) {
          byType[info.type] = (byType[info.type] || 0) + v.count;
        }
      });
      Object.keys(TEXT.types).forEach(function (type) {
        if (byType[type]) {
          facetBoxes.type.list.appendChild(facetItem('type', type, TEXT.types[type], byType[type]));
        }
      });
      clear(facetBoxes.topic.list);
      clear(facetBoxes.chapter.list);
      (f.year || []).forEach(function (v) {
        facetBoxes.year.list.appendChild(facetItem('year', v.value, v.value + TEXT.yearSuffix, v.count));
      });
      (f.doc || []).forEach(function (v) {
        var info = docsInfo[v.value];
        // A plan for several years says so (2021–2025) rather than standing under its first year alone.
        var label = (info ? (info.period || info.year) + ' ' : '') + (v.label || v.value);
        facetBoxes.doc.list.appendChild(facetItem('doc', v.value, label, v.count));
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
      ['year', 'type', 'doc', 'topic', 'chapter'].forEach(function (name) {
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
      var anyFacet = false;
      ['year', 'type', 'doc', 'topic', 'chapter'].forEach(function (name) {
        facetBoxes[name].node.hidden = facetBoxes[name].list.children.length === 0;
        anyFacet = anyFacet || !facetBoxes[name].node.hidden;
      });
      facetNote.hidden = !anyFacet;
      filtersToggle.hidden = !anyFacet;
      clearButton.hidden = state.years.length + state.topics.length + state.chapters.length + state.docs.length + state.types.length +
        state.kinds.length === 0;
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
        var bar = svg('rect', {
          x: x, y: y, width: barWidth, height: h, rx: 3,
          'class': 'xq-bar' + (selected ? ' xq-bar-selected' : ''), 'data-year': d.value
        });
        // A transparent column over the whole plot height, so a short bar is as easy to click as a tall one.
        var target = svg('rect', {
          x: x - gap / 2, y: 0, width: barWidth + gap, height: height, 'class': 'xq-bar-target',
          'data-year': d.value, role: 'button', tabindex: '0',
          'aria-label': TEXT.year + ' ' + d.value + '：' + TEXT.occurrences(d.occurrences) + '，' + TEXT.chartHint
        });
        target.appendChild(svg('title', { text: d.value + TEXT.yearSuffix + ' ' + TEXT.occurrences(d.occurrences) + '（' + TEXT.chartHint + '）' }));
        var toggle = toggleYear.bind(null, d.value);
        target.addEventListener('click', toggle);
        target.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            toggle();
          }
        });
        picture.appendChild(bar);
        picture.appendChild(svg('text', {
          x: x + barWidth / 2, y: y - 4, 'text-anchor': 'middle', 'class': 'xq-bar-count', text: String(d.occurrences)
        }));
        picture.appendChild(svg('text', {
          x: x + barWidth / 2, y: 18 + plotHeight + 18, 'text-anchor': 'middle', 'class': 'xq-bar-label', text: d.value
        }));
        picture.appendChild(target);
      });
      chart.appendChild(el('figcaption', { className: 'xq-chart-title', text: TEXT.chart }));
      chart.appendChild(picture);
    }

    function toggleYear(year) {
      var i = state.years.indexOf(year);
      if (i >= 0) {
        state.years.splice(i, 1);
      } else {
        state.years.push(year);
      }
      state.offset = 0;
      state.ctx = '';
      state.view = '';
      run(false);
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
          state.view = '';
          writeUrl(false);
          openContext(hit.id);
        });
        var whole = el('a', {
          className: 'xq-open-doc', href: urlFor(withView(hit.id), true), text: TEXT.wholeDocument, 'data-id': hit.id
        });
        whole.addEventListener('click', function (event) {
          event.preventDefault();
          state.view = hit.id;
          state.ctx = '';
          writeUrl(false);
          openDocument(hit.id);
        });
        var count = (hit.highlights || []).length;
        hits.appendChild(el('li', { className: 'xq-hit', 'data-id': hit.id },
          el('p', { className: 'xq-meta' },
            el('span', { className: 'xq-year', text: String(hit.year) }),
            docsInfo[hit.doc] && docsInfo[hit.doc].period
              ? el('span', { className: 'xq-period', text: '（' + docsInfo[hit.doc].period + '）' }) : null,
            ' · ',
            el('span', { className: 'xq-doc-title', text: hit.title }), ' · ',
            el('span', { className: 'xq-chapter', text: chapter }), ' · ',
            el('span', { className: 'xq-topic', text: hit.topic }),
            hit.firstPage == null ? '' : ' · ',
            hit.firstPage == null ? '' : el('span', { className: 'xq-page', text: pageLabel(hit) })),
          el('p', { className: 'xq-text' }, highlighted(hit.text, hit.highlights)),
          el('p', { className: 'xq-actions' },
            count > 0 ? el('span', { className: 'xq-hit-count', text: TEXT.hitOccurrences(count) }) : null,
            link, whole)));
      });
      if (response.hits.length === 0) {
        hits.appendChild(el('li', {
          className: 'xq-empty',
          text: response.totalHits > 0 && response.offset >= response.totalHits ? TEXT.pastEnd(response.totalHits) : TEXT.noHits
        }));
      }
    }

    function withCtx(id) {
      var copy = JSON.parse(JSON.stringify(state));
      copy.ctx = id;
      copy.view = '';
      return copy;
    }

    function withView(id) {
      var copy = JSON.parse(JSON.stringify(state));
      copy.view = id;
      copy.ctx = '';
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
          state.view = '';
          state.view = '';
          run(false);
          app.scrollIntoView({ block: 'start' });
        });
        return b;
      }
      pager.appendChild(button(TEXT.firstPage, 1, current === 1, false));
      pager.appendChild(button(TEXT.prev, current - 1, current === 1, false));
      var from = Math.max(1, Math.min(current - 3, pages - 6));
      var to = Math.min(pages, from + 6);
      for (var p = from; p <= to; p++) {
        pager.appendChild(button(p, p, false, p === current));
      }
      pager.appendChild(button(TEXT.next, current + 1, current === pages, false));
      pager.appendChild(button(TEXT.lastPage, pages, current === pages, false));
      pager.appendChild(el('span', { className: 'xq-page-total', text: TEXT.pagerTotal(current, pages) }));
    }

    /* --- paragraph in context --- */

    function openContext(id) {
      contextPanel.classList.remove('xq-document');
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
      // Open at the hit, not at the first neighbour.
      var current = list.querySelector('.xq-ctx-current');
      if (current && current.scrollIntoView) {
        current.scrollIntoView({ block: 'center' });
      }
    }

    function closeContext() {
      contextPanel.hidden = true;
      clear(contextPanel);
      if (state.ctx || state.view) {
        state.ctx = '';
        state.view = '';
        writeUrl(false);
      }
    }

    /* --- the whole document, opened at a hit, with next/previous occurrence --- */

    function openDocument(id) {
      var cut = id.lastIndexOf('#');
      var doc = cut > 0 ? id.slice(0, cut) : id;
      var at = cut > 0 ? parseInt(id.slice(cut + 1), 10) : 0;
      var url = base + 'api/documents/' + encodeURIComponent(doc) + '?q=' + encodeURIComponent(state.q);
      clear(contextPanel);
      contextPanel.hidden = false;
      contextPanel.appendChild(el('p', { className: 'xq-status', text: TEXT.loading }));
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (answer) {
          if (!answer.ok) {
            showContextError(answer.body && answer.body.error ? errorMessage(answer.body.error) : TEXT.network);
            return;
          }
          renderDocument(answer.body, at);
        })
        .catch(function () { showContextError(TEXT.network); });
    }

    function renderDocument(d, at) {
      clear(contextPanel);
      contextPanel.classList.add('xq-document');
      var hitsInDoc = d.hitParagraphs || [];
      var position = el('span', { className: 'xq-doc-position' });
      var prev = el('button', { type: 'button', className: 'xq-doc-prev', text: TEXT.prevHit });
      var next = el('button', { type: 'button', className: 'xq-doc-next', text: TEXT.nextHit });
      var list = el('ol', { className: 'xq-ctx-list xq-doc-list' });
      var items = {};
      d.paragraphs.forEach(function (p) {
        var item = el('li', {
          className: 'xq-ctx-para' + (p.kind === 'heading' ? ' xq-ctx-heading' : '') + (p.highlights.length ? ' xq-doc-hit' : ''),
          'data-paragraph': p.paragraph, id: ids + '-p' + p.paragraph
        }, el('span', { className: 'xq-ctx-num', text: '¶' + p.paragraph }), ' ', highlighted(p.text, p.highlights));
        items[p.paragraph] = item;
        list.appendChild(item);
      });
      var index = hitsInDoc.indexOf(at);
      if (index < 0) {
        index = hitsInDoc.length ? 0 : -1;
        for (var i = 0; i < hitsInDoc.length; i++) {
          if (hitsInDoc[i] >= at) {
            index = i;
            break;
          }
        }
      }
      function go(i) {
        var current = list.querySelector('.xq-ctx-current');
        if (current) {
          current.classList.remove('xq-ctx-current');
          current.removeAttribute('aria-current');
        }
        index = i;
        var n = index >= 0 ? hitsInDoc[index] : at;
        var item = items[n];
        if (item) {
          item.classList.add('xq-ctx-current');
          item.setAttribute('aria-current', 'true');
          if (item.scrollIntoView) {
            item.scrollIntoView({ block: 'center' });
          }
        }
        prev.disabled = index <= 0;
        next.disabled = index < 0 || index >= hitsInDoc.length - 1;
        position.textContent = index >= 0 ? TEXT.hitPosition(index + 1, hitsInDoc.length) : '';
      }
      prev.addEventListener('click', function () { go(index - 1); });
      next.addEventListener('click', function () { go(index + 1); });
      // Title and navigation stay at the top of the panel while the document scrolls under them.
      contextPanel.appendChild(el('div', { className: 'xq-doc-top' },
        el('div', { className: 'xq-context-head' },
          el('h2', { id: ids + '-ctx-title', className: 'xq-context-title', text: (d.period || d.year) + ' · ' + d.title }),
          closeButton()),
        el('div', { className: 'xq-doc-nav' },
          el('span', { className: 'xq-doc-summary', text: (TEXT.types[d.type] || d.type) + ' · ' + TEXT.docSummary(d) }), prev, position, next)));
      contextPanel.appendChild(list);
      contextPanel.focus();
      go(index);
    }

    /* --- searching --- */

    function showError(err) {
      clear(error);
      error.hidden = false;
      error.appendChild(el('p', { className: 'xq-error-message', text: errorMessage(err) }));
      if (err.position && state.q) {
        // The query with a caret under the problem (position is 1-based, in UTF-16 units). The caret line starts
        // with the same text as the query, made invisible, so the caret sits under the right character whatever
        // widths the font gives Chinese and Latin characters.
        var offset = Math.min(err.position - 1, state.q.length);
        error.appendChild(el('div', { className: 'xq-error-query' },
          el('div', { className: 'xq-error-line' }, state.q),
          el('div', { className: 'xq-error-caret-line', 'aria-hidden': 'true' },
            el('span', { className: 'xq-error-pad' }, state.q.slice(0, offset)),
            el('span', { className: 'xq-error-caret', text: '^' }))));
        error.appendChild(el('p', { className: 'xq-error-position', text: TEXT.errorAt + ' ' + err.position }));
      }
    }

    /*
     * A failed fetch does not say why. When the page is embedded in another origin, ask the service in no-cors
     * mode: if it answers at all, it is reachable and the failure was the CORS check, which only its settings fix.
     */
    function explainFailure() {
      var origin = location.origin;
      var serviceOrigin = new URL(base, location.href).origin;
      if (serviceOrigin === origin) {
        return Promise.resolve({ message: TEXT.network });
      }
      return fetch(base + 'healthz', { mode: 'no-cors' })
        .then(function () { return { message: TEXT.cors(origin, serviceOrigin), code: 'client.cors' }; })
        .catch(function () { return { message: TEXT.network }; });
    }

    function resetResults() {
      if (assist) {
        assist.render(null);
      }
      clear(hits);
      clear(pager);
      chart.hidden = true;
      controls.hidden = true;
      renderFacets({});
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
      var params = apiParams();
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
          explainFailure().then(function (err) {
            if (!inFlight) {
              showError(err);
            }
          });
        });
    }

    /* Values of a facet that the shown hits have: facet counts ignore the facet's own filter, the hits do not. */
    function shownValues(values, selected) {
      return (values || []).filter(function (v) {
        return v.count > 0 && (selected.length === 0 || selected.indexOf(v.value) >= 0);
      }).length;
    }

    function render(response) {
      lastResponse = response;
      error.hidden = true;
      var years = shownValues(response.facets.year, state.years);
      var docs = shownValues(response.facets.doc, state.types.length ? apiParams().getAll('doc') : state.docs);
      status.textContent = TEXT.summary(response, years, docs);
      if (!embedded) {
        document.title = state.q + ' - ' + TEXT.title;
      }
      renderControls(response);
      renderFacets(response.facets);
      renderChart(response.facets.year);
      renderHits(response);
      renderPager(response);
      if (assist) {
        assist.render(response);
      }
      if (state.view) {
        openDocument(state.view);
      } else if (state.ctx) {
        openContext(state.ctx);
      } else if (!contextPanel.hidden) {
        contextPanel.hidden = true;
      }
      app.setAttribute('data-state', 'done');
    }

    function renderControls(response) {
      controls.hidden = false;
      sortSelect.value = state.sort || 'relevance';
      kindSelect.value = state.kinds.length === 1 ? state.kinds[0] : '';
      var params = apiParams();
      params.delete('offset');
      params.set('format', 'csv');
      exportLink.href = base + 'api/search?' + params.toString();
      exportLink.hidden = response.totalHits === 0;
    }

    /* --- events --- */

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      state.q = input.value.trim();
      state.offset = 0;
      state.ctx = '';
      state.view = '';
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
      state.types = [];
      state.topics = [];
      state.chapters = [];
      state.docs = [];
      state.kinds = [];
      state.offset = 0;
      run(false);
    });
    sortSelect.addEventListener('change', function () {
      state.sort = sortSelect.value === 'relevance' ? '' : sortSelect.value;
      state.ctx = '';
      state.view = '';
      state.offset = 0;
      run(false);
    });
    kindSelect.addEventListener('change', function () {
      state.kinds = kindSelect.value ? [kindSelect.value] : [];
      state.ctx = '';
      state.view = '';
      state.offset = 0;
      run(false);
    });
    filtersToggle.addEventListener('click', function () {
      var open = !facets.classList.contains('xq-facets-open');
      facets.classList.toggle('xq-facets-open', open);
      filtersToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
    app.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !contextPanel.hidden) {
        closeContext();
      }
    });
    // '/' focuses the search box, as on most search sites, unless the reader is typing somewhere.
    (embedded ? root : document).addEventListener('keydown', function (event) {
      var target = event.composedPath ? event.composedPath()[0] : event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || ''));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
        input.select();
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

    var assist = null;
    loadAssist(base, function (a) {
      assist = a.attach({
        base: base, input: input, form: form, anchor: status,
        search: function (q) { state.q = q; state.offset = 0; state.ctx = ''; run(false); }
      });
      if (lastResponse) {
        assist.render(lastResponse);
      }
    });

    state = readUrl();
    // Each document's type and period first (for the type filter and the five-year plan's 2021–2025); a page
    // that cannot get them still searches.
    fetch(base + 'api/documents', { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (documents) {
        (documents || []).forEach(function (d) { docsInfo[d.doc] = d; });
        if (state.q) {
          run(true);
        } else {
          renderFacets({});
        }
      });
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
