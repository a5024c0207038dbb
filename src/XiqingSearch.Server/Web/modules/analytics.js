/*
 * The page's views across years: 对比 (phrases year by year: an SVG line per phrase, the table beneath, each cell
 * opening the search for that phrase and year, a CSV download) and 新词 (terms new in a year and terms gone from
 * it, each opening its search), with the tabs that switch between them and the search. Loaded by index.html on
 * the standalone page; the search view is app.js's. The rules of dom.js hold; styles come from analytics.css.
 */

import { createApi } from './api.js';
import { clear, el, svg } from './dom.js';
import { TEXT } from './text.js';

const api = createApi(new URL('..', import.meta.url).href);
var COLORS = ['#b71c1c', '#1a56db', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#c2185b', '#455a64', '#9e9d24'];
var MULTI_YEAR = {
  'first-year': '五年规划（2021–2025）计入其首年 2021 年（默认）',
  own: '五年规划（2021–2025）单独作为一列',
  exclude: '不计五年规划（2021–2025）'
};

function searchUrl(q, year) {
  var params = new URLSearchParams();
  params.set('q', q);
  if (year) {
    params.append('year', String(year));
  }
  return location.pathname + '?' + params.toString();
}

function columnLabel(cell) {
  return cell.period ? cell.period : String(cell.year);
}

/* ---------- 对比 ---------- */

function compareView(params) {
  var phrases = params.getAll('p');
  var textarea = el('textarea', {
    className: 'xqa-phrases', id: 'xqa-phrases', rows: 5, 'aria-label': '对比的检索词，每行一个',
    placeholder: '每行一个检索词，如：\n天开西青园\n京津冀协同发展\n高质量发展'
  });
  textarea.value = phrases.join('\n');
  var mode = el('select', { className: 'xqa-select', id: 'xqa-mode', 'aria-label': '五年规划的计法' });
  Object.keys(MULTI_YEAR).forEach(function (key) {
    mode.appendChild(el('option', { value: key, text: MULTI_YEAR[key] }));
  });
  mode.value = MULTI_YEAR[params.get('multiYear')] ? params.get('multiYear') : 'first-year';
  var measure = el('select', { className: 'xqa-select', id: 'xqa-measure', 'aria-label': '图中的量' },
    el('option', { value: 'occurrences', text: '出现次数' }),
    el('option', { value: 'per10k', text: '每万字出现次数' }));
  var form = el('form', { className: 'xqa-form' },
    el('label', { 'for': 'xqa-phrases', className: 'xqa-label', text: '检索词（每行一个，可粘贴列表）' }),
    textarea,
    el('div', { className: 'xqa-controls' }, mode, measure,
      el('button', { type: 'submit', className: 'xq-button', text: '对比' })));
  var status = el('p', { className: 'xqa-status', role: 'status', 'aria-live': 'polite' });
  var output = el('div', { className: 'xqa-output' });
  var last = null;

  function draw() {
    clear(output);
    if (last) {
      output.appendChild(chart(last, measure.value));
      output.appendChild(table(last));
      output.appendChild(csvLink(last));
    }
  }

  function run(push) {
    var list = textarea.value.split(/\r?\n/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
    if (list.length === 0) {
      status.textContent = '请输入至少一个检索词。';
      return;
    }
    var page = new URLSearchParams();
    page.set('view', 'compare');
    list.forEach(function (p) { page.append('p', p); });
    page.set('multiYear', mode.value);
    if (push) {
      history.pushState(null, '', '?' + page.toString());
    }
    var query = new URLSearchParams();
    list.forEach(function (p) { query.append('q', p); });
    query.set('multiYear', mode.value);
    status.textContent = '正在对比…';
    api.compare(query).then(function (answer) {
      if (!answer.ok) {
        last = null;
        status.textContent = (answer.body && answer.body.error && answer.body.error.message) || '对比失败。';
        draw();
        return;
      }
      last = answer.body;
      status.textContent = '共 ' + last.rows.length + ' 个检索词；' + MULTI_YEAR[last.multiYear] + '。' +
        (last.unknownYearParagraphs ? TEXT.leftOut(last.unknownYearParagraphs) : '');
      draw();
    }).catch(function () { status.textContent = '无法连接检索服务。'; });
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); run(true); });
  measure.addEventListener('change', draw);
  if (phrases.length > 0) {
    run(false);
  }
  return el('section', { className: 'xqa-panel', 'aria-label': '对比' },
    el('h2', { className: 'xqa-heading', text: '对比：检索词逐年出现情况' }), form, status, output);
}

function chart(result, measure) {
  var columns = result.rows.length ? result.rows[0].cells.map(columnLabel) : [];
  var width = 640;
  var height = 240;
  var left = 48;
  var right = 16;
  var top = 16;
  var bottom = 32;
  var max = 0;
  result.rows.forEach(function (row) {
    row.cells.forEach(function (c) { max = Math.max(max, c[measure]); });
  });
  max = max || 1;
  var step = columns.length > 1 ? (width - left - right) / (columns.length - 1) : 0;
  function x(i) { return columns.length > 1 ? left + i * step : (left + width - right) / 2; }
  function y(v) { return top + (height - top - bottom) * (1 - v / max); }
  var title = measure === 'per10k' ? '每万字出现次数' : '出现次数';
  var root = svg('svg', {
    viewBox: '0 0 ' + width + ' ' + height, class: 'xqa-chart-svg', role: 'img',
    'aria-label': title + '，按年份：' + result.rows.map(function (r) { return r.phrase; }).join('、')
  });
  root.appendChild(svg('line', { x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: '#9aa1ab' }));
  root.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: y(0), stroke: '#9aa1ab' }));
  root.appendChild(svg('text', {
    x: left - 6, y: top + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6470', text: measure === 'per10k' ? max.toFixed(2) : String(max)
  }));
  root.appendChild(svg('text', { x: left - 6, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6470', text: '0' }));
  columns.forEach(function (label, i) {
    root.appendChild(svg('text', { x: x(i), y: height - 10, 'text-anchor': 'middle', 'font-size': 12, fill: '#1f2328', text: label }));
  });
  result.rows.forEach(function (row, r) {
    var color = COLORS[r % COLORS.length];
    var points = row.cells.map(function (c, i) { return x(i) + ',' + y(c[measure]); }).join(' ');
    if (row.cells.length > 1) {
      root.appendChild(svg('polyline', { points: points, fill: 'none', stroke: color, 'stroke-width': 2, 'class': 'xqa-series' }));
    }
    row.cells.forEach(function (c, i) {
      var dot = svg('circle', { cx: x(i), cy: y(c[measure]), r: 4, fill: color, 'class': 'xqa-point' });
      dot.appendChild(svg('title', { text: row.phrase + ' ' + columnLabel(c) + '：' + c.occurrences + ' 处，每万字 ' + c.per10k }));
      root.appendChild(dot);
    });
  });
  var legend = el('ul', { className: 'xqa-legend' });
  result.rows.forEach(function (row, r) {
    var swatch = svg('svg', { width: 14, height: 14, 'aria-hidden': 'true' });
    swatch.appendChild(svg('rect', { width: 14, height: 14, fill: COLORS[r % COLORS.length] }));
    legend.appendChild(el('li', { className: 'xqa-legend-item' }, swatch, ' ' + row.phrase));
  });
  return el('figure', { className: 'xqa-chart' },
    el('figcaption', { className: 'xqa-chart-title', text: title + '（' + MULTI_YEAR[result.multiYear] + '）' }), root, legend);
}

function table(result) {
  var head = el('tr', {}, el('th', { scope: 'col', text: '检索词' }));
  var columns = result.rows.length ? result.rows[0].cells : [];
  columns.forEach(function (c) { head.appendChild(el('th', { scope: 'col', text: columnLabel(c) })); });
  ['合计', '首次', '最近'].forEach(function (t) { head.appendChild(el('th', { scope: 'col', text: t })); });
  var body = el('tbody');
  result.rows.forEach(function (row) {
    var tr = el('tr', {}, el('th', { scope: 'row', text: row.phrase }));
    row.cells.forEach(function (c) {
      var td = el('td', { className: c.occurrences ? 'xqa-cell' : 'xqa-cell xqa-zero' });
      if (c.occurrences > 0) {
        td.appendChild(el('a', {
          href: searchUrl(row.phrase, c.year), className: 'xqa-cell-link',
          title: '检索 ' + row.phrase + '（' + columnLabel(c) + '）'
        }, String(c.occurrences)));
      } else {
        td.appendChild(document.createTextNode('0'));
      }
      td.appendChild(el('span', { className: 'xqa-sub', text: c.paragraphs + ' 段 · ' + c.documents + ' 篇 · 每万字 ' + c.per10k }));
      tr.appendChild(td);
    });
    tr.appendChild(el('td', { className: 'xqa-cell', text: String(row.total) }));
    tr.appendChild(el('td', { className: 'xqa-cell', text: row.firstYear ? String(row.firstYear) : '—' }));
    tr.appendChild(el('td', { className: 'xqa-cell', text: row.lastYear ? String(row.lastYear) : '—' }));
    body.appendChild(tr);
  });
  return el('div', { className: 'xqa-table-wrap' }, el('table', { className: 'xqa-table' }, el('thead', {}, head), body));
}

/** One RFC 4180 field, defused as the server's CSV is: a leading =, +, -, @, tab or CR gets an apostrophe so that
 * a spreadsheet shows the phrase as text and never runs it as a formula. */
function csvField(value) {
  var s = String(value === null || value === undefined ? '' : value);
  if (/^[=+\-@\t\r]/.test(s)) {
    s = "'" + s;
  }
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** The same columns as `xiqing compare --format csv`: one row per phrase × year, UTF-8 with BOM for Excel. */
function csvLink(result) {
  var lines = [['phrase', 'year', 'period', 'occurrences', 'paragraphs', 'documents', 'per10k', 'total', 'first_year', 'last_year'].join(',')];
  result.rows.forEach(function (row) {
    row.cells.forEach(function (c) {
      lines.push([row.phrase, c.year, c.period || '', c.occurrences, c.paragraphs, c.documents, c.per10k,
        row.total, row.firstYear || '', row.lastYear || ''].map(csvField).join(','));
    });
  });
  var blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  return el('p', {}, el('a', { href: URL.createObjectURL(blob), download: 'compare.csv', className: 'xqa-csv', text: '下载 CSV' }));
}

/* ---------- 新词 ---------- */

function newTermsView(params) {
  var year = el('select', { className: 'xqa-select', id: 'xqa-year', 'aria-label': '年份' });
  var status = el('p', { className: 'xqa-status', role: 'status', 'aria-live': 'polite' });
  var output = el('div', { className: 'xqa-output' });
  var form = el('form', { className: 'xqa-form' },
    el('label', { 'for': 'xqa-year', className: 'xqa-label', text: '年份' }),
    el('div', { className: 'xqa-controls' }, year, el('button', { type: 'submit', className: 'xq-button', text: '查看新词' })));

  function list(title, terms, describe, yearOf) {
    var ol = el('ol', { className: 'xqa-terms' });
    terms.forEach(function (t) {
      ol.appendChild(el('li', {},
        el('a', { href: searchUrl(t.term, yearOf(t)), className: 'xqa-term', text: t.term }),
        el('span', { className: 'xqa-sub', text: describe(t) })));
    });
    return el('section', { className: 'xqa-term-list' }, el('h3', { text: title }),
      terms.length ? ol : el('p', { className: 'xqa-sub', text: '无' }));
  }

  function run(push) {
    if (!year.value) {
      return;
    }
    if (push) {
      history.pushState(null, '', '?view=new-terms&year=' + encodeURIComponent(year.value));
    }
    status.textContent = '正在分析…';
    api.newTerms(year.value, 30).then(function (answer) {
      clear(output);
      if (!answer.ok) {
        status.textContent = (answer.body && answer.body.error && answer.body.error.message) || '分析失败。';
        return;
      }
      var r = answer.body;
      status.textContent = r.year + ' 年新出现的词（此前 ' + (r.earlierYears.join('、') || '无') + ' 年均未出现）；' + MULTI_YEAR[r.multiYear] + '。' +
        (r.unknownYearParagraphs ? TEXT.leftOut(r.unknownYearParagraphs) : '');
      output.appendChild(list(r.year + ' 年新出现', r.appeared,
        function (t) { return t.occurrences + ' 处 · ' + t.paragraphs + ' 段'; }, function () { return r.year; }));
      output.appendChild(list('自 ' + r.year + ' 年起不再出现', r.disappeared,
        function (t) { return '最后 ' + t.lastYear + ' 年 · ' + t.occurrences + ' 处'; }, function (t) { return t.lastYear; }));
    }).catch(function () { status.textContent = '无法连接检索服务。'; });
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); run(true); });
  api.facets().then(function (answer) {
    // New terms compare years: the unknown year is not one to pick.
    var years = ((answer.body && answer.body.year) || []).map(function (v) { return v.value; })
      .filter(function (y) { return y !== 'unknown'; }).sort().reverse();
    years.forEach(function (y) { year.appendChild(el('option', { value: y, text: y + ' 年' })); });
    var wanted = params.get('year');
    if (wanted && years.indexOf(wanted) >= 0) {
      year.value = wanted;
    }
    run(false);
  });
  return el('section', { className: 'xqa-panel', 'aria-label': '新词' },
    el('h2', { className: 'xqa-heading', text: '新词：某年新出现与不再出现的词' }), form, status, output);
}

/* ---------- the views' tabs ---------- */

function start() {
  var app = document.getElementById('xq-app');
  if (!app) {
    return;
  }
  var params = new URLSearchParams(location.search);
  var view = params.get('view');
  var nav = el('nav', { className: 'xqa-nav', 'aria-label': '视图' });
  [['', '检索'], ['compare', '对比'], ['new-terms', '新词']].forEach(function (v) {
    nav.appendChild(el('a', {
      href: v[0] ? '?view=' + v[0] : location.pathname, className: 'xqa-tab' + ((view || '') === v[0] ? ' xqa-tab-current' : ''),
      'aria-current': (view || '') === v[0] ? 'page' : null, text: v[1]
    }));
  });
  // Its own box (not .xq, which names the search UI); analytics.css gives it the page's colours and fonts.
  var box = el('div', { className: 'xqa' }, nav);
  app.parentNode.insertBefore(box, app);
  if (view === 'compare' || view === 'new-terms') {
    app.hidden = true;
    box.appendChild(view === 'compare' ? compareView(params) : newTermsView(params));
    // Back and forward between analytics states reload the view from its URL.
    window.addEventListener('popstate', function () { location.reload(); });
  }
}

// A module runs once the document is parsed: #xq-app is there.
start();
