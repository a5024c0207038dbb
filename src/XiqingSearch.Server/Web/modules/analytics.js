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

/*
 * The measure shown: occurrences per 10,000 characters by default, since a year's documents differ in length (a
 * five-year plan is several annual plans long); the raw counts are one click away (`measure=occurrences`).
 */
var MEASURES = { per10k: '每万字出现次数', occurrences: '出现次数（原始）' };

function formatValue(value, measure) {
  return measure === 'per10k' ? Number(value).toFixed(2) : String(value);
}

/** Where the multi-year plans are counted, in words naming them: "《…》（2021–2025）全文计入 2021 年". */
function multiYearNote(result, plans) {
  var names = plans.length
    ? plans.map(function (d) { return '《' + d.title + '》（' + d.period + '）'; }).join('、')
    : '多年规划';
  if (result.multiYear === 'own') {
    return names + '单独作为一列，不计入任何年份。';
  }
  if (result.multiYear === 'exclude') {
    return '不计' + names + '。';
  }
  var years = plans.map(function (d) { return d.year; }).filter(function (y, i, a) { return y != null && a.indexOf(y) === i; });
  return names + '全文计入其首年' + (years.length ? ' ' + years.join('、') + ' 年' : '') + '一列（默认）；“五年规划的计法”可改为单独一列或不计。';
}

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
  var current = params.get('measure') === 'occurrences' ? 'occurrences' : 'per10k';
  // Two radio buttons, not a select: the other measure is one click away.
  var measure = el('fieldset', { className: 'xqa-measure' }, el('legend', { className: 'xq-visually-hidden', text: '图表中的量' }));
  Object.keys(MEASURES).forEach(function (key) {
    var radio = el('input', { type: 'radio', name: 'xqa-measure', value: key, checked: key === current });
    measure.appendChild(el('label', { className: 'xqa-measure-option', 'data-measure': key }, radio, ' ' + MEASURES[key]));
  });
  var form = el('form', { className: 'xqa-form' },
    el('label', { 'for': 'xqa-phrases', className: 'xqa-label', text: '检索词（每行一个，可粘贴列表）' }),
    textarea,
    el('div', { className: 'xqa-controls' }, mode,
      el('button', { type: 'submit', className: 'xq-button', text: '对比' })));
  var status = el('p', { className: 'xqa-status', role: 'status', 'aria-live': 'polite' });
  var output = el('div', { className: 'xqa-output' });
  var last = null;
  var plans = [];
  api.documents().then(function (answer) {
    plans = (answer.ok && Array.isArray(answer.body) ? answer.body : []).filter(function (d) { return d.period; });
    draw();
  }).catch(function () { /* the note then says 多年规划 without naming them */ });

  function draw() {
    clear(output);
    if (last) {
      var note = el('p', { className: 'xqa-multiyear-note', text: '※ ' + multiYearNote(last, plans) });
      output.appendChild(measure);
      drawnWidth = output.clientWidth;
      output.appendChild(chart(last, current, drawnWidth));
      output.appendChild(note);
      output.appendChild(table(last, current, plans));
      output.appendChild(csvLink(last));
    }
  }

  function pageParams(list) {
    var page = new URLSearchParams();
    page.set('view', 'compare');
    list.forEach(function (p) { page.append('p', p); });
    page.set('multiYear', mode.value);
    if (current !== 'per10k') {
      page.set('measure', current);
    }
    return page;
  }

  function phraseList() {
    return textarea.value.split(/\r?\n/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }

  function run(push) {
    var list = phraseList();
    if (list.length === 0) {
      status.textContent = '请输入至少一个检索词。';
      return;
    }
    if (push) {
      history.pushState(null, '', '?' + pageParams(list).toString());
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
  measure.addEventListener('change', function (event) {
    current = event.target.value === 'occurrences' ? 'occurrences' : 'per10k';
    history.replaceState(null, '', '?' + pageParams(phraseList()).toString());
    draw();
  });
  // The chart is drawn at the width it is shown at (its labels keep their size on a phone): redrawn when that
  // width changes (a window resized, a scroll bar that appeared once the table was there).
  var drawnWidth = 0;
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      if (last && Math.abs(output.clientWidth - drawnWidth) > 1) {
        draw();
      }
    }).observe(output);
  }
  if (phrases.length > 0) {
    run(false);
  }
  return el('section', { className: 'xqa-panel', 'aria-label': '对比' },
    el('h2', { className: 'xqa-heading', text: '对比：检索词逐年出现情况' }), form, status, output);
}

/*
 * One line per phrase across the years. The x axis runs over every calendar year from the first to the last
 * column, so a year without documents (2022) has its place, labelled 无文件, and no line crosses it; a period's own
 * column (multiYear=own) stands apart at the right, unconnected. The SVG's viewBox is the width it is shown at,
 * so its font sizes are CSS pixels at any screen width.
 */
function chart(result, measure, available) {
  var cells = result.rows.length ? result.rows[0].cells : [];
  var yearCells = cells.filter(function (c) { return !c.period; });
  var periodCells = cells.filter(function (c) { return c.period; });
  var first = yearCells.length ? yearCells[0].year : 0;
  var lastYear = yearCells.length ? yearCells[yearCells.length - 1].year : -1;
  var slots = [];
  for (var yr = first; yr <= lastYear; yr++) {
    slots.push({ year: yr, present: yearCells.some(function (c) { return c.year === yr; }) });
  }
  periodCells.forEach(function (c) { slots.push({ period: c.period, year: c.year, present: true }); });
  var width = Math.max(300, Math.min(720, Math.floor(available || 640)));
  var narrow = width < 480;
  var height = narrow ? 220 : 240;
  var left = 44;
  // A period's label (2021–2025) is wider than a year's: room for its half at the right edge.
  var right = periodCells.length ? (narrow ? 34 : 40) : 16;
  var top = 16;
  var bottom = 40;
  var max = 0;
  result.rows.forEach(function (row) {
    row.cells.forEach(function (c) { max = Math.max(max, c[measure]); });
  });
  max = max || 1;
  var step = slots.length > 1 ? (width - left - right) / (slots.length - 1) : 0;
  function x(i) { return slots.length > 1 ? left + i * step : (left + width - right) / 2; }
  function y(v) { return top + (height - top - bottom) * (1 - v / max); }
  function slotOf(c) {
    return slots.findIndex(function (s) { return c.period ? s.period === c.period : !s.period && s.year === c.year; });
  }
  var title = MEASURES[measure];
  var root = svg('svg', {
    viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, class: 'xqa-chart-svg', role: 'img',
    'data-measure': measure,
    'aria-label': title + '，按年份：' + result.rows.map(function (r) { return r.phrase; }).join('、')
  });
  root.appendChild(svg('line', { x1: left, y1: y(0), x2: width - right, y2: y(0), stroke: '#9aa1ab' }));
  root.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: y(0), stroke: '#9aa1ab' }));
  root.appendChild(svg('text', {
    x: left - 6, y: top + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#5b6470', class: 'xqa-axis', text: formatValue(max, measure)
  }));
  root.appendChild(svg('text', { x: left - 6, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#5b6470', class: 'xqa-axis', text: '0' }));
  slots.forEach(function (slot, i) {
    var label = slot.period ? slot.period : String(slot.year);
    if (!slot.present) {
      // A year without documents: a gap, said in words.
      root.appendChild(svg('rect', { x: x(i) - 10, y: top, width: 20, height: y(0) - top, fill: '#f1f2f4', class: 'xqa-gap', 'data-year': slot.year }));
      root.appendChild(svg('text', { x: x(i), y: height - 8, 'text-anchor': 'middle', 'font-size': 11, fill: '#8a919b', class: 'xqa-axis', text: '无文件' }));
    }
    root.appendChild(svg('text', {
      x: x(i), y: height - 22, 'text-anchor': 'middle', 'font-size': narrow && slot.period ? 11 : 12,
      fill: slot.present ? '#1f2328' : '#8a919b', class: 'xqa-axis' + (slot.present ? '' : ' xqa-missing-year'), text: label
    }));
  });
  result.rows.forEach(function (row, r) {
    var color = COLORS[r % COLORS.length];
    // Lines join consecutive calendar years only: a missing year breaks the line.
    var run = [];
    function flush() {
      if (run.length > 1) {
        root.appendChild(svg('polyline', {
          points: run.map(function (c) { return x(slotOf(c)) + ',' + y(c[measure]); }).join(' '),
          fill: 'none', stroke: color, 'stroke-width': 2, 'class': 'xqa-series',
          'data-years': run.map(function (c) { return c.year; }).join(' ')
        }));
      }
      run = [];
    }
    row.cells.forEach(function (c) {
      if (c.period || (run.length && run[run.length - 1].year !== c.year - 1)) {
        flush();
      }
      if (!c.period) {
        run.push(c);
      }
    });
    flush();
    row.cells.forEach(function (c) {
      var dot = svg('circle', { cx: x(slotOf(c)), cy: y(c[measure]), r: 4, fill: color, 'class': 'xqa-point' });
      dot.appendChild(svg('title', {
        text: row.phrase + ' ' + columnLabel(c) + '：' + c.occurrences + ' 处，每万字 ' + formatValue(c.per10k, 'per10k') +
          (c.characters ? '（共 ' + c.characters + ' 字）' : '')
      }));
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

/** A row's total in the measure: all its occurrences per 10,000 characters of all its columns, or the count. */
function rowTotal(row, measure) {
  if (measure !== 'per10k') {
    return String(row.total);
  }
  var characters = row.cells.reduce(function (n, c) { return n + (c.characters || 0); }, 0);
  return characters ? formatValue(Math.round(row.total * 1000000 / characters) / 100, 'per10k') : '—';
}

function table(result, measure, plans) {
  var head = el('tr', {}, el('th', { scope: 'col', text: '检索词' }));
  var columns = result.rows.length ? result.rows[0].cells : [];
  var counted = result.multiYear === 'first-year';
  columns.forEach(function (c, i) {
    // The column a multi-year plan is counted in is marked; the note under the chart says which plan.
    var marked = counted && !c.period && plans.some(function (d) { return d.year === c.year; });
    head.appendChild(el('th', { scope: 'col' }, columnLabel(c), marked ? el('sup', { className: 'xqa-note-mark', title: '含多年规划，见 ※', text: '※' }) : null));
  });
  [measure === 'per10k' ? '合计（每万字）' : '合计', '首次', '最近'].forEach(function (t) { head.appendChild(el('th', { scope: 'col', text: t })); });
  var body = el('tbody');
  result.rows.forEach(function (row) {
    var tr = el('tr', {}, el('th', { scope: 'row', className: 'xqa-phrase', text: row.phrase }));
    row.cells.forEach(function (c) {
      var td = el('td', { className: c.occurrences ? 'xqa-cell' : 'xqa-cell xqa-zero', 'data-year': columnLabel(c) });
      var shown = formatValue(c[measure], measure);
      if (c.occurrences > 0) {
        td.appendChild(el('a', {
          href: searchUrl(row.phrase, c.year), className: 'xqa-cell-link',
          title: '检索 ' + row.phrase + '（' + columnLabel(c) + '）'
        }, shown));
      } else {
        td.appendChild(document.createTextNode(shown));
      }
      td.appendChild(el('span', {
        className: 'xqa-sub',
        text: measure === 'per10k'
          ? c.occurrences + ' 处 · ' + c.paragraphs + ' 段 · ' + c.documents + ' 篇'
          : c.paragraphs + ' 段 · ' + c.documents + ' 篇 · 每万字 ' + formatValue(c.per10k, 'per10k')
      }));
      tr.appendChild(td);
    });
    tr.appendChild(el('td', { className: 'xqa-cell xqa-total', text: rowTotal(row, measure) }));
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

/* ---------- 文件库 ---------- */

var TYPES = { 'annual-plan': '年度计划', 'work-report': '政府工作报告', 'five-year-plan': '五年规划', other: '其他' };

/** The search page's document view of `doc` opened at paragraph `n` (the reader's `view=DOC#N`). */
function documentUrl(doc, n) {
  var params = new URLSearchParams();
  params.set('view', doc + '#' + n);
  return location.pathname + '?' + params.toString();
}

/** A heading tree as nested lists; each heading opens the document at it. */
function outlineList(doc, headings) {
  var ol = el('ol', { className: 'xqa-toc' });
  headings.forEach(function (h) {
    ol.appendChild(el('li', { className: 'xqa-toc-item', 'data-level': h.level },
      el('a', { href: documentUrl(doc, h.paragraph), className: 'xqa-toc-link', 'data-paragraph': h.paragraph, text: h.text }),
      h.children && h.children.length ? outlineList(doc, h.children) : null));
  });
  return ol;
}

function libraryView() {
  var status = el('p', { className: 'xqa-status', role: 'status', 'aria-live': 'polite', text: '正在读取文件列表…' });
  var list = el('ul', { className: 'xqa-library' });

  function entry(d) {
    var toc = el('div', { className: 'xqa-toc-box' });
    var details = el('details', { className: 'xqa-doc', 'data-doc': d.doc },
      el('summary', { className: 'xqa-doc-summary' },
        el('span', { className: 'xqa-doc-title', text: d.title }),
        el('span', { className: 'xqa-sub xqa-doc-meta' },
          (TYPES[d.type] || d.type) + ' · ' + (d.period || (d.year == null ? TEXT.unknownYear : d.year + ' 年')) + ' · ' + d.paragraphs + ' 段')),
      toc);
    var loaded = false;
    // The table of contents is fetched when it is first opened: a library of many documents stays one request.
    details.addEventListener('toggle', function () {
      if (!details.open || loaded) {
        return;
      }
      loaded = true;
      toc.appendChild(el('p', { className: 'xqa-sub', text: '正在读取目录…' }));
      api.outline(d.doc).then(function (answer) {
        clear(toc);
        if (!answer.ok) {
          loaded = false;
          toc.appendChild(el('p', { className: 'xqa-sub', text: (answer.body && answer.body.error && answer.body.error.message) || '无法读取目录。' }));
          return;
        }
        toc.appendChild(answer.body.headings.length
          ? outlineList(d.doc, answer.body.headings)
          : el('p', { className: 'xqa-sub', text: '此文件没有标题层级。' }));
        toc.appendChild(el('p', {}, el('a', { href: documentUrl(d.doc, 1), className: 'xqa-toc-link xqa-doc-open', text: '阅读全文' })));
      }).catch(function () {
        loaded = false;
        clear(toc);
        toc.appendChild(el('p', { className: 'xqa-sub', text: '无法连接检索服务。' }));
      });
    });
    return el('li', { className: 'xqa-library-item' }, details);
  }

  api.documents().then(function (answer) {
    var documents = answer.ok && Array.isArray(answer.body) ? answer.body : [];
    if (!answer.ok) {
      status.textContent = (answer.body && answer.body.error && answer.body.error.message) || '无法读取文件列表。';
      return;
    }
    // Newest first, the unknown year last; a year's documents by title.
    documents.sort(function (a, b) {
      var ya = a.year == null ? -1 : a.year;
      var yb = b.year == null ? -1 : b.year;
      return yb - ya || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0);
    });
    status.textContent = '共 ' + documents.length + ' 个文件。展开一个文件可看其目录，点目录中的标题即在该处打开全文。';
    documents.forEach(function (d) { list.appendChild(entry(d)); });
  }).catch(function () { status.textContent = '无法连接检索服务。'; });
  return el('section', { className: 'xqa-panel', 'aria-label': '文件库' },
    el('h2', { className: 'xqa-heading', text: '文件库：全部文件及其目录' }), status, list);
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
  [['', '检索'], ['compare', '对比'], ['new-terms', '新词'], ['library', '文件库']].forEach(function (v) {
    nav.appendChild(el('a', {
      href: v[0] ? '?view=' + v[0] : location.pathname, className: 'xqa-tab' + ((view || '') === v[0] ? ' xqa-tab-current' : ''),
      'aria-current': (view || '') === v[0] ? 'page' : null, text: v[1]
    }));
  });
  // Its own box (not .xq, which names the search UI); analytics.css gives it the page's colours and fonts.
  var box = el('div', { className: 'xqa' }, nav);
  app.parentNode.insertBefore(box, app);
  if (view === 'compare' || view === 'new-terms' || view === 'library') {
    app.hidden = true;
    box.appendChild(view === 'compare' ? compareView(params) : view === 'library' ? libraryView() : newTermsView(params));
    // Back and forward between analytics states reload the view from its URL.
    window.addEventListener('popstate', function () { location.reload(); });
  }
}

// A module runs once the document is parsed: #xq-app is there.
start();
