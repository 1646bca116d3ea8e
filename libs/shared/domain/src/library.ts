import { LIBRARY_EXTENSIONS, LIBRARY_LIMITS, type LibraryFileKind } from '@roundtable/contracts';

/** The Content-Type each kind is served with (text kinds as UTF-8; nothing is ever served as HTML). */
export const LIBRARY_CONTENT_TYPES: Readonly<Record<LibraryFileKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpeg: 'image/jpeg',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

// Control characters (C0, DEL, C1) and the bidirectional overrides that can disguise an extension
// ("report\u202Efdp.exe" displays as "reportexe.pdf").
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows refuses in file names; replaced so a downloaded file saves everywhere.
const RESERVED_CHARACTERS = /[<>:"|?*]/g;

/**
 * A file name safe to store, show and put in Content-Disposition: the last path segment only (no
 * directories, so no traversal), without control or bidi characters, NFC-normalised, trimmed of spaces and
 * dots, at most LIBRARY_LIMITS.fileNameMax characters with the extension kept. Unicode (中文) is kept.
 * Returns null when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string | null {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = lastSegment.replace(UNSAFE_CHARACTERS, '').replace(RESERVED_CHARACTERS, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') return null;
  const characters = [...name];
  if (characters.length > LIBRARY_LIMITS.fileNameMax) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? [...name.slice(dot)] : [];
    const keep = extension.length < 20 ? extension : [];
    name =
      characters
        .slice(0, LIBRARY_LIMITS.fileNameMax - keep.length)
        .join('')
        .trimEnd() + keep.join('');
  }
  return name;
}

/** The lower-case extension of a file name ('' when there is none). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export type TagsResult = { ok: true; tags: string[] } | { ok: false; message: string };

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/**
 * Tags are trimmed, lower-cased, inner spaces become '-', duplicates dropped (first spelling order kept).
 * Letters (any script), digits, '.', '_' and '-' only; at most LIBRARY_LIMITS.tagsMax tags of
 * LIBRARY_LIMITS.tagMax characters.
 */
export function normaliseTags(input: readonly string[]): TagsResult {
  const tags: string[] = [];
  for (const raw of input) {
    const tag = raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '-');
    if (tag === '') continue;
    if ([...tag].length > LIBRARY_LIMITS.tagMax)
      return {
        ok: false,
        message: `each tag must be at most ${LIBRARY_LIMITS.tagMax} characters ("${tag.slice(0, 40)}")`,
      };
    if (!TAG_PATTERN.test(tag))
      return { ok: false, message: `tags may contain letters, digits, ".", "_" and "-" only ("${tag.slice(0, 40)}")` };
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > LIBRARY_LIMITS.tagsMax) return { ok: false, message: `at most ${LIBRARY_LIMITS.tagsMax} tags` };
  return { ok: true, tags };
}

/** Splits a comma-separated tag field (as sent by an upload form; also accepts ，；; and new lines). */
export function splitTags(text: string): string[] {
  return text.split(/[,;，；\n]/);
}

export type FileCheck =
  | { ok: true; kind: LibraryFileKind; contentType: string }
  | { ok: false; reason: 'extension' | 'content' | 'empty'; message: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function includesAscii(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// A zip names its entries in the local headers (from the start) and the central directory (at the end);
// looking at both ends is enough to recognise an office document without scanning megabytes.
const ZIP_WINDOW = 256 * 1024;

function zipNames(bytes: Uint8Array, name: string): boolean {
  if (bytes.length <= 2 * ZIP_WINDOW) return includesAscii(bytes, name);
  return (
    includesAscii(bytes.subarray(0, ZIP_WINDOW), name) || includesAscii(bytes.subarray(bytes.length - ZIP_WINDOW), name)
  );
}

const ODF_MIME: Partial<Record<LibraryFileKind, string>> = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const OOXML_PART: Partial<Record<LibraryFileKind, string>> = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' };

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false; // NUL: binary, whatever the decoder says
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function contentMatches(kind: LibraryFileKind, bytes: Uint8Array): boolean {
  switch (kind) {
    case 'pdf':
      return startsWith(bytes, PDF);
    case 'png':
      return startsWith(bytes, PNG);
    case 'jpeg':
      return startsWith(bytes, JPEG);
    case 'docx':
    case 'xlsx':
    case 'pptx':
      return (
        startsWith(bytes, ZIP) && zipNames(bytes, '[Content_Types].xml') && zipNames(bytes, OOXML_PART[kind] ?? '')
      );
    case 'odt':
    case 'ods':
    case 'odp':
      // ODF requires an uncompressed first entry "mimetype" holding the media type (offset 30 = after its header).
      return startsWith(bytes, ZIP) && startsWith(bytes, ascii(`mimetype${ODF_MIME[kind]}`), 30);
    case 'csv':
    case 'txt':
    case 'md':
      return isUtf8Text(bytes) && !startsWith(bytes, PDF) && !startsWith(bytes, ZIP);
  }
}

/**
 * Decides whether a file is accepted: its extension must be on the allow-list and its bytes must be what
 * the extension says (a renamed executable or an HTML page called ".pdf" is refused). Text kinds must be
 * UTF-8 without NUL bytes.
 */
export function checkLibraryFile(fileName: string, bytes: Uint8Array): FileCheck {
  const extension = fileExtension(fileName);
  const kind = LIBRARY_EXTENSIONS[extension];
  if (!kind) {
    const allowed = Object.keys(LIBRARY_EXTENSIONS).join(', ');
    return {
      ok: false,
      reason: 'extension',
      message: `file type ".${extension}" is not accepted (allowed: ${allowed})`,
    };
  }
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: 'file is empty' };
  if (!contentMatches(kind, bytes))
    return { ok: false, reason: 'content', message: `file content is not a valid .${extension} file` };
  return { ok: true, kind, contentType: LIBRARY_CONTENT_TYPES[kind] };
}

/**
 * Content-Disposition for a download: always `attachment` (never rendered inline), an ASCII fallback
 * `filename` and the exact UTF-8 name in `filename*` (RFC 6266 / RFC 5987).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
