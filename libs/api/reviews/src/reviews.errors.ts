import { ApiException } from '@roundtable/api-platform';
import { ErrorCode, type FieldErrorCode } from '@roundtable/contracts';

/** A 400 naming the field, with its code for translation (ADR 044). */
export function invalid(
  field: string,
  code: FieldErrorCode,
  message: string,
  params?: Record<string, string | number>,
): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, {
    fields: [{ field, code, message, ...(params ? { params } : {}) }],
  });
}
