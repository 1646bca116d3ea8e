import { LIBRARY_LIMITS } from '@roundtable/contracts';
import {
  attachmentDisposition,
  checkLibraryFile,
  fileExtension,
  normaliseTags,
  sanitizeFileName,
  splitTags,
} from './library';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** A zip's first 30-byte local header followed by the entry name, as ODF writes "mimetype". */
const odf = (mime: string) => bytes(ZIP, new Array(26).fill(0), `mimetype${mime}`, 'rest');
const ooxml = (part: string) => bytes(ZIP, new Array(26).fill(0), '[Content_Types].xml', '...', `${part}document.xml`);

describe('sanitizeFileName', () => {
  test.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['/abs/path/notes.md', 'notes.md'],
    ['..', null],
    ['../', null],
    ['   ', null],
    ['.hidden.txt', 'hidden.txt'],
    ['trailing dots...', 'trailing dots'],
    ['tab\there.csv', 'tabhere.csv'],
    ['new\nline.txt', 'newline.txt'],
    ['nul\u0000byte.txt', 'nulbyte.txt'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['  many   spaces .pdf', 'many spaces .pdf'],
    ['精准医学路线图.pdf', '精准医学路线图.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  test('NFC-normalises so the same name always compares equal', () => {
    expect(sanitizeFileName('Cafe\u0301.txt')).toBe('Caf\u00e9.txt');
  });

  test('long names are cut to the limit and keep their extension', () => {
    const name = sanitizeFileName(`${'长'.repeat(500)}.docx`)!;
    expect([...name]).toHaveLength(LIBRARY_LIMITS.fileNameMax);
    expect(name.endsWith('.docx')).toBe(true);
  });
});

describe('fileExtension', () => {
  test.each([
    ['a.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['noext', ''],
    ['.bashrc', ''],
  ])('%s → %s', (name, ext) => expect(fileExtension(name)).toBe(ext));
});

describe('normaliseTags', () => {
  test('trims, lower-cases, joins inner spaces with "-", drops empties and duplicates in order', () => {
    expect(normaliseTags([' Genomics ', 'DATA sharing', 'genomics', '', '  ', 'ELSI'])).toEqual({
      ok: true,
      tags: ['genomics', 'data-sharing', 'elsi'],
    });
  });

  test('keeps Chinese tags', () => {
    expect(normaliseTags(['精准医学', '数据'])).toEqual({ ok: true, tags: ['精准医学', '数据'] });
  });

  test(`refuses more than ${LIBRARY_LIMITS.tagsMax} distinct tags`, () => {
    const result = normaliseTags(Array.from({ length: LIBRARY_LIMITS.tagsMax + 1 }, (_, i) => `t${i}`));
    expect(result).toEqual({ ok: false, message: `at most ${LIBRARY_LIMITS.tagsMax} tags` });
  });

  test(`accepts exactly ${LIBRARY_LIMITS.tagsMax} tags, and duplicates do not count`, () => {
    const tags = Array.from({ length: LIBRARY_LIMITS.tagsMax }, (_, i) => `t${i}`);
    expect(normaliseTags([...tags, 'T0'])).toEqual({ ok: true, tags });
  });

  test('refuses a tag that is too long or has punctuation', () => {
    expect(normaliseTags(['x'.repeat(LIBRARY_LIMITS.tagMax + 1)]).ok).toBe(false);
    expect(normaliseTags(['x'.repeat(LIBRARY_LIMITS.tagMax)]).ok).toBe(true);
    expect(normaliseTags(['<script>']).ok).toBe(false);
    expect(normaliseTags(['-leading']).ok).toBe(false);
    expect(normaliseTags(['v1.2_final-draft']).ok).toBe(true);
  });

  test('splitTags accepts ASCII and full-width separators', () => {
    expect(splitTags('a, b；c，d;e\nf')).toEqual(['a', ' b', 'c', 'd', 'e', 'f']);
  });
});

describe('checkLibraryFile', () => {
  test.each([
    ['paper.pdf', bytes('%PDF-1.7\n...'), 'pdf', 'application/pdf'],
    ['figure.PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'png', 'image/png'],
    ['photo.jpg', bytes([0xff, 0xd8, 0xff, 0xe0, 0]), 'jpeg', 'image/jpeg'],
    ['photo.jpeg', bytes([0xff, 0xd8, 0xff, 0xe1, 0]), 'jpeg', 'image/jpeg'],
    ['notes.md', bytes('# Notes\n中文'), 'md', 'text/markdown; charset=utf-8'],
    ['table.csv', bytes('a,b\n1,2\n'), 'csv', 'text/csv; charset=utf-8'],
    ['readme.txt', bytes([0xef, 0xbb, 0xbf], 'with BOM'), 'txt', 'text/plain; charset=utf-8'],
    ['paper.docx', ooxml('word/'), 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['sheet.xlsx', ooxml('xl/'), 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['slides.pptx', ooxml('ppt/'), 'pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['paper.odt', odf('application/vnd.oasis.opendocument.text'), 'odt', 'application/vnd.oasis.opendocument.text'],
    [
      'sheet.ods',
      odf('application/vnd.oasis.opendocument.spreadsheet'),
      'ods',
      'application/vnd.oasis.opendocument.spreadsheet',
    ],
    [
      'slides.odp',
      odf('application/vnd.oasis.opendocument.presentation'),
      'odp',
      'application/vnd.oasis.opendocument.presentation',
    ],
  ])('accepts %s', (name, content, kind, contentType) => {
    expect(checkLibraryFile(name, content)).toEqual({ ok: true, kind, contentType });
  });

  test.each([
    ['virus.exe', bytes('MZ...')],
    ['page.html', bytes('<html></html>')],
    ['image.svg', bytes('<svg/>')],
    ['noextension', bytes('text')],
  ])('refuses the extension of %s', (name, content) => {
    expect(checkLibraryFile(name, content)).toMatchObject({ ok: false, reason: 'extension' });
  });

  test.each([
    ['html called pdf', 'paper.pdf', bytes('<html><script>alert(1)</script></html>')],
    ['png called jpg', 'photo.jpg', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['plain zip called docx', 'paper.docx', bytes(ZIP, new Array(26).fill(0), 'hello.txt')],
    ['xlsx called docx', 'paper.docx', ooxml('xl/')],
    ['odt called ods', 'sheet.ods', odf('application/vnd.oasis.opendocument.text')],
    ['binary called txt', 'notes.txt', bytes([0x41, 0x00, 0x42])],
    ['latin-1 called csv', 'table.csv', bytes([0x63, 0x61, 0x66, 0xe9])],
    ['pdf called txt', 'notes.txt', bytes('%PDF-1.4')],
  ])('refuses content: %s', (_label, name, content) => {
    expect(checkLibraryFile(name, content)).toMatchObject({ ok: false, reason: 'content' });
  });

  test('an empty file is refused as empty', () => {
    expect(checkLibraryFile('empty.txt', new Uint8Array())).toMatchObject({ ok: false, reason: 'empty' });
  });

  test('finds the office part names in the central directory at the end of a large zip', () => {
    const big = new Uint8Array(700 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const tail = new TextEncoder().encode('[Content_Types].xml word/document.xml');
    big.set(tail, big.length - tail.length - 10);
    expect(checkLibraryFile('big.docx', big)).toMatchObject({ ok: true, kind: 'docx' });
  });
});

describe('attachmentDisposition', () => {
  test('ASCII names', () => {
    expect(attachmentDisposition('report v2.pdf')).toBe(
      `attachment; filename="report v2.pdf"; filename*=UTF-8''report%20v2.pdf`,
    );
  });

  test('Chinese names get an ASCII fallback and the exact UTF-8 name in filename*', () => {
    const header = attachmentDisposition('路线图.pdf');
    expect(header).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%E8%B7%AF%E7%BA%BF%E5%9B%BE.pdf`);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe('路线图.pdf');
  });

  test('quotes, apostrophes and parentheses cannot break the header', () => {
    expect(attachmentDisposition(`it's "x" (1).txt`)).toBe(
      `attachment; filename="it's _x_ (1).txt"; filename*=UTF-8''it%27s%20%22x%22%20%281%29.txt`,
    );
  });
});
