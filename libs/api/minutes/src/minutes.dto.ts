import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MINUTES_LIMITS,
  type ActionItemRequest,
  type ActionItemUpdateRequest,
  type ActionStatusDto,
  type CirculateMinutesRequest,
  type DecisionRequest,
  type StartMinutesRequest,
} from '@roundtable/contracts';
import { ACTION_STATUSES, isCalendarDate } from '@roundtable/domain';
import { PageQueryDto } from '@roundtable/api-platform';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => value === null || (typeof value === 'string' && isCalendarDate(value)),
      defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'date'} must be a calendar date YYYY-MM-DD`,
    },
  });
}

/** Trimmed, non-blank text of a decision or action item, within the limit. */
function MinutesText(): PropertyDecorator {
  // Listed in the order stacked decorators are applied (bottom first), so the messages keep their order.
  return applyDecorators(
    MaxLength(MINUTES_LIMITS.textMax, { message: `text must be at most ${MINUTES_LIMITS.textMax} characters` }),
    Matches(/\S/, { message: 'text must not be empty' }),
    IsString({ message: 'text must be text' }),
    Transform(trim),
  );
}

export class StartMinutesDto implements StartMinutesRequest {
  @ApiProperty({ description: 'The occurrence’s original start (ISO), as listed in the meeting’s occurrences.' })
  @IsISO8601({ strict: true }, { message: 'occurrenceStart must be an ISO date-time' })
  occurrenceStart!: string;
}

export class CirculateMinutesDto implements CirculateMinutesRequest {
  @ApiPropertyOptional({
    minimum: MINUTES_LIMITS.commentDaysMin,
    maximum: MINUTES_LIMITS.commentDaysMax,
    default: MINUTES_LIMITS.commentDaysDefault,
  })
  @IsOptional()
  @IsInt({ message: 'commentDays must be a whole number of days' })
  @Min(MINUTES_LIMITS.commentDaysMin, { message: `commentDays must be at least ${MINUTES_LIMITS.commentDaysMin}` })
  @Max(MINUTES_LIMITS.commentDaysMax, { message: `commentDays must be at most ${MINUTES_LIMITS.commentDaysMax}` })
  commentDays?: number;
}

export class DecisionBodyDto implements DecisionRequest {
  @ApiProperty({ maxLength: MINUTES_LIMITS.textMax })
  @MinutesText()
  text!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string | null;
}

export class ActionItemBodyDto implements ActionItemRequest {
  @ApiProperty({ maxLength: MINUTES_LIMITS.textMax })
  @MinutesText()
  text!: string;

  @ApiProperty()
  @IsUUID('all', { message: 'ownerPersonId must be a UUID' })
  ownerPersonId!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2021-04-30' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string | null;
}

export class ActionItemUpdateDto implements ActionItemUpdateRequest {
  @ApiPropertyOptional({ maxLength: MINUTES_LIMITS.textMax })
  @IsOptional()
  @MinutesText()
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'ownerPersonId must be a UUID' })
  ownerPersonId?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string | null;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES as ActionStatusDto[], { message: `status must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatusDto;
}

/** The archive's query: a page (ADR 029) and the search. */
export class ArchiveQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @MaxLength(MINUTES_LIMITS.searchMax, { message: `q must be at most ${MINUTES_LIMITS.searchMax} characters` })
  q?: string;

  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a UUID' })
  workingGroupId?: string;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** Open actions carried into an occurrence: a page (ADR 029), the occurrence starting at `before`. */
export class OpenActionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsString({ message: 'before must be an ISO date-time' })
  before?: string;
}
