import type { Response } from 'express';
import { attachmentDisposition } from '@roundtable/domain';
import type { FileBytes } from './library.queries';

/**
 * No virus scanner runs here (ADR 012), so a download can never become active content: always an
 * attachment, the type fixed by the server from the checked kind, no sniffing, a sandboxing CSP.
 */
export function sendAttachment(response: Response, file: FileBytes): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Length', String(file.bytes.length));
  response.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('ETag', `"${file.sha256}"`);
  response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
  response.status(200).end(file.bytes);
}

/**
 * A figure's image shown in the editor (ADR 038): inline, but only a checked PNG or JPEG, never sniffed, in a
 * sandbox, kept by the member's browser only (a version's bytes never change).
 */
export function sendImage(response: Response, file: FileBytes): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Length', String(file.bytes.length));
  response.setHeader('Content-Disposition', 'inline');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  response.setHeader('Cache-Control', 'private, max-age=3600');
  response.setHeader('ETag', `"${file.sha256}"`);
  response.status(200).end(file.bytes);
}
