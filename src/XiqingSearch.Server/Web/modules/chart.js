/* The year chart: occurrences per year, oldest to newest; a bar (or its column) toggles that year's filter. */

import { clear, el, onActivate, svg } from './dom.js';
import { TEXT, yearLabel } from './text.js';

const BAR = 48;
const GAP = 24;
const PLOT = 100;

export function createChart(page) {
  const node = el('figure', { className: 'xq-chart', hidden: true });

  function toggleYear(year) {
    const years = page.state.years;
    page.go({ years: years.includes(year) ? years.filter((y) => y !== year) : years.concat([year]) });
  }

  /** Draws the response's year facet (`[]` or nothing hides the chart). */
  function render(years) {
    clear(node);
    // Oldest to newest, and the unknown year after them all.
    const data = (years || []).slice().sort((a, b) => ((a.value === 'unknown') - (b.value === 'unknown')) || (a.value < b.value ? -1 : 1));
    node.hidden = data.length === 0;
    if (data.length === 0) {
      return;
    }
    const max = Math.max(...data.map((d) => d.occurrences)) || 1;
    const width = data.length * (BAR + GAP) + GAP;
    const height = PLOT + 44;
    const label = (d) => yearLabel(d.value) + ' ' + TEXT.occurrences(d.occurrences);
    const description = TEXT.chart + '：' + data.map(label).join('，');
    const picture = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': description,
      class: 'xq-chart-svg', preserveAspectRatio: 'xMinYMid meet'
    });
    picture.appendChild(svg('title', { text: description }));
    data.forEach((d, i) => {
      const h = d.occurrences === 0 ? 0 : Math.max(2, Math.round(d.occurrences / max * PLOT));
      const x = GAP + i * (BAR + GAP);
      const y = 18 + PLOT - h;
      const selected = page.state.years.includes(d.value);
      picture.appendChild(svg('rect', {
        x, y, width: BAR, height: h, rx: 3, class: 'xq-bar' + (selected ? ' xq-bar-selected' : ''), 'data-year': d.value
      }));
      picture.appendChild(svg('text', { x: x + BAR / 2, y: y - 4, 'text-anchor': 'middle', class: 'xq-bar-count', text: String(d.occurrences) }));
      picture.appendChild(svg('text', { x: x + BAR / 2, y: 18 + PLOT + 18, 'text-anchor': 'middle', class: 'xq-bar-label', text: d.value === 'unknown' ? TEXT.unknownYear : d.value }));
      // A transparent column over the whole plot height, so a short bar is as easy to click as a tall one.
      const target = svg('rect', {
        x: x - GAP / 2, y: 0, width: BAR + GAP, height, class: 'xq-bar-target', 'data-year': d.value, role: 'button', tabindex: '0',
        'aria-label': TEXT.year + ' ' + yearLabel(d.value) + '：' + TEXT.occurrences(d.occurrences) + '，' + TEXT.chartHint
      });
      target.appendChild(svg('title', { text: label(d) + '（' + TEXT.chartHint + '）' }));
      onActivate(target, () => toggleYear(d.value));
      picture.appendChild(target);
    });
    node.appendChild(el('figcaption', { className: 'xq-chart-title', text: TEXT.chart }));
    node.appendChild(picture);
  }

  return { node, render };
}
