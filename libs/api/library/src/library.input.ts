import { ErrorCode, LIBRARY_LIMITS, type FieldError, type LibraryFileKind } from '@roundtable/contracts';
import { checkLibraryFile, normaliseTags, sanitizeFileName, splitTags } from '@roundtable/domain';
import { ApiException, unsafeTextFields } from '@roundtable/api-platform';
import { config } from '@roundtable/api-config';
import { createHash } from 'crypto';
import type { LibraryRequest, UploadedBytes } from './library-upload';

/** Parsing what a library request carries: multipart fields, the uploaded bytes, list filters. Pure. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Largest accepted file in bytes (LIBRARY_MAX_UPLOAD_MB, default 25 MB); read on every upload. */
export function maxUploadBytes(): number {
  return Math.floor(config().libraryMaxUploadMb * 1024 * 1024);
}

/** Where an upload goes: a group's library, or the project's when `workingGroupId` is null. */
export interface LibraryTarget {
  projectId: string;
  workingGroupId: string | null;
  /** Set when the upload is a new version of this file. */
  fileId?: string;
}

export interface UploadInput {
  originalName: string;
  bytes: Buffer;
  /** Multipart text fields, unvalidated. */
  fields: Record<string, unknown>;
}

export interface ListQuery {
  q?: string;
  tag?: string;
  /** A group id, or 'project' for project-level files only. */
  workingGroupId?: string;
}

/** An upload that passed the name, type and magic-byte checks. */
export interface CheckedUpload {
  fileName: string;
  kind: LibraryFileKind;
  contentType: string;
  sha256: string;
}

/** The file and text fields of a multipart upload; 400 naming the field when the file is missing or text unsafe. */
export function uploadInput(file: UploadedBytes | undefined, request: LibraryRequest): UploadInput {
  if (!file) {
    throw new ApiException(ErrorCode.ValidationFailed, 'Invalid file', {
      fields: [
        { field: 'file', code: 'fileRequired', message: 'file is required (multipart/form-data, field "file")' },
      ],
    });
  }
  const fields = { ...((request.body as Record<string, unknown>) ?? {}) };
  // Multipart fields skip the validation pipe: the same text rule (no NUL, no lone surrogates) applies here.
  const unsafe = [...unsafeTextFields(fields), ...unsafeTextFields(file.originalname, 'file')];
  if (unsafe.length > 0)
    throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${unsafe.map((f) => f.field).join(', ')}`, {
      fields: unsafe,
    });
  return { originalName: file.originalname, bytes: file.buffer, fields };
}

/** The list's query string; 400 naming each bad parameter. */
export function listQuery(
  q: string | undefined,
  tag: string | undefined,
  workingGroupId: string | undefined,
): ListQuery {
  const fields: FieldError[] = [];
  if (workingGroupId !== undefined && workingGroupId !== 'project' && !UUID.test(workingGroupId)) {
    fields.push({
      field: 'workingGroupId',
      code: 'unknownWorkingGroup',
      message: 'workingGroupId must be a working group id or "project"',
    });
  }
  if (q !== undefined && (typeof q !== 'string' || q.length > 200))
    fields.push({ field: 'q', code: 'maxLength', params: { max: 200 }, message: 'q must be at most 200 characters' });
  if (tag !== undefined && (typeof tag !== 'string' || tag.length > LIBRARY_LIMITS.tagMax))
    fields.push({
      field: 'tag',
      code: 'maxLength',
      params: { max: LIBRARY_LIMITS.tagMax },
      message: `tag must be at most ${LIBRARY_LIMITS.tagMax} characters`,
    });
  if (fields.length > 0) throw new ApiException(ErrorCode.ValidationFailed, 'Invalid query', { fields });
  return { q, tag, workingGroupId };
}

/**
 * The multipart fields: description and tags belong to the file (first upload); a new version takes only
 * its note.
 */
export function metadataFields(
  fields: Record<string, unknown>,
  upload: 'file' | 'version',
): { description?: string; tags?: string[]; note?: string } {
  const errors: FieldError[] = [];
  const known = upload === 'file' ? ['description', 'tags'] : ['note'];
  for (const key of Object.keys(fields)) {
    if (!known.includes(key)) errors.push({ field: key, code: 'unknownField', message: `${key} is not expected here` });
  }
  let description: string | undefined;
  let tags: string[] | undefined;
  if (fields.description !== undefined && known.includes('description')) {
    if (typeof fields.description !== 'string')
      errors.push({ field: 'description', code: 'isString', message: 'description must be text' });
    else if ([...fields.description.trim()].length > LIBRARY_LIMITS.descriptionMax) {
      errors.push({
        field: 'description',
        code: 'maxLength',
        params: { max: LIBRARY_LIMITS.descriptionMax },
        message: `description must be at most ${LIBRARY_LIMITS.descriptionMax} characters`,
      });
    } else description = fields.description.trim();
  }
  if (fields.tags !== undefined && known.includes('tags')) {
    if (typeof fields.tags !== 'string')
      errors.push({ field: 'tags', code: 'isString', message: 'tags must be one comma-separated text field' });
    else {
      const result = normaliseTags(splitTags(fields.tags));
      if (result.ok) tags = result.tags;
      else errors.push({ field: 'tags', code: 'invalidTags', message: result.message });
    }
  }
  let note: string | undefined;
  if (fields.note !== undefined && known.includes('note')) {
    if (typeof fields.note !== 'string') errors.push({ field: 'note', code: 'isString', message: 'note must be text' });
    else if ([...fields.note.trim()].length > LIBRARY_LIMITS.versionNoteMax)
      errors.push({
        field: 'note',
        code: 'maxLength',
        params: { max: LIBRARY_LIMITS.versionNoteMax },
        message: `note must be at most ${LIBRARY_LIMITS.versionNoteMax} characters`,
      });
    else note = fields.note.trim();
  }
  if (errors.length > 0) {
    throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${errors.map((e) => e.field).join(', ')}`, {
      fields: errors,
    });
  }
  return { description, tags, note };
}

/** Name sanitised, type allowed by extension and magic bytes (415 otherwise), SHA-256 of the bytes. */
export function checkUpload(upload: UploadInput): CheckedUpload {
  const fileName = sanitizeFileName(upload.originalName);
  if (!fileName)
    throw new ApiException(ErrorCode.ValidationFailed, 'Invalid file', {
      fields: [{ field: 'file', code: 'fileRequired', message: 'file must have a name' }],
    });
  const check = checkLibraryFile(fileName, upload.bytes);
  if (!check.ok) {
    const code = check.reason === 'empty' ? ErrorCode.ValidationFailed : ErrorCode.UnsupportedFileType;
    throw new ApiException(code, check.message, {
      fields: [{ field: 'file', code: check.reason === 'empty' ? 'fileEmpty' : 'fileType', message: check.message }],
    });
  }
  return {
    fileName,
    kind: check.kind,
    contentType: check.contentType,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
  };
}

/** Tags of a JSON edit (a list), normalised; 400 naming `tags`. */
export function editedTags(tags: string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined;
  const result = normaliseTags(tags);
  if (!result.ok)
    throw new ApiException(ErrorCode.ValidationFailed, 'Invalid tags', {
      fields: [{ field: 'tags', code: 'invalidTags', message: result.message }],
    });
  return result.tags;
}
