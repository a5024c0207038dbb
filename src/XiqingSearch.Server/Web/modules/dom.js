/*
 * Building the page's DOM. The safety rule of every module: no HTML string is ever parsed. Document and query
 * text goes into the DOM as text nodes only (textContent / createTextNode); the only element added around text is
 * <mark> for highlights. Styles come from the style sheets (the CSP forbids inline style); SVG uses plain attributes.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element with attributes (`text` is its text, `className` its classes; null, undefined and false are left out) and children. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'text') {
      node.textContent = value;
    } else if (key === 'className') {
      node.className = value;
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends nodes, strings and numbers (as text), nested arrays of them; skips null, undefined and false. */
export function append(parent, child) {
  if (child === null || child === undefined || child === false) {
    return;
  }
  if (Array.isArray(child)) {
    child.forEach((c) => append(parent, c));
  } else if (typeof child === 'string' || typeof child === 'number') {
    parent.appendChild(document.createTextNode(String(child)));
  } else {
    parent.appendChild(child);
  }
}

/** An SVG element; `text` is its text content. */
export function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(key, String(value));
    }
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

/** Text with <mark> around each [start, end) span (UTF-16 offsets, as JavaScript strings count). */
export function highlighted(text, spans) {
  const parts = [];
  let at = 0;
  for (const span of spans || []) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (end <= start) {
      continue;
    }
    if (start > at) {
      parts.push(text.slice(at, start));
    }
    // An approximate match (recognised text, within an edit or two of the phrase) is marked differently and says so.
    parts.push(span.approximate
      ? el('mark', { className: 'xq-mark xq-mark-approximate', title: '近似匹配' }, text.slice(start, end))
      : el('mark', { className: 'xq-mark' }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) {
    parts.push(text.slice(at));
  }
  return parts;
}

/** Runs `handler` on Enter and Space too, for an element that acts as a button without being one. */
export function onActivate(node, handler) {
  node.addEventListener('click', handler);
  node.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      handler();
    }
  });
}
