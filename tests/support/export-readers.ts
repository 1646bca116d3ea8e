import { execFile } from 'child_process';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { join } from 'path';

/**
 * Real parsers reading back the files exports produce: DOCX through a ZIP reader and an XML parser over
 * word/document.xml and word/comments.xml; PDF through pdf.js (pdfjs-dist) in a child Node process (it is
 * an ES module Jest's CommonJS runtime cannot load).
 */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
});

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}
function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}
function attrsOf(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}
function all(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((n) => (tagOf(n) === tag ? [n] : all(childrenOf(n), tag)));
}
function first(nodes: XmlNode[], tag: string): XmlNode | undefined {
  return all(nodes, tag)[0];
}
function text(node: XmlNode): string {
  return all([node], 'w:t')
    .map((t) =>
      childrenOf(t)
        .map((c) => String(c['#text'] ?? ''))
        .join(''),
    )
    .join('');
}

export interface DocxRun {
  text: string;
  eastAsiaFont: string | null;
  eastAsiaLang: string | null;
}
export interface DocxParagraph {
  style: string | null;
  numbered: boolean;
  text: string;
  runs: DocxRun[];
  /** Comment ids whose range starts in this paragraph. */
  commentStarts: string[];
}
export interface DocxComment {
  id: string;
  author: string;
  text: string;
}
/** A Word tracked change (w:ins or w:del) with the text it inserts or deletes (w:t or w:delText). */
export interface DocxTrackedChange {
  kind: 'ins' | 'del';
  id: string;
  author: string;
  date: string;
  text: string;
}
export interface DocxContents {
  entries: Record<string, Uint8Array>;
  paragraphs: DocxParagraph[];
  tables: string[][][];
  comments: DocxComment[];
  trackedChanges: DocxTrackedChange[];
}

export function readDocx(bytes: Buffer): DocxContents {
  const entries = unzipSync(new Uint8Array(bytes));
  const xml = (name: string) => (entries[name] ? (parser.parse(strFromU8(entries[name])) as XmlNode[]) : []);
  const body = first(xml('word/document.xml'), 'w:body');
  const paragraphs = all(body ? [body] : [], 'w:p').map((p): DocxParagraph => {
    const pPr = first(childrenOf(p), 'w:pPr');
    const style = pPr ? first(childrenOf(pPr), 'w:pStyle') : undefined;
    return {
      style: style ? attrsOf(style)['w:val'] : null,
      numbered: pPr ? first(childrenOf(pPr), 'w:numPr') !== undefined : false,
      text: text(p),
      runs: all([p], 'w:r').map((r) => {
        const rPr = first(childrenOf(r), 'w:rPr');
        const fonts = rPr ? first(childrenOf(rPr), 'w:rFonts') : undefined;
        const lang = rPr ? first(childrenOf(rPr), 'w:lang') : undefined;
        return {
          text: text(r),
          eastAsiaFont: fonts ? (attrsOf(fonts)['w:eastAsia'] ?? null) : null,
          eastAsiaLang: lang ? (attrsOf(lang)['w:eastAsia'] ?? null) : null,
        };
      }),
      commentStarts: all([p], 'w:commentRangeStart').map((s) => attrsOf(s)['w:id']),
    };
  });
  const tables = all(body ? [body] : [], 'w:tbl').map((table) =>
    all([table], 'w:tr').map((row) => all([row], 'w:tc').map((cell) => text(cell))),
  );
  const comments = all(xml('word/comments.xml'), 'w:comment').map((c) => ({
    id: attrsOf(c)['w:id'],
    author: attrsOf(c)['w:author'],
    text: text(c),
  }));
  const changeText = (node: XmlNode) =>
    [...all([node], 'w:t'), ...all([node], 'w:delText')]
      .map((t) =>
        childrenOf(t)
          .map((c) => String(c['#text'] ?? ''))
          .join(''),
      )
      .join('');
  const trackedChanges = (['w:ins', 'w:del'] as const).flatMap((tag) =>
    all(body ? [body] : [], tag).map((node): DocxTrackedChange => ({
      kind: tag === 'w:ins' ? 'ins' : 'del',
      id: attrsOf(node)['w:id'],
      author: attrsOf(node)['w:author'],
      date: attrsOf(node)['w:date'],
      text: changeText(node),
    })),
  );
  return { entries, paragraphs, tables, comments, trackedChanges };
}

export interface PdfContents {
  pages: string[];
  fonts: Array<{ name: string; embedded: boolean }>;
  info: Record<string, unknown>;
}

const PDF_SCRIPT = `
// Node 20 lacks what pdf.js 6 expects of a newer runtime.
Promise.withResolvers ??= () => { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
for (const name of ['transfer', 'transferToFixedLength']) {
  ArrayBuffer.prototype[name] ??= function (length = this.byteLength) { const copy = new ArrayBuffer(length); new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength))); return copy; };
}
for (const M of [Map, WeakMap]) {
  M.prototype.getOrInsertComputed ??= function (key, compute) { if (!this.has(key)) this.set(key, compute(key)); return this.get(key); };
  M.prototype.getOrInsert ??= function (key, value) { if (!this.has(key)) this.set(key, value); return this.get(key); };
}
const { getDocument, OPS } = await import(process.argv[1]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), fontExtraProperties: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
const pages = [];
const fonts = new Map();
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => item.str + (item.hasEOL ? '\\n' : '')).join(''));
  const ops = await page.getOperatorList();
  for (const [i, fn] of ops.fnArray.entries()) {
    if (fn !== OPS.setFont) continue;
    const font = await new Promise((resolve) => page.commonObjs.get(ops.argsArray[i][0], resolve));
    fonts.set(font.name, { name: font.name, embedded: !font.missingFile });
  }
}
const { info } = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, fonts: [...fonts.values()], info }));
`;

export function readPdf(bytes: Buffer): Promise<PdfContents> {
  const entry = join(require.resolve('pdfjs-dist/package.json'), '..', 'legacy', 'build', 'pdf.mjs');
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', PDF_SCRIPT, `file://${entry}`],
      { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as PdfContents);
      },
    );
    child.stdin?.end(bytes);
  });
}
