/** The working-documents library: files of a working group (or of the project), each with its versions. */

/** The kinds of file the library accepts; each is checked by extension and by its first bytes. */
export type LibraryFileKind =
  'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'png' | 'jpeg' | 'csv' | 'txt' | 'md';

/** Extensions accepted, and the kind each must turn out to be. */
export const LIBRARY_EXTENSIONS: Readonly<Record<string, LibraryFileKind>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  csv: 'csv',
  txt: 'txt',
  md: 'md',
};

/**
 * fileNameMax: characters kept of a file name; descriptionMax: characters; tags: at most tagsMax, each
 * 1..tagMax characters; defaultMaxUploadMb: per file, unless LIBRARY_MAX_UPLOAD_MB says otherwise.
 */
export const LIBRARY_LIMITS = {
  fileNameMax: 200,
  descriptionMax: 2000,
  versionNoteMax: 500,
  tagsMax: 10,
  tagMax: 32,
  defaultMaxUploadMb: 25,
} as const;

export interface LibraryFileVersionDto {
  id: string;
  number: number;
  fileName: string;
  kind: LibraryFileKind;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes as stored (and served). */
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
  /** What the uploader says changed in this version; '' when none was given. */
  note: string;
}

export interface LibraryFileDto {
  id: string;
  projectId: string;
  /** null for project-level files (managed by the coordinators). */
  workingGroupId: string | null;
  workingGroupCode: string | null;
  /** The name given at the first upload: a new version keeps it (each version keeps its own file name). */
  name: string;
  description: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  uploadedBy: string | null;
  latest: LibraryFileVersionDto;
  versionCount: number;
  /** What the caller may do with it (the server checks again on every call). */
  canUpload: boolean;
  canEdit: boolean;
  canDelete: boolean;
}

export interface LibraryFileDetailDto extends LibraryFileDto {
  /** Newest first. */
  versions: LibraryFileVersionDto[];
  /** The size limit of a new version. */
  maxUploadBytes: number;
}

export interface LibraryTagCountDto {
  tag: string;
  count: number;
}

/** GET /api/projects/:id/library: the files (newest change first), the tags in use, and where the caller may upload. */
export interface LibraryListDto {
  files: LibraryFileDto[];
  tags: LibraryTagCountDto[];
  /** Working-group ids the caller may upload to; `null` in the list = the project level. */
  uploadTargets: Array<string | null>;
  maxUploadBytes: number;
}

export interface UpdateLibraryFileRequest {
  description?: string;
  tags?: string[];
}
