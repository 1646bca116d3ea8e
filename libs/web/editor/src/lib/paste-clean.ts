import { safeHref } from '@roundtable/editor-schema';

/**
 * Clipboard HTML from Word and Google Docs, reduced to the structure the shared schema keeps (ADR 038):
 * headings, paragraphs, lists (Word's list paragraphs become real nested lists), tables, bold, italic,
 * underline, links and footnotes (their notes become our footnotes' text). Word's conditional comments, `o:p`, list markers and `mso-` styles, Google Docs'
 * wrapper `<b>` and styled spans, and every class, style and id go; styles that mean bold, italic or
 * underline become those marks first. Our own editor's clipboard (`data-pm-slice`) is left as it is.
 */
export function cleanPastedHtml(html: string, parser: DOMParser): string {
  if (/data-pm-slice/.test(html)) return html;
  const doc = parser.parseFromString(html, 'text/html');
  const body = doc.body;
  removeJunk(body);
  pastedFootnotes(doc, body);
  unwrapGoogleWrapper(body);
  stylesToMarks(doc, body);
  wordLists(doc, body);
  wordTitles(doc, body);
  nestStrayLists(body);
  stripAttributes(body);
  dropEmpty(body);
  return body.innerHTML;
}

const JUNK = 'style, meta, link, script, title, xml, head, template, img, svg, object, embed, iframe';

function elements(root: Element, selector = '*'): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function removeJunk(body: HTMLElement): void {
  // Comments (Word's <!--[if …]> blocks and the fragment markers) and the elements that carry no text.
  const walker = body.ownerDocument.createTreeWalker(body, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
  for (const element of elements(body, JUNK)) element.remove();
  for (const element of elements(body)) {
    const tag = element.tagName.toLowerCase();
    // Office namespaces (o:p, v:shape, w:sdt…): their text, if any, is kept; the element goes.
    if (/^[a-z]+:/.test(tag)) {
      if (tag === 'o:p' || tag.startsWith('v:')) element.remove();
      else unwrap(element);
      continue;
    }
    // Word's list markers ("1.", "·") drawn as text: the list itself says what it is.
    if (/mso-list:ignore/.test(styleOf(element))) {
      element.closest('p')?.setAttribute('data-rt-marker', element.textContent ?? '');
      element.remove();
    }
  }
}

/**
 * Footnotes as Word (`<a href="#_ftn1" name="_ftnref1">` → a note in `div#ftn1`) and Google Docs
 * (`<a href="#ftnt1" id="ftnt_ref1">` → a note holding `a#ftnt1`) put them on the clipboard: each reference
 * becomes our footnote mark carrying its note's text, and the notes' list goes.
 */
function pastedFootnotes(doc: Document, body: HTMLElement): void {
  const notes = new Set<Element>();
  for (const ref of elements(body, 'a[href^="#_ftn"], a[href^="#ftnt"]')) {
    const target = (ref.getAttribute('href') ?? '').slice(1);
    if (/ref/i.test(target) || !/^[\w-]+$/.test(target)) continue;
    const anchor = body.querySelector(`a[name="${target}"], [id="${target}"]`);
    const note = anchor?.closest('div') ?? anchor?.closest('p');
    if (!anchor || !note || note.contains(ref)) continue;
    const copy = note.cloneNode(true) as Element;
    copy.querySelector(`a[name="${target}"], [id="${target}"]`)?.remove();
    const mark = doc.createElement('sup');
    mark.setAttribute('data-footnote', '');
    mark.setAttribute('data-text', (copy.textContent ?? '').replace(/\s+/g, ' ').trim());
    const sup = ref.parentElement;
    (sup && sup.tagName.toLowerCase() === 'sup' && sup.childNodes.length === 1 ? sup : ref).replaceWith(mark);
    notes.add(note);
  }
  for (const note of notes) {
    // Google Docs draws a rule above its notes: it goes with them.
    if (note.previousElementSibling?.tagName.toLowerCase() === 'hr') note.previousElementSibling.remove();
    note.remove();
  }
  // Word's list of notes (a rule above them) and Google Docs' <hr> before its notes, now empty.
  for (const list of elements(body, 'div')) if (/mso-element:footnote-list/.test(styleOf(list))) list.remove();
}

function unwrapGoogleWrapper(body: HTMLElement): void {
  // Google Docs wraps the whole fragment in <b style="font-weight:normal" id="docs-internal-guid-…">.
  for (const element of elements(body, 'b, strong')) {
    if (/font-weight:(normal|400)/.test(styleOf(element)) || /^docs-internal-guid/.test(element.id)) unwrap(element);
  }
}

/** Inline styles that mean a mark become that mark (Google Docs writes bold as a span's font-weight). */
function stylesToMarks(doc: Document, body: HTMLElement): void {
  for (const element of elements(body, 'span, font')) {
    const style = styleOf(element);
    const wrappers: string[] = [];
    const weight = /font-weight:(\w+)/.exec(style)?.[1];
    if (weight && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600)) wrappers.push('strong');
    if (/font-style:italic/.test(style)) wrappers.push('em');
    if (/text-decoration[^;]*underline/.test(style) && !element.closest('a')) wrappers.push('u');
    let inner: Element = element;
    for (const tag of wrappers) {
      const mark = doc.createElement(tag);
      while (inner.firstChild) mark.appendChild(inner.firstChild);
      inner.appendChild(mark);
      inner = mark;
    }
    unwrap(element);
  }
}

interface WordListItem {
  element: Element;
  level: number;
  ordered: boolean;
  /** Word's list id (`l0`, `l1`…): another id is another list. */
  list: string;
}

/** Word's list paragraph, its level (1…) and kind, or null. */
function wordListItem(element: Element): WordListItem | null {
  if (element.tagName.toLowerCase() !== 'p') return null;
  const style = element.getAttribute('style') ?? '';
  const list = /mso-list:\s*l(\d+)\s+level(\d+)/i.exec(style);
  if (!list && !/MsoListParagraph/i.test(element.className)) return null;
  const marker = element.getAttribute('data-rt-marker') ?? '';
  return {
    element,
    level: list ? Number(list[2]) : 1,
    list: list ? list[1] : '',
    ordered: /^\s*(\d+|[a-z]|[ivxlcdm]+)[.)]/i.test(marker),
  };
}

/** Word writes lists as paragraphs (`mso-list: l0 level2 lfo1`) after a marker text: rebuilt as nested lists. */
function wordLists(doc: Document, body: HTMLElement): void {
  const items: WordListItem[] = [];
  for (const p of elements(body, 'p')) {
    const item = wordListItem(p);
    if (item) items.push(item);
  }
  const used = new Set<Element>();
  for (const first of items) {
    if (used.has(first.element)) continue;
    // A run of list paragraphs that follow one another.
    const run: WordListItem[] = [first];
    let next = first.element.nextElementSibling;
    while (next) {
      const item = items.find((i) => i.element === next);
      if (!item || item.list !== first.list) break;
      run.push(item);
      next = next.nextElementSibling;
    }
    run.forEach((item) => used.add(item.element));
    const root = doc.createElement(first.ordered ? 'ol' : 'ul');
    first.element.parentNode?.insertBefore(root, first.element);
    const stack: Array<{ list: Element; level: number }> = [{ list: root, level: first.level }];
    for (const item of run) {
      while (stack.length > 1 && item.level < stack[stack.length - 1].level) stack.pop();
      let top = stack[stack.length - 1];
      if (item.level > top.level) {
        const parentItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
        const nested = doc.createElement(item.ordered ? 'ol' : 'ul');
        parentItem.appendChild(nested);
        top = { list: nested, level: item.level };
        stack.push(top);
      }
      const li = doc.createElement('li');
      const p = doc.createElement('p');
      while (item.element.firstChild) p.appendChild(item.element.firstChild);
      li.appendChild(p);
      top.list.appendChild(li);
      item.element.remove();
    }
  }
}

/** Word's Title and Subtitle styles are paragraphs with a class: the title becomes a level-1 heading. */
function wordTitles(doc: Document, body: HTMLElement): void {
  for (const p of elements(body, 'p.MsoTitle')) {
    const heading = doc.createElement('h1');
    while (p.firstChild) heading.appendChild(p.firstChild);
    p.replaceWith(heading);
  }
}

/** Google Docs nests a list as a sibling of its parent item (`<ul><li>…</li><ul>…</ul></ul>`): moved into the item. */
function nestStrayLists(body: HTMLElement): void {
  for (const list of elements(body, 'ul > ul, ul > ol, ol > ul, ol > ol')) {
    const previous = list.previousElementSibling;
    if (previous && previous.tagName.toLowerCase() === 'li') previous.appendChild(list);
  }
}

const KEEP: Record<string, string[]> = {
  a: ['href'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
};

function stripAttributes(body: HTMLElement): void {
  for (const element of elements(body)) {
    const tag = element.tagName.toLowerCase();
    const keep = KEEP[tag] ?? [];
    for (const name of element.getAttributeNames()) {
      // Our own nodes (figures, footnotes) keep their data attributes; the schema checks them.
      if (keep.includes(name) || (name.startsWith('data-') && name !== 'data-rt-marker')) continue;
      element.removeAttribute(name);
    }
    if (tag === 'a') {
      const href = safeHref(element.getAttribute('href'));
      // Word's internal anchors (#_Toc…) and unsafe addresses: the text stays, the link goes.
      if (!href || href.startsWith('#')) unwrap(element);
      else element.setAttribute('href', href);
    }
  }
}

/** Word's empty paragraphs (`<p><o:p>&nbsp;</o:p></p>`) and Google Docs' stray top-level line breaks. */
function dropEmpty(body: HTMLElement): void {
  for (const p of elements(body, 'p')) {
    if (
      !p.closest('td, th, li') &&
      (p.textContent ?? '').replace(/[\s\u00a0]/g, '') === '' &&
      !p.querySelector('[data-footnote], [data-figure]')
    )
      p.remove();
  }
  for (const br of Array.from(body.children).filter((c) => c.tagName.toLowerCase() === 'br')) br.remove();
}
