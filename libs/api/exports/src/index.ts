export * from './export.model';
export * from './document-export.entity';
export * from './exports.module';
export { renderDocx, DOCX_NODES, DOCX_EAST_ASIAN_FONT, type DocxNodeRenderer } from './export-docx.renderer';
export { renderHtml } from './export-html.renderer';
export { renderMarkdown } from './export-markdown.renderer';
export { PdfRenderer, PdfRendererUnavailableError } from './export-pdf.renderer';
export { evictExportCache, EXPORT_CACHE_LIMITS, type ExportCacheLimits } from './export-cache';
export { PublicationAuthorsCommand } from './publishing/publication-authors.command';
