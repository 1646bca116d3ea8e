import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, type ApiErrorBody } from '@roundtable/contracts';
import type { Request, Response } from 'express';
import { ApiException } from './api.exception';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyAttempts,
};

/** Turns every error into an ApiErrorBody. Unexpected errors are logged, never shown. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.url}`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    if (body.retryAfterSeconds) response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiErrorBody {
    if (exception instanceof ApiException) {
      return {
        statusCode: exception.getStatus(),
        code: exception.code,
        message: exception.message,
        ...exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      if (statusCode === 404 && !request.route) {
        return { statusCode, code: ErrorCode.RouteNotFound, message: `No route ${request.method} ${request.path}` };
      }
      // Body-parser errors (bad JSON, too large) arrive as HttpExceptions with client statuses.
      const code = CODE_BY_STATUS[statusCode] ?? (statusCode < 500 ? ErrorCode.ValidationFailed : ErrorCode.Internal);
      const message = statusCode < 500 ? exception.message : 'Something went wrong on our side.';
      // Nest maps body-parser's SyntaxError (bad JSON) and Express's URIError (bad %-encoding in the path)
      // to plain 400s; every 400 names what was wrong.
      if (statusCode === 400)
        return {
          statusCode,
          code,
          message,
          fields: [{ field: /^URI /.test(message) ? 'path' : 'body', code: 'invalidRequest', message }],
        };
      return { statusCode, code, message };
    }
    const status = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors from express middleware such as body-parser ("entity.parse.failed").
      const type = String((exception as { type?: unknown }).type ?? '');
      if (type === 'entity.too.large')
        return { statusCode: 413, code: ErrorCode.PayloadTooLarge, message: 'Request body is too large.' };
      return {
        statusCode: 400,
        code: ErrorCode.ValidationFailed,
        message: 'Request body is not valid JSON.',
        fields: [{ field: 'body', code: 'invalidJson', message: 'must be valid JSON' }],
      };
    }
    return { statusCode: 500, code: ErrorCode.Internal, message: 'Something went wrong on our side.' };
  }
}
