import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  MEETING_LIMITS,
  MEETING_TYPES,
  RSVP_RESPONSES,
  type AgendaItemInput,
  type CreateMeetingRequest,
  type FindTimeRequest,
  type MeetingType,
  type OccurrenceChangeRequest,
  type RsvpResponse,
} from '@roundtable/contracts';
import { PageQueryDto } from '@roundtable/api-platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DurationMinutesField,
  IsLocalDateTime,
  IsRRule,
  IsTimeZone,
  LocalDateTimeField,
  PersonIdsField,
  WorkingGroupIdField,
} from './meeting-field.validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AgendaItemDto implements AgendaItemInput {
  @ApiPropertyOptional({ description: 'Keep an existing item (decisions and action items refer to it).' })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @ApiProperty({ maxLength: MEETING_LIMITS.agendaTitleMax })
  @Transform(trim)
  @IsString({ message: 'title must be text' })
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(MEETING_LIMITS.agendaTitleMax, {
    message: `title must be at most ${MEETING_LIMITS.agendaTitleMax} characters`,
  })
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'presenterPersonId must be a UUID' })
  presenterPersonId?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt({ message: 'minutesAllotted must be a whole number of minutes' })
  @Min(1, { message: 'minutesAllotted must be at least 1' })
  @Max(600, { message: 'minutesAllotted must be at most 600' })
  minutesAllotted?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'documentIds must be a list' })
  @ArrayMaxSize(20, { message: 'documentIds may hold at most 20 documents' })
  @IsUUID('all', { each: true, message: 'documentIds must hold document ids' })
  documentIds?: string[];
}

/**
 * The four fields a new meeting needs and a change may leave out. Declared once per DTO rather than
 * inherited: class-validator keeps a parent's @IsOptional on a redeclared property, which once let `{}`
 * through the create route.
 */
function MeetingCore(field: 'type' | 'title' | 'start' | 'timeZone', optional: boolean): PropertyDecorator {
  const rules: Record<typeof field, { doc: ApiPropertyOptions; validators: PropertyDecorator[] }> = {
    type: {
      doc: { enum: MEETING_TYPES },
      validators: [IsIn(MEETING_TYPES, { message: `type must be one of: ${MEETING_TYPES.join(', ')}` })],
    },
    title: {
      doc: { maxLength: MEETING_LIMITS.titleMax },
      validators: [
        Transform(trim),
        IsString({ message: 'title must be text' }),
        Matches(/\S/, { message: 'title must not be empty' }),
        MaxLength(MEETING_LIMITS.titleMax, { message: `title must be at most ${MEETING_LIMITS.titleMax} characters` }),
      ],
    },
    start: {
      doc: { example: '2026-03-10T10:00', description: 'Local start in timeZone.' },
      validators: [IsLocalDateTime('start', '2026-03-10T10:00')],
    },
    timeZone: { doc: { example: 'Europe/Rome' }, validators: [IsTimeZone()] },
  };
  const { doc, validators } = rules[field];
  return applyDecorators(
    optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(optional ? [IsOptional()] : []),
    ...validators,
  );
}

class MeetingFieldsDto {
  @ApiPropertyOptional({ maxLength: MEETING_LIMITS.descriptionMax })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(MEETING_LIMITS.descriptionMax, {
    message: `description must be at most ${MEETING_LIMITS.descriptionMax} characters`,
  })
  description?: string;

  @LocalDateTimeField('end', '2026-03-10T11:30', 'Local end in timeZone; an alternative to durationMinutes.', true)
  end?: string;

  @DurationMinutesField({ minimum: 1, maximum: MEETING_LIMITS.durationMax })
  durationMinutes?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'onlineUrl must be text' })
  @Matches(/^https?:\/\/\S+$/, { message: 'onlineUrl must be an http(s) link' })
  @MaxLength(MEETING_LIMITS.urlMax, { message: `onlineUrl must be at most ${MEETING_LIMITS.urlMax} characters` })
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    example: 1440,
    description: 'Minutes before each occurrence that invitees are reminded (default 1440 = 24 h; 0: no reminder).',
  })
  @IsOptional()
  @IsInt({ message: 'reminderMinutesBefore must be a whole number of minutes' })
  @Min(0, { message: 'reminderMinutesBefore must not be negative' })
  @Max(MEETING_LIMITS.reminderMax, {
    message: `reminderMinutesBefore must be at most ${MEETING_LIMITS.reminderMax} (two weeks)`,
  })
  reminderMinutesBefore?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'place must be text' })
  @MaxLength(MEETING_LIMITS.placeMax, { message: `place must be at most ${MEETING_LIMITS.placeMax} characters` })
  place?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=10' })
  @IsOptional()
  @IsRRule()
  rrule?: string | null;

  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @IsOptional()
  @IsArray({ message: 'agenda must be a list' })
  @ArrayMaxSize(MEETING_LIMITS.agendaMax, { message: `agenda may hold at most ${MEETING_LIMITS.agendaMax} items` })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];

  @PersonIdsField('inviteePersonIds', 500, true, 'Default: the working group’s members.')
  inviteePersonIds?: string[];
}

export class CreateMeetingDto extends MeetingFieldsDto implements Omit<CreateMeetingRequest, 'durationMinutes'> {
  @WorkingGroupIdField('The group, for a WG meeting; none for a project event.')
  workingGroupId?: string | null;

  @MeetingCore('type', false)
  type!: MeetingType;

  @MeetingCore('title', false)
  title!: string;

  @MeetingCore('start', false)
  start!: string;

  @MeetingCore('timeZone', false)
  timeZone!: string;
}

export class UpdateMeetingDto extends MeetingFieldsDto {
  @MeetingCore('type', true)
  type?: MeetingType;

  @MeetingCore('title', true)
  title?: string;

  @MeetingCore('start', true)
  start?: string;

  @MeetingCore('timeZone', true)
  timeZone?: string;
}

export class OccurrenceChangeDto implements OccurrenceChangeRequest {
  @LocalDateTimeField('start', '2026-04-15T14:00', 'New local start in the meeting’s zone.', true)
  start?: string;

  @DurationMinutesField({ minimum: 1 })
  durationMinutes?: number;
}

export class RsvpDto {
  @ApiProperty({ enum: RSVP_RESPONSES })
  @IsIn(RSVP_RESPONSES, { message: `response must be one of: ${RSVP_RESPONSES.join(', ')}` })
  response!: RsvpResponse;
}

export class AttendanceDto {
  @ApiProperty({ description: 'The occurrence’s original start (ISO 8601).' })
  @IsString({ message: 'occurrenceStart must be an ISO 8601 instant' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, {
    message: 'occurrenceStart must be an ISO 8601 UTC instant',
  })
  occurrenceStart!: string;

  @PersonIdsField('personIds', 500, false)
  personIds!: string[];
}

export class FindTimeDto implements FindTimeRequest {
  @WorkingGroupIdField()
  workingGroupId?: string | null;

  @PersonIdsField('personIds', 200, true, 'Default: the working group’s members.')
  personIds?: string[];

  @ApiProperty({ minimum: 15 })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(15, { message: 'durationMinutes must be at least 15' })
  @Max(12 * 60, { message: 'durationMinutes must be at most 720' })
  durationMinutes!: number;

  @ApiProperty({ example: '2026-03-09' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date like 2026-03-09' })
  from!: string;

  @ApiProperty({ minimum: 1, maximum: MEETING_LIMITS.findTimeDaysMax })
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MEETING_LIMITS.findTimeDaysMax, { message: `days must be at most ${MEETING_LIMITS.findTimeDaysMax}` })
  days!: number;
}

export class WorkingHoursBodyDto {
  @ApiProperty({ example: '08:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'workStart must be a time like 08:00' })
  workStart!: string;

  @ApiProperty({ example: '20:00' })
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'workEnd must be a time like 20:00' })
  workEnd!: string;
}

/** The meetings list's query: a page (ADR 029), optionally of one working group. */
export class MeetingListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a UUID' })
  workingGroupId?: string;
}
