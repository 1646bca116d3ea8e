import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { MEETING_LIMITS } from '@roundtable/contracts';
import { isTimeZone, parseRRule } from '@roundtable/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';

/**
 * Field rules the meeting DTOs share, each declared once with its OpenAPI description and its messages (which
 * name the field, as the 400 answer must).
 */

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * Decorators in the order they would be written above a property. (Written above a property they apply bottom
 * up, applyDecorators top down; keeping the stacked order keeps the order of the messages in a 400.)
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}

/** The OpenAPI entry, with IsOptional when the field may be left out. */
function documented(doc: ApiPropertyOptions, optional: boolean): PropertyDecorator[] {
  return optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)];
}

export function IsTimeZone(): PropertyDecorator {
  return ValidateBy({
    name: 'isTimeZone',
    validator: {
      validate: (value: unknown) => isTimeZone(value),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property ?? 'timeZone'} must be an IANA time zone such as Europe/Rome or Asia/Shanghai`,
    },
  });
}

/** The RRULE subset; the message says what is wrong ("FREQ=DAILY is not supported"). */
export function IsRRule(): PropertyDecorator {
  return ValidateBy({
    name: 'isRRule',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseRRule(value).ok,
      defaultMessage: (args?: ValidationArguments) => {
        if (typeof args?.value !== 'string') return 'rrule must be text such as FREQ=MONTHLY;BYDAY=2TU;COUNT=10';
        const parsed = parseRRule(args.value);
        return parsed.ok ? '' : parsed.errors.map((e) => e.message).join('; ');
      },
    },
  });
}

/** A local wall time such as 2026-03-10T10:00 (the zone is another field); `example` shows in the message. */
export function IsLocalDateTime(field: string, example: string): PropertyDecorator {
  return Matches(LOCAL_DATE_TIME, { message: `${field} must be a local date and time like ${example}` });
}

export function LocalDateTimeField(
  field: string,
  example: string,
  description: string,
  optional: boolean,
): PropertyDecorator {
  return stacked(...documented({ example, description }, optional), IsLocalDateTime(field, example));
}

/** An optional length in whole minutes, at most one day. */
export function DurationMinutesField(doc: ApiPropertyOptions): PropertyDecorator {
  return stacked(
    ApiPropertyOptional(doc),
    IsOptional(),
    IsInt({ message: 'durationMinutes must be a whole number of minutes' }),
    Min(1, { message: 'durationMinutes must be positive' }),
    Max(MEETING_LIMITS.durationMax, {
      message: `durationMinutes must be at most ${MEETING_LIMITS.durationMax} (one day)`,
    }),
  );
}

/** A list of person ids. */
export function PersonIdsField(field: string, max: number, optional: boolean, description?: string): PropertyDecorator {
  return stacked(
    ...documented({ type: [String], ...(description ? { description } : {}) }, optional),
    IsArray({ message: `${field} must be a list` }),
    ArrayMaxSize(max, { message: `${field} may hold at most ${max} people` }),
    IsUUID('all', { each: true, message: `${field} must hold person ids` }),
  );
}

/** An optional, nullable working group id. */
export function WorkingGroupIdField(description?: string): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ type: String, nullable: true, ...(description ? { description } : {}) }),
    IsOptional(),
    IsUUID('all', { message: 'workingGroupId must be a UUID' }),
  );
}
