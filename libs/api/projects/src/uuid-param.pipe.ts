import { Injectable, PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects a malformed id path parameter with a 400 naming it, instead of a database error. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly field = 'id',
    private readonly optional = false,
  ) {}

  transform(value: string): string {
    if (value === undefined && this.optional) return value;
    if (!UUID.test(value)) {
      throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${this.field}`, {
        fields: [{ field: this.field, code: 'isUuid', message: `${this.field} must be a UUID` }],
      });
    }
    return value;
  }
}
