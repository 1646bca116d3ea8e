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

/**
 * Every field-error code the API sends (ADR 044): the class-validator constraints our DTOs use, then our own
 * rules. The web app says each as `validation.<code>` in the reader's language; the catalog test checks that
 * each has a sentence in every language, and that the API's sources use no other.
 */
export const FIELD_ERROR_CODES = [
  // class-validator constraints (the validation pipe passes their names on)
  'isIso8601',
  'isTimeZone',
  'isUuid',
  'isEmail',
  'isString',
  'isNotEmpty',
  'isDefined',
  'maxLength',
  'minLength',
  'isLength',
  'isIn',
  'isEnum',
  'min',
  'max',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'arrayMaxSize',
  'arrayMinSize',
  'arrayNotEmpty',
  'arrayUnique',
  'matches',
  'isObject',
  'equals',
  // our rules
  'currentPasswordWrong',
  'passwordTooShort',
  'passwordTooLong',
  'passwordRepeated',
  'passwordHasEmail',
  'passwordCommon',
  'isZonedDateTime',
  'isCalendarDate',
  'timeZone',
  'isRRule',
  'isCountryCode',
  'countryCode',
  'notNull',
  'isRelativePosition',
  'unsafeText',
  'tooDeep',
  'unknownField',
  'unknownPerson',
  'coChairSuccessorRequired',
  'coChairSuccessorRegion',
  'successorIsSelf',
  'handoverNotNeeded',
  'successorOrVacancy',
  'vacancyCoordinatorOnly',
  'coChairRegionChange',
  'leftOnRange',
  'roleOrLeftOn',
  'termEndsOnRange',
  'codeTaken',
  'unknownPartner',
  'duplicate',
  'shortNameTaken',
  'countryRequired',
  'contentType',
  'durationOrEnd',
  'endBeforeStart',
  'fileEmpty',
  'fileRequired',
  'fileTooLarge',
  'fileType',
  'illegalTransition',
  'inFuture',
  'invalidJson',
  'invalidRequest',
  'invalidTags',
  'meetingTooLong',
  'nonexistentLocalTime',
  'notAnOccurrence',
  'notInvited',
  'notInvitedPeople',
  'notPreferredGroup',
  'occurrenceCancelled',
  'pageLimit',
  'peopleOrGroup',
  'sharesSum',
  'startNotInRule',
  'startOrDuration',
  'taken',
  'tooManyOccurrences',
  'unknownAgendaItem',
  'unknownDocument',
  'unknownVersion',
  'unknownWorkingGroup',
  'untilBeforeStart',
  'wgMeetingType',
  'workingGroupRequired',
  'projectMonth',
  'deliverablesOnly',
  'unknownTask',
  'reasonRequired',
  'milestoneNoStatus',
  'unchanged',
  'invalidOffsets',
  'unknownWorkPackage',
  'versionRequired',
  'alreadyMember',
  'alreadyInvited',
  'invitationForAnotherAccount',
  'coChairElsewhere',
  'coChairSeatTaken',
  'coChairTwoOnly',
  'unknownThread',
  'exactlyOneSelection',
  'referencesUnreadable',
  'referencesEmpty',
  'referencesTooMany',
  'doiMissing',
  'quoteAndStart',
  'quoteMismatch',
  'unknownQuestion',
  'scaleRange',
  'unknownComment',
  'duplicateOnly',
  'consentRequired',
  'yearsOrHorizon',
  'endYearNeedsStart',
  'unknownRecommendation',
  'recommendationOrReason',
  'unknownAction',
  'dependencyCycle',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  field: string;
  /** English, for API clients and logs; people see the translation of `code` when the web app knows it. */
  message: string;
  /**
   * What is wrong, for translation: a class-validator constraint (`isUuid`, `isIso8601`, `maxLength`, …) or
   * a rule of ours (`coChairSuccessorRequired`, …). The web app's catalogs hold `validation.<code>`.
   */
  code: FieldErrorCode;
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
