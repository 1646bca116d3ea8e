import {
  applyDecorators,
  BadRequestException,
  CallHandler,
  CanActivate,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  UseGuards,
  UseInterceptors,
  type Type,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, type ApiBodyOptions } from '@nestjs/swagger';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { ErrorCode } from '@roundtable/contracts';
import { AcceptsUpload, ApiException, type Authorisation } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import type { Request, Response } from 'express';
import { catchError, type Observable } from 'rxjs';
import { maxUploadBytes, type LibraryTarget } from './library.input';

/** The part of multer's file object the library reads (multer keeps it in memory, at most the limit). */
export interface UploadedBytes {
  originalname: string;
  buffer: Buffer;
}

/** What the upload guard leaves on the request for the handler. */
export type LibraryRequest = Request & {
  libraryTarget?: LibraryTarget;
  user?: AuthenticatedUser;
  authorisation?: Authorisation;
};

// Room for the multipart envelope and the text fields around the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(): ApiException {
  const message = `file must be at most ${megabytes(maxUploadBytes())}`;
  return new ApiException(ErrorCode.PayloadTooLarge, message, {
    fields: [{ field: 'file', code: 'fileTooLarge', params: { max: megabytes(maxUploadBytes()) }, message }],
  });
}

/**
 * Runs before the body is read and after PolicyGuard has checked 'library.upload' on the target (404 / 403):
 * names the target for the handler, and refuses a request whose declared length is already over the limit
 * (413) without reading it.
 */
@Injectable()
export class LibraryUploadGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<LibraryRequest>();
    const resource = request.authorisation?.resource;
    if (!resource) return false;
    const { groupId, fileId } = request.params as Record<string, string | undefined>;
    request.libraryTarget = fileId
      ? (resource.entity as LibraryTarget)
      : { projectId: resource.ref.projectId, workingGroupId: groupId ?? null };
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxUploadBytes() + MULTIPART_OVERHEAD_BYTES) {
      // The client is told at once, and the connection closes after the answer instead of reading the rest.
      context.switchToHttp().getResponse<Response>().setHeader('Connection', 'close');
      throw tooLarge();
    }
    return true;
  }
}

/** Turns multer's errors into the API's: 413 naming `file` with the limit, 400 naming the part. */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PayloadTooLargeException) throw tooLarge();
        if (error instanceof BadRequestException && !(error instanceof ApiException)) {
          throw new ApiException(ErrorCode.ValidationFailed, `Invalid upload: ${error.message}`, {
            fields: [
              {
                field: 'file',
                code: 'fileRequired',
                message: `send one file in the multipart field "file" (${error.message})`,
              },
            ],
          });
        }
        throw error;
      }),
    );
  }
}

/**
 * multer (bundled with @nestjs/platform-express) with memory storage: busboy stops reading a file at the
 * limit, so at most the limit is ever held in memory. The limit is read per request (multer ≥ 2.4 takes a
 * function), names are decoded as UTF-8 (multer's default is Latin-1, which garbles 中文 names).
 */
export const LibraryFileInterceptor: Type<NestInterceptor> = FileInterceptor('file', {
  limits: (() => ({
    fileSize: maxUploadBytes(),
    files: 1,
    fields: 4,
    fieldSize: 16 * 1024,
    parts: 6,
  })) as unknown as MulterOptions['limits'],
  defParamCharset: 'utf8',
});

/**
 * A multipart upload route: multipart accepted here only, the size and target checked before the body is
 * read, then multer in memory up to the limit, its errors turned into our 4xx.
 */
export function LibraryUpload(body: ApiBodyOptions): MethodDecorator {
  return applyDecorators(
    AcceptsUpload(),
    UseGuards(LibraryUploadGuard),
    UseInterceptors(UploadErrorsInterceptor, LibraryFileInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody(body),
  );
}
