import { HttpException } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@roundtable/contracts';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.RouteNotFound]: 404,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedFileType]: 415,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.CrossOriginRefused]: 403,
  [ErrorCode.TooManyAttempts]: 429,
  [ErrorCode.Internal]: 500,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.CoChairRule]: 409,
  [ErrorCode.ConflictOfInterest]: 409,
  [ErrorCode.InvitationExpired]: 410,
  [ErrorCode.InvitationUsed]: 409,
  [ErrorCode.InvitationEmailMismatch]: 403,
  [ErrorCode.CallClosed]: 410,
  [ErrorCode.ConfirmationExpired]: 410,
  [ErrorCode.ConfirmationUsed]: 409,
  [ErrorCode.IllegalTransition]: 409,
  [ErrorCode.DocumentLocked]: 409,
  [ErrorCode.NotInvited]: 403,
  [ErrorCode.MeetingCancelled]: 409,
  [ErrorCode.ResetLinkInvalid]: 410,
  [ErrorCode.PdfRendererUnavailable]: 503,
};

/** The one exception features throw for user-facing failures; ApiExceptionFilter renders it. */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message, STATUS_BY_CODE[code]);
  }
}
