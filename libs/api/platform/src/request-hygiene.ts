import { config } from '@roundtable/api-config';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, type ApiErrorBody } from '@roundtable/contracts';
import type { IncomingHttpHeaders } from 'http';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { isAllowedOrigin } from './allowed-origins';
import { ApiException } from './api.exception';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a request comes from one of our own pages, or from no browser page at all. Browsers send Origin
 * on every POST/PUT/PATCH/DELETE they make (fetch and forms); when it is missing we look at Referer, then
 * Sec-Fetch-Site. A request with none of the three is not from a browser (curl, scripts, tests): a
 * cross-site page cannot strip all three, so it passes (ADR: request hygiene).
 */
export function isSameSiteRequest(headers: IncomingHttpHeaders, publicUrl: string | undefined): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return isAllowedOrigin(origin, headers.host, publicUrl);
  const referer = headers.referer;
  if (referer) {
    try {
      return isAllowedOrigin(new URL(referer).origin, headers.host, publicUrl);
    } catch {
      return false;
    }
  }
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Express middleware: refuses state-changing requests from other sites with 403, before the session is read. */
export function originCheck(publicUrl: string | undefined = config().publicUrl ?? undefined) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!STATE_CHANGING.has(request.method) || isSameSiteRequest(request.headers, publicUrl)) return next();
    const body: ApiErrorBody = {
      statusCode: 403,
      code: ErrorCode.CrossOriginRefused,
      message: 'This request came from another site and was refused.',
    };
    response.status(403).json(body);
  };
}

export interface SecurityHeaderOptions {
  /** Send Strict-Transport-Security (COOKIE_SECURE=true: the site is only served over HTTPS). */
  hsts: boolean;
}

/**
 * The Content-Security-Policy of every response. The app loads nothing from elsewhere, so everything is
 * 'self'; scripts never run inline. Styles allow 'unsafe-inline' because Tiptap injects its stylesheet as a
 * <style> element and the collaboration carets colour themselves with style attributes (no script runs from CSS).
 * WebSockets to the same host are listed explicitly: older browsers do not count ws(s): as 'self'.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sameHostSockets = host && /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sameHostSockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Express middleware: security headers on every response (API, web app, static files, docs). */
export function securityHeaders(options: SecurityHeaderOptions) {
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(request.headers.host));
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (options.hsts) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

export const ACCEPTS_UPLOAD = 'roundtable:acceptsUpload';
/** Marks a handler that takes multipart/form-data (file uploads); every other handler takes JSON only. */
export const AcceptsUpload = () => SetMetadata(ACCEPTS_UPLOAD, true);

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaType(request: Request): string {
  return String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

/**
 * Refuses a request body that is not JSON with 415 (multipart only where a handler declares @AcceptsUpload).
 * Forms (urlencoded, multipart, text/plain) are what another site can post without CORS, so JSON routes
 * must not take them even if the origin check were bypassed.
 */
@Injectable()
export class JsonBodyOnlyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (hasBody(request)) {
      const type = mediaType(request);
      const upload = this.reflector.getAllAndOverride<boolean>(ACCEPTS_UPLOAD, [
        context.getHandler(),
        context.getClass(),
      ]);
      const accepted = upload ? type === 'multipart/form-data' : type === 'application/json';
      if (!accepted) {
        throw new ApiException(
          ErrorCode.UnsupportedMediaType,
          `Content-Type must be ${upload ? 'multipart/form-data' : 'application/json'}${type ? `, not ${type}` : ''}.`,
          {
            fields: [
              {
                field: 'body',
                code: 'contentType',
                message: `must be sent as ${upload ? 'multipart/form-data' : 'application/json'}`,
              },
            ],
          },
        );
      }
    }
    return next.handle();
  }
}
