import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** A non-empty list of at most 50 distinct working group ids (a call's groups, an applicant's preferences). */
export function WorkingGroupIdList(): PropertyDecorator {
  // In the order stacked decorators are applied (bottom first), so the messages keep the order they had.
  return applyDecorators(
    IsUUID('all', { each: true, message: '$property must contain only UUIDs' }),
    ArrayUnique(undefined, { message: '$property must not repeat a working group' }),
    ArrayMaxSize(50, { message: '$property must name at most 50 working groups' }),
    ArrayNotEmpty({ message: '$property must name at least one working group' }),
    IsArray({ message: '$property must be an array of working group ids' }),
  );
}
