import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@roundtable/contracts';
import { ApiException } from './api.exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Validates DTOs, rejects unknown fields, and names every bad field in a 400. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ApiException(
        ErrorCode.ValidationFailed,
        `Invalid ${fields.map((f) => f.field).filter((f, i, all) => all.indexOf(f) === i).join(', ')}`,
        { fields },
      );
    },
  });
}
