import type { JSONContent } from '@tiptap/core';

import type { ExportFormat } from '@roundtable/contracts';

/**
 * Bumped whenever a renderer's output changes for the same input, so cached files of an older renderer are
 * never served again (it is part of the cache key).
 */
export const EXPORT_RENDERER_VERSION = 'r4';

/** The cover block and running title: where the paper comes from. */
export interface ExportCover {
  title: string;
  project: string;
  workingGroup: string | null;
  /** "D2.2 · M24" when the document is linked to a deliverable. */
  deliverable: string | null;
  /** "Current draft" or the version's name / kind. */
  version: string;
  /** YYYY-MM-DD: the version's day, or today's for the current draft. */
  date: string;
}

export interface ExportComment {
  author: string;
  /** ISO timestamp. */
  date: string;
  body: string;
}

/** An open comment thread, anchored by the text it was made on (found again in the exported content). */
export interface ExportThread {
  anchorText: string;
  comments: ExportComment[];
}

/** Everything a renderer reads; renderers are pure functions of it (no clock, no I/O but fonts). */
export interface ExportSource {
  documentId: string;
  versionId: string | null;
  cover: ExportCover;
  /** The content as editor JSON of the shared schema (what the schema does not know is already dropped). */
  content: JSONContent;
  /** The content rendered to HTML by the shared schema's own serializer (the browser's schema). */
  html: string;
  threads: ExportThread[];
  /** Author and time of each suggestion (track changes, ADR 040) by the id its marks carry; DOCX writes them. */
  suggestions: Record<string, { author: string; date: string }>;
  /**
   * Figure images by `figureKey(fileId, versionId)`: only PNG/JPEG versions of the document's own project
   * library (ADR 038). A figure whose image is not here is exported with its caption and no image.
   */
  figures?: Record<string, ExportImage>;
}

/** A figure's image as the renderers embed it. */
export interface ExportImage {
  contentType: 'image/png' | 'image/jpeg';
  bytes: Buffer;
  /** Pixels, from the file's header. */
  width: number;
  height: number;
}

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};
