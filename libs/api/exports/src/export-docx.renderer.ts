import { SUGGESTION_DELETE, SUGGESTION_INSERT, safeHref } from '@roundtable/editor-schema';
import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  type FileChild,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  type IRunOptions,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { EXPORT_LABELS } from './export.labels';
import { EXPORT_RENDERER_VERSION, type ExportSource, type ExportThread } from './export.model';
import { outlineOf, plainText, scriptRuns, type Outline } from './export-outline';
import { figureKey } from './export-figures';
import { figureLabel, footnotesOf } from '@roundtable/editor-schema';

/**
 * The Chinese font Word sets East Asian runs in. Word on Windows and on macOS ships Microsoft YaHei; the PDF
 * embeds Noto Sans SC instead (ADR 024).
 */
export const DOCX_EAST_ASIAN_FONT = 'Microsoft YaHei';
const LATIN_FONT = 'Calibri';
const MONO_FONT = 'Consolas';
const FIGURE_MAX_WIDTH_PX = 600;
const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** What a node renderer gets: the outline, and the way back into blocks and inline content. */
export interface DocxContext {
  outline: Outline;
  blocks(nodes: JSONContent[] | undefined, list?: ListState): FileChild[];
  /** A text block's runs, with any open comment threads anchored in its text. */
  inline(block: JSONContent, style?: RunStyle): ParagraphChild[];
  /** A fresh numbering instance for an ordered list (each list counts from its own start). */
  nextListInstance(): number;
  /** The next figure's number (document order). */
  nextFigure(): number;
  /** The figure images the export carries. */
  figures: ExportSource['figures'];
}

export interface ListState {
  ordered: boolean;
  level: number;
  instance: number;
}

interface RunStyle {
  mono?: boolean;
}

/**
 * One renderer per editor node type. The nodes the schema has today are here; a new node (table, figure,
 * footnote, citation…) adds its entry, and a node without one renders its children (or nothing).
 */
export type DocxNodeRenderer = (node: JSONContent, ctx: DocxContext, list?: ListState) => FileChild[];

export const DOCX_NODES: Record<string, DocxNodeRenderer> = {
  heading: (node, ctx) => {
    const level = ctx.outline.sectionLevel(Number(node.attrs?.level ?? 1));
    return [
      new Paragraph({
        heading: HEADING_LEVELS[level - 1],
        numbering: { reference: 'sections', level: level - 1 },
        children: ctx.inline(node),
      }),
    ];
  },
  paragraph: (node, ctx, list) => [
    new Paragraph({
      children: ctx.inline(node),
      ...(list
        ? list.ordered
          ? { numbering: { reference: 'ordered', level: list.level, instance: list.instance } }
          : { bullet: { level: list.level } }
        : {}),
    }),
  ],
  bulletList: (node, ctx, list) => listItems(node, ctx, { ordered: false, level: nextLevel(list), instance: 0 }),
  orderedList: (node, ctx, list) =>
    listItems(node, ctx, { ordered: true, level: nextLevel(list), instance: ctx.nextListInstance() }),
  blockquote: (node, ctx) =>
    (node.content ?? []).flatMap((child) =>
      child.type === 'paragraph'
        ? [new Paragraph({ style: 'Quote', children: ctx.inline(child) })]
        : ctx.blocks([child]),
    ),
  codeBlock: (node, ctx) =>
    plainText(node)
      .split('\n')
      .map(
        (line) =>
          new Paragraph({
            style: 'Code',
            children: ctx.inline(
              { type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] },
              { mono: true },
            ),
          }),
      ),
  figure: (node, ctx) => {
    const number = ctx.nextFigure();
    const image = ctx.figures?.[figureKey(node.attrs?.['fileId'] ?? null, node.attrs?.['versionId'] ?? null)];
    // At most the text width of A4 with the export's margins (about 6.3 in at 96 px to the inch).
    const scale = image ? Math.min(1, FIGURE_MAX_WIDTH_PX / image.width) : 1;
    const caption = plainText(node).trim();
    return [
      ...(image
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: true,
              children: [
                new ImageRun({
                  type: image.contentType === 'image/png' ? 'png' : 'jpg',
                  data: image.bytes,
                  transformation: {
                    width: Math.round(image.width * scale),
                    height: Math.round(image.height * scale),
                  },
                  altText: { name: `Figure ${number}`, description: caption, title: caption },
                }),
              ],
            }),
          ]
        : []),
      new Paragraph({
        style: 'Caption',
        alignment: AlignmentType.CENTER,
        children: [
          ...textRun(`${figureLabel(number, caption)}${caption ? ': ' : ''}`, [{ type: 'bold' }], {}),
          ...ctx.inline(node),
        ],
      }),
    ];
  },
  horizontalRule: () => [
    new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }),
  ],
  // A recommendation block: its title in bold, its body, and a line with addressee, horizon and priority.
  recommendation: (node, ctx) => [
    new Paragraph({
      keepNext: true,
      children: ctx.inline({ type: 'paragraph', content: textOf(String(node.attrs?.title ?? ''), true) }),
    }),
    ...ctx.blocks(node.content),
    new Paragraph({
      children: ctx.inline({
        type: 'paragraph',
        content: textOf(
          [node.attrs?.addressee, node.attrs?.horizon, node.attrs?.priority, node.attrs?.frameworks]
            .filter((value) => typeof value === 'string' && value !== '')
            .join(' · '),
          false,
        ),
      }),
    }),
  ],
  // Tiptap's table shape (table > tableRow > tableHeader | tableCell > blocks), for when the schema gains it.
  table: (node, ctx) => [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: (node.content ?? []).map(
        (row) =>
          new TableRow({
            tableHeader: (row.content ?? []).every((cell) => cell.type === 'tableHeader'),
            children: (row.content ?? []).map(
              (cell) =>
                new TableCell({
                  columnSpan: Number(cell.attrs?.colspan ?? 1),
                  rowSpan: Number(cell.attrs?.rowspan ?? 1),
                  children: paragraphsOnly(ctx.blocks(cell.content)),
                }),
            ),
          }),
      ),
    }),
  ],
};

function textOf(text: string, bold: boolean): JSONContent[] {
  return text ? [{ type: 'text', text, marks: bold ? [{ type: 'bold' }] : [] }] : [];
}

function nextLevel(list: ListState | undefined): number {
  return list ? Math.min(list.level + 1, 8) : 0;
}

function listItems(node: JSONContent, ctx: DocxContext, list: ListState): FileChild[] {
  return (node.content ?? []).flatMap((item) =>
    (item.content ?? []).flatMap((child, i) =>
      // An item's first paragraph carries the marker; nested lists go one level down; later paragraphs are plain.
      i === 0 || child.type === 'bulletList' || child.type === 'orderedList'
        ? render(child, ctx, list)
        : render(child, ctx),
    ),
  );
}

function paragraphsOnly(children: FileChild[]): Paragraph[] {
  const paragraphs = children.filter((c): c is Paragraph => c instanceof Paragraph);
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({})];
}

function render(node: JSONContent, ctx: DocxContext, list?: ListState): FileChild[] {
  const renderer = node.type ? DOCX_NODES[node.type] : undefined;
  if (renderer) return renderer(node, ctx, list);
  return ctx.blocks(node.content, list);
}

/** Open threads waiting for their anchor text; each is anchored once, at its first occurrence. */
class CommentAnchors {
  private readonly waiting: Array<{ thread: ExportThread; id: number }>;

  constructor(
    threads: ExportThread[],
    private readonly ids: number[],
  ) {
    this.waiting = threads.map((thread, i) => ({ thread, id: ids[i] }));
  }

  /** The ranges (character offsets in the block's text) of the threads anchored in this block. */
  take(text: string): Array<{ id: number; from: number; to: number }> {
    const found: Array<{ id: number; from: number; to: number }> = [];
    for (let i = 0; i < this.waiting.length; i++) {
      const { thread, id } = this.waiting[i];
      const at = thread.anchorText ? text.indexOf(thread.anchorText) : -1;
      if (at < 0) continue;
      found.push({ id, from: at, to: at + thread.anchorText.length });
      this.waiting.splice(i--, 1);
    }
    return found;
  }

  /** Threads whose text is gone: anchored on the cover title so none is lost. */
  rest(): number[] {
    return this.waiting.splice(0).map((w) => w.id);
  }
}

function textRun(text: string, marks: JSONContent['marks'], style: RunStyle & { color?: string }): TextRun[] {
  return runOptions(text, marks, style).map((options) => new TextRun(options));
}

/** A suggestion's runs as Word tracked changes (w:ins / w:del), with its author and time (ADR 040). */
export interface TrackedChange {
  kind: 'insert' | 'delete';
  id: number;
  author: string;
  date: string;
}

function trackedRuns(
  text: string,
  marks: JSONContent['marks'],
  style: RunStyle,
  change: TrackedChange,
): ParagraphChild[] {
  const { kind, id, author, date } = change;
  return runOptions(text, marks, style).map((options, i) =>
    kind === 'insert'
      ? new InsertedTextRun({ ...options, id: id + i, author, date })
      : new DeletedTextRun({ ...options, id: id + i, author, date }),
  );
}

function runOptions(text: string, marks: JSONContent['marks'], style: RunStyle & { color?: string }): IRunOptions[] {
  const has = (type: string) => (marks ?? []).some((m) => m.type === type);
  const mono = style.mono || has('code');
  return scriptRuns(text).map((part): IRunOptions => ({
    text: part.text,
    bold: has('bold') || undefined,
    italics: has('italic') || undefined,
    strike: has('strike') || undefined,
    underline: has('underline') || has('link') ? {} : undefined,
    style: has('link') ? 'Hyperlink' : undefined,
    color: style.color,
    font: part.eastAsian
      ? { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: DOCX_EAST_ASIAN_FONT, hint: 'eastAsia' }
      : mono
        ? { ascii: MONO_FONT, hAnsi: MONO_FONT, eastAsia: DOCX_EAST_ASIAN_FONT }
        : undefined,
    language: part.eastAsian ? { value: 'en-GB', eastAsia: 'zh-CN' } : undefined,
  }));
}

export async function renderDocx(source: ExportSource): Promise<Buffer> {
  const outline = outlineOf(source.content);
  // Comment ids: each thread's first comment, then its replies, in thread order.
  const threadIds: number[] = [];
  const comments: Array<{ id: number; parentId?: number; author: string; date: Date; body: string }> = [];
  for (const thread of source.threads) {
    const first = comments.length;
    threadIds.push(first);
    thread.comments.forEach((c, i) =>
      comments.push({
        id: comments.length,
        parentId: i === 0 ? undefined : first,
        author: c.author,
        date: new Date(c.date),
        body: c.body,
      }),
    );
  }
  const anchors = new CommentAnchors(source.threads, threadIds);
  let listInstances = 0;
  let figures = 0;
  // Footnotes are numbered in document order as the editor numbers them; the title (rendered after the body)
  // holds the first ones.
  const notes = footnotesOf(source.content);
  const titleNotes = outline.titleNode ? footnotesOf(outline.titleNode).length : 0;
  let nextNote = titleNotes;

  // Tracked changes share Word's annotation ids with comments: they count on after them.
  let nextChangeId = comments.length + 1;
  const suggestionRuns = (text: string, marks: JSONContent['marks'], style: RunStyle): ParagraphChild[] | null => {
    const mark = (marks ?? []).find((m) => m.type === SUGGESTION_INSERT || m.type === SUGGESTION_DELETE);
    if (!mark) return null;
    const who = source.suggestions[String(mark.attrs?.id)] ?? { author: EXPORT_LABELS.unknownAuthor, date: '' };
    const change: TrackedChange = {
      kind: mark.type === SUGGESTION_INSERT ? 'insert' : 'delete',
      id: nextChangeId,
      author: who.author,
      date: who.date || new Date(0).toISOString(),
    };
    const runs = trackedRuns(text, marks, style, change);
    nextChangeId += runs.length;
    return runs;
  };

  const inline = (block: JSONContent, style: RunStyle = {}): ParagraphChild[] => {
    const ranges = anchors.take(plainText(block));
    const out: ParagraphChild[] = [];
    let offset = 0;
    const markersAt = (at: number) => {
      for (const r of ranges) if (r.from === at) out.push(new CommentRangeStart(r.id));
      for (const r of ranges)
        if (r.to === at) out.push(new CommentRangeEnd(r.id), new TextRun({ children: [new CommentReference(r.id)] }));
    };
    const emit = (node: JSONContent) => {
      if (node.type === 'footnote') {
        // A real Word footnote: the reference mark here, its text in word/footnotes.xml.
        nextNote += 1;
        if (notes[nextNote - 1]) out.push(new FootnoteReferenceRun(nextNote));
        return;
      }
      if (node.type === 'hardBreak') {
        markersAt(offset);
        out.push(new TextRun({ break: 1 }));
        offset += 1;
        return;
      }
      if (node.type !== 'text') {
        for (const child of node.content ?? []) emit(child);
        return;
      }
      const text = node.text ?? '';
      // Split the text where a comment range starts or ends.
      const cuts = [...new Set(ranges.flatMap((r) => [r.from, r.to]))]
        .filter((at) => at > offset && at < offset + text.length)
        .sort((a, b) => a - b);
      let start = 0;
      for (const cut of [...cuts, offset + text.length]) {
        markersAt(offset + start);
        const piece = text.slice(start, cut - offset);
        const runs = suggestionRuns(piece, node.marks, style) ?? textRun(piece, node.marks, style);
        const link = (node.marks ?? []).find((m) => m.type === 'link');
        const href = link ? safeHref(link.attrs?.href) : null;
        if (href && /^(https?|mailto|tel):/i.test(href))
          out.push(new ExternalHyperlink({ link: href, children: runs }));
        else out.push(...runs);
        start = cut - offset;
      }
      offset += text.length;
    };
    for (const child of block.content ?? []) emit(child);
    markersAt(offset);
    return out;
  };

  const ctx: DocxContext = {
    outline,
    blocks: (nodes, list) => (nodes ?? []).flatMap((node) => render(node, ctx, list)),
    inline,
    nextListInstance: () => ++listInstances,
    nextFigure: () => ++figures,
    figures: source.figures,
  };

  const body = ctx.blocks(outline.body);
  const { cover } = source;
  const coverRow = (label: string, value: string | null) =>
    value === null
      ? []
      : [
          new Paragraph({
            children: [...textRun(`${label}: `, [], { color: '555555' }), ...textRun(value, [], {})],
          }),
        ];
  // Threads whose text is gone are anchored on the title, so none is lost.
  const rest = anchors.rest();
  nextNote = 0;
  const titleParagraph = new Paragraph({
    heading: HeadingLevel.TITLE,
    children: [
      ...rest.map((id) => new CommentRangeStart(id)),
      ...(outline.titleNode ? inline(outline.titleNode) : textRun(cover.title, [], {})),
      ...rest.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
    ],
  });
  const coverBlock = [
    new Paragraph({ children: textRun(cover.project, [], {}) }),
    titleParagraph,
    ...coverRow(EXPORT_LABELS.workingGroup, cover.workingGroup),
    ...coverRow(EXPORT_LABELS.deliverable, cover.deliverable),
    ...coverRow(EXPORT_LABELS.version, cover.version),
    ...coverRow(EXPORT_LABELS.date, cover.date),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const document = new Document({
    creator: 'Roundtable',
    title: cover.title,
    description: `Roundtable export ${EXPORT_RENDERER_VERSION}`,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: DOCX_EAST_ASIAN_FONT },
            language: { value: 'en-GB', eastAsia: 'zh-CN' },
            size: 22,
          },
        },
      },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', paragraph: { indent: { left: 720 } }, run: { italics: true } },
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, size: 20, color: '333333' },
          paragraph: { spacing: { before: 60, after: 240 } },
        },
        {
          id: 'Code',
          name: 'Code',
          basedOn: 'Normal',
          run: { font: MONO_FONT, size: 20 },
          paragraph: { spacing: { after: 0 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.') + '.',
            alignment: AlignmentType.START,
            isLegalNumberingStyle: true,
          })),
        },
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    footnotes: Object.fromEntries(
      notes.map((note) => [
        String(note.number),
        {
          children: note.text
            .split('\n')
            .map((line) => new Paragraph({ style: 'FootnoteText', children: textRun(line, [], {}) })),
        },
      ]),
    ),
    comments: {
      children: comments.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        author: c.author,
        initials: initials(c.author),
        date: c.date,
        children: [new Paragraph({ children: textRun(c.body, [], {}) })],
      })),
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: [...coverBlock, ...body] }],
  });
  return stabilise(await Packer.toBuffer(document));
}

/** The moment every ZIP entry is dated: the file then differs only by the dates inside docProps/core.xml. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * `docx` names hyperlink relationships with random ids; they become `rtLink1`, `rtLink2`… in document order,
 * and the package is zipped again with fixed entry dates, so the same input gives the same bytes (apart from
 * the creation and modification dates Word shows). Pictures are numbered in document order too.
 */
function stabilise(packed: Buffer): Buffer {
  const entries = unzipSync(new Uint8Array(packed));
  const relsName = 'word/_rels/document.xml.rels';
  const rels = strFromU8(entries[relsName]);
  const random = [...rels.matchAll(/Id="([^"]+)"[^>]*TargetMode="External"/g)]
    .map((m) => m[1])
    .filter((id) => !/^rId\d+$/.test(id));
  if (random.length > 0) {
    const documentXml = strFromU8(entries['word/document.xml']);
    const order = random
      .map((id) => ({ id, at: documentXml.indexOf(`"${id}"`) }))
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const rename = new Map(order.map(({ id }, i) => [id, `rtLink${i + 1}`]));
    const replace = (xml: string) =>
      xml.replace(/"([A-Za-z0-9_-]{10,})"/g, (all, id: string) => (rename.has(id) ? `"${rename.get(id)}"` : all));
    entries[relsName] = strToU8(replace(rels));
    entries['word/document.xml'] = strToU8(replace(documentXml));
  }
  // Drawings are numbered by a counter that lives as long as the process: 1, 2… in each file instead.
  let drawing = 0;
  entries['word/document.xml'] = strToU8(
    strFromU8(entries['word/document.xml']).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`),
  );
  const names = Object.keys(entries).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
  );
  return Buffer.from(
    zipSync(Object.fromEntries(names.map((name) => [name, [entries[name], { mtime: ZIP_DATE, level: 6 }]]))),
  );
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => [...part][0])
      .join('')
      .slice(0, 3) || '?'
  );
}
