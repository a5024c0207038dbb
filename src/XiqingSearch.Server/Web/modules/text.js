/*
 * Every word the search UI shows, in Chinese, and the wording of the API's errors from their codes and arguments
 * (the server's English message is the fallback for codes the table does not know).
 */

import { FACETS } from './facetlist.js';

export const TEXT = {
  title: '西青区政策文件检索',
  label: '检索词',
  placeholder: '输入检索词，如：天开西青园',
  search: '搜索',
  hint: '支持 "短语"、AND、OR、NOT 和括号。',
  example: '试试：',
  exampleQuery: '天开西青园',
  filters: '筛选',
  results: '检索结果',
  year: '年份',
  unknownYear: '年份未知',
  original: '原文',
  copies: '其他格式',
  warnings: '读取提示',
  leftOut: (n) => '另有 ' + n + ' 段所属文件年份未知，未计入。',
  clear: '清除筛选',
  chart: '各年份出现次数（处）',
  chartHint: '点击柱条按年份筛选',
  facetUnit: '段',
  facetNote: '数字为段落数',
  kind: '类型',
  kinds: { '': '全部', paragraph: '正文段落', heading: '标题', 'table-row': '表格行' },
  sort: '排序',
  sorts: { relevance: '相关度', year: '最新年份', oldest: '最早年份', document: '文件顺序' },
  exportCsv: '导出全部匹配（CSV）',
  exportDocx: '导出 Word',
  wholeDocument: '查看全文',
  prevHit: '上一处',
  nextHit: '下一处',
  docSummary: (d) => d.query
    ? '“' + d.query + '”在本文中 ' + d.totalOccurrences + ' 处，' + d.hitParagraphs.length + ' 段'
    : d.paragraphs.length + ' 段',
  hitPosition: (i, n) => '第 ' + i + ' / ' + n + ' 段',
  filtersToggle: '筛选条件',
  types: { 'annual-plan': '年度计划', 'work-report': '政府工作报告', 'five-year-plan': '五年规划' },
  lastPage: '末页',
  firstPage: '首页',
  pagerTotal: (current, pages) => '第 ' + current + ' / ' + pages + ' 页',
  pastEnd: (total) => '已超过最后一条结果（共 ' + total + ' 段）。',
  cors: (origin, base) => '检索服务（' + base + '）拒绝了本页面所在网址 ' + origin + ' 的请求（跨域访问未允许）。' +
    '请服务管理员将 ' + origin + ' 加入允许嵌入的来源：启动时加 --embed-origin ' + origin +
    '，或设置 Xiqing:EmbedOrigins / 环境变量 XIQING_EMBED_ORIGINS。',
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
  summary: (r, years, docs) => '共 ' + r.totalHits + ' 个段落，' + r.totalOccurrences + ' 处匹配，分布于 ' + docs +
    ' 个文件、' + years + ' 个年份（用时 ' + r.tookMs.toFixed(1) + ' 毫秒）',
  page: (n) => '第 ' + n + ' 页',
  yearSuffix: '年',
  occurrences: (n) => n + ' 处',
  hitOccurrences: (n) => '本段 ' + n + ' 处',
  // Text recognised from a scan, never presented as exact (the CLI prints the same words).
  ocr: '识别文本，可能有误',
  ocrConfidence: (c) => '置信度 ' + Math.round(c * 100) + '%',
  approximate: '近似',
  lines: (file, p) => file + '：第 ' + p.firstLine + '–' + p.lastLine + ' 行' + (p.firstPage == null ? '' : '，' + pageLabel(p)),

  // Suggestions and hints (assist.js).
  suggestions: '检索建议',
  didYouMean: '您要找的是不是：',
  didYouMeanCount: (s) => '（' + s.occurrences + ' 处，' + s.hits + ' 段）',
  unmatched: (p) => '“' + p + '”在文件中没有出现。',
  unknownValue: (u) => '没有' + FILTER_NAMES[u.filter] + '“' + u.value + '”。可选：' + u.valid.join('、'),
  without: (f) => (f.filter === 'all' ? '去掉全部筛选' : '去掉' + FILTER_NAMES[f.filter] + '筛选（' + f.values.join('、') + '）') +
    '后有 ' + f.hitsWithout + ' 段。',
  note: '注意：'
};

/** How a hint names a filter: a facet's by its declared label (modules/facetlist.js); the kind and all filters. */
const FILTER_NAMES = Object.assign(Object.fromEntries(FACETS.map((f) => [f.name, f.label])), { kind: '类型', all: '筛选' });

/** A year as the page shows it: 2024年, or 年份未知 for the unknown year (`null`, facet value `unknown`). */
export function yearLabel(year) {
  return year == null || year === 'unknown' ? TEXT.unknownYear : year + TEXT.yearSuffix;
}

/** A document's issuer, 文号 and dates, joined with ' · ' ('' when it has none). */
export function facts(d) {
  return [d.issuer, d.number, d.writtenDate ? '成文 ' + d.writtenDate : null, d.publishedDate ? '发布 ' + d.publishedDate : null]
    .filter((v) => v).join(' · ');
}

/** The label of recognised text: 识别文本，可能有误 (· 置信度 87%), or '' for exact text. */
export function ocrLabel(p) {
  if (!p.ocr) {
    return '';
  }
  return p.ocrConfidence == null ? TEXT.ocr : TEXT.ocr + ' · ' + TEXT.ocrConfidence(p.ocrConfidence);
}

/** The page of a paragraph from a PDF: 第 12 页, or 第 12–13 页 across a page break. */
export function pageLabel(p) {
  return '第 ' + p.firstPage + (p.lastPage > p.firstPage ? '–' + p.lastPage : '') + ' 页';
}

const FEATURES = { wildcard: '通配符', regexp: '正则表达式', prefix: '末尾的 *', fuzzy: '模糊匹配（~）' };
const OPERATOR = /^(AND|OR|NOT|&&|\|\|)$/;

const ERRORS = {
  'query.unclosed-quote': () => '这个引号没有闭合：请在短语后补上 "。',
  'query.unbalanced-parenthesis': (a) => a.reason === 'close-without-open'
    ? '这个“)”前面没有对应的“(”。' : '这个“(”没有闭合：请在分组后补上“)”。',
  'query.empty': (a) => a.reason === 'nothing-to-find'
    ? '检索式中没有可检索的内容（只有运算符或停用字符）。' : '检索词为空：请输入短语，如 天开西青园。',
  'query.too-long': (a) => '检索式有 ' + a.length + ' 个字符，最多允许 ' + a.max + ' 个。',
  'query.unknown-field': (a) => '没有“' + a.field + '”这个字段。可用字段：' + a.fields + '。如要检索含冒号的文字，请给短语加引号。',
  'query.bad-range': (a) => a.reason === 'range-field'
    ? '范围只能用于年份（如 year:[2021 TO 2023]），不能用于 ' + a.field + '。'
    : '年份应为四位数字（如 year:2024、year:[2021 TO 2023] 或 year:unknown），而不是“' + a.value + '”。',
  'query.syntax': (a) => {
    switch (a.reason) {
      case 'ends-early': return '检索式不完整：最后一个运算符后面缺少内容。';
      case 'cannot-stand-here':
        return '“' + a.token + '”不能出现在这里。' + (OPERATOR.test(a.token)
          ? '运算符两侧都需要短语；如要检索这个词本身，请加引号。' : a.token === ':' ? '冒号前应是字段名（如 year:2024）。' : '');
      case 'only-exclusions': return '检索式至少需要一个要查找的短语；NOT 和 - 只能排除（如 西青 -天开）。';
      case 'proximity': return '不支持邻近检索（"…"~N）：带引号的短语总是精确匹配（忽略空白）。';
      case 'bad-kind': return 'kind 只能是 paragraph、heading 或 table-row，而不是“' + a.value + '”。';
      case 'unsupported':
        return (a.field === 'text' ? '正文' : a.field) + '不支持' + (FEATURES[a.feature] || a.feature) + '；短语本来就会匹配文中任意位置。';
      case 'unreadable': return '检索式在这里有无法识别的字符。';
      default: return '检索式在这里有误。';
    }
  }
};

/** An API error (`{code, message, arguments}`) in Chinese where its code is known, else its message. */
export function errorMessage(err) {
  const make = err && err.code && ERRORS[err.code];
  return make ? make(err.arguments || {}) : (err && err.message) || '';
}
