import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * Required text that is not blank and at most `max` characters: "<field> must be text", "<field> must not be
 * empty", then the length message (class-validator's own unless `maxMessage` is given; `$property` is the
 * field's name).
 */
export function NonBlankText(max: number, maxMessage?: string): PropertyDecorator {
  // In the order stacked decorators are applied (bottom first), so the messages keep the order they had.
  return applyDecorators(
    MaxLength(max, maxMessage === undefined ? undefined : { message: maxMessage }),
    Matches(/\S/, { message: '$property must not be empty' }),
    IsString({ message: '$property must be text' }),
  );
}
