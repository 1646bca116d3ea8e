import { ErrorCode, type FieldError } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';

/** 400 naming each field, in the shared error format. */
export const badRequest = (fields: FieldError[]) =>
  new ApiException(ErrorCode.ValidationFailed, `Invalid ${[...new Set(fields.map((f) => f.field))].join(', ')}`, {
    fields,
  });
