import { PageQueryDto } from '@roundtable/api-platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
  isISO8601,
  type ValidationOptions,
} from 'class-validator';
import type { Bilingual, CreateExpertCallRequest } from '@roundtable/contracts';
import { WorkingGroupIdList } from './open-call.validators';
import { trimmed } from './trim.transform';

export const CALL_TITLE_MAX = 200;
export const CALL_TEXT_MAX = 5000;

export class BilingualTitleDto implements Bilingual {
  @ApiProperty({ maxLength: CALL_TITLE_MAX })
  @trimmed()
  @IsString({ message: '$property must be a string' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(CALL_TITLE_MAX, { message: `$property must be at most ${CALL_TITLE_MAX} characters` })
  en!: string;

  @ApiProperty({ maxLength: CALL_TITLE_MAX })
  @trimmed()
  @IsString({ message: '$property must be a string' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(CALL_TITLE_MAX, { message: `$property must be at most ${CALL_TITLE_MAX} characters` })
  zh!: string;
}

export class BilingualTextDto implements Bilingual {
  @ApiProperty({ maxLength: CALL_TEXT_MAX })
  @trimmed()
  @IsString({ message: '$property must be a string' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(CALL_TEXT_MAX, { message: `$property must be at most ${CALL_TEXT_MAX} characters` })
  en!: string;

  @ApiProperty({ maxLength: CALL_TEXT_MAX })
  @trimmed()
  @IsString({ message: '$property must be a string' })
  @MinLength(1, { message: '$property must not be empty' })
  @MaxLength(CALL_TEXT_MAX, { message: `$property must be at most ${CALL_TEXT_MAX} characters` })
  zh!: string;
}

/** An ISO 8601 date-time with a time and an offset or Z. "Later than now" is checked by the service against the Clock. */
export function IsZonedDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isZonedDateTime',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          isISO8601(value, { strict: true }) &&
          /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value),
        defaultMessage: () =>
          '$property must be an ISO 8601 date-time with a time zone (e.g. 2030-01-31T23:59:00Z) in the future',
      },
    },
    options,
  );
}

export class CreateExpertCallDto implements CreateExpertCallRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId!: string;

  @ApiProperty({ type: BilingualTitleDto })
  @IsDefined({ message: 'title is required' })
  @IsObject({ message: 'title must be an object { en, zh }' })
  @ValidateNested()
  @Type(() => BilingualTitleDto)
  title!: BilingualTitleDto;

  @ApiProperty({ type: BilingualTextDto })
  @IsDefined({ message: 'description is required' })
  @IsObject({ message: 'description must be an object { en, zh }' })
  @ValidateNested()
  @Type(() => BilingualTextDto)
  description!: BilingualTextDto;

  @ApiProperty({ type: BilingualTextDto })
  @IsDefined({ message: 'eligibility is required' })
  @IsObject({ message: 'eligibility must be an object { en, zh }' })
  @ValidateNested()
  @Type(() => BilingualTextDto)
  eligibility!: BilingualTextDto;

  @ApiProperty({ type: [String], format: 'uuid' })
  @WorkingGroupIdList()
  workingGroupIds!: string[];

  @ApiProperty({ example: '2030-01-31T23:59:00Z' })
  @IsZonedDateTime()
  closesAt!: string;
}

/** The calls list's query: a page (ADR 029), optionally of one project. */
export class CallListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;
}
