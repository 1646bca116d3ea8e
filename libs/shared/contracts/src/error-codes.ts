/** Error codes the API returns in `{ code }`; the web app maps each to a translated message. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedFileType: 'UNSUPPORTED_FILE_TYPE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  CrossOriginRefused: 'CROSS_ORIGIN_REFUSED',
  DatabaseUnavailable: 'DATABASE_UNAVAILABLE',
  Conflict: 'CONFLICT',
  CoChairRule: 'CO_CHAIR_RULE',
  /** The reviewer declared a conflict of interest with this application: no review or decision from them. */
  ConflictOfInterest: 'CONFLICT_OF_INTEREST',
  InvitationExpired: 'INVITATION_EXPIRED',
  InvitationUsed: 'INVITATION_USED',
  InvitationEmailMismatch: 'INVITATION_EMAIL_MISMATCH',
  CallClosed: 'CALL_CLOSED',
  ConfirmationExpired: 'CONFIRMATION_EXPIRED',
  ConfirmationUsed: 'CONFIRMATION_USED',
  IllegalTransition: 'ILLEGAL_TRANSITION',
  DocumentLocked: 'DOCUMENT_LOCKED',
  NotInvited: 'NOT_INVITED',
  MeetingCancelled: 'MEETING_CANCELLED',
  /** A password reset link that is unknown, used or expired. */
  ResetLinkInvalid: 'RESET_LINK_INVALID',
  /** No Chromium on the server: PDF exports cannot be made (the other formats can). */
  PdfRendererUnavailable: 'PDF_RENDERER_UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  field: string;
  /** English, for API clients and logs; people see the translation of `code` when the web app knows it. */
  message: string;
  /**
   * What is wrong, for translation: a class-validator constraint (`isUuid`, `isIso8601`, `maxLength`, …) or
   * a rule of ours (`coChairSuccessorRequired`, …). The web app's catalogs hold `validation.<code>`.
   */
  code?: string;
  /** Values the translated sentence needs (`max`, `min`, `allowed`, …). */
  params?: Record<string, string | number>;
}

/** Body of every non-2xx JSON response. Never carries a stack trace. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  retryAfterSeconds?: number;
}
