import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { Bilingual, DimensionRequest, PartnerRequest, WorkingGroupRequest } from '@roundtable/contracts';
import { isCountryCode } from '@roundtable/domain';

const TITLE_MAX = 200;
const TEXT_MAX = 4000;

/** Trims strings (so "  " is empty), leaves other values for the validators to refuse. */
const trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

function text(max: number): PropertyDecorator {
  return (target, key) => {
    trim()(target, key);
    IsString({ message: '$property must be text' })(target, key);
    MinLength(1, { message: '$property must not be empty' })(target, key);
    MaxLength(max, { message: `$property must be at most ${max} characters` })(target, key);
  };
}

class BilingualTitle implements Bilingual {
  @ApiProperty({ maxLength: TITLE_MAX }) @text(TITLE_MAX) en!: string;
  @ApiProperty({ maxLength: TITLE_MAX }) @text(TITLE_MAX) zh!: string;
}

class BilingualText implements Bilingual {
  @ApiProperty({ maxLength: TEXT_MAX }) @text(TEXT_MAX) en!: string;
  @ApiProperty({ maxLength: TEXT_MAX }) @text(TEXT_MAX) zh!: string;
}

/** A nested `{ en, zh }` object, required. */
function bilingual(type: typeof BilingualTitle | typeof BilingualText): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type })(target, key);
    IsDefined({ message: '$property is required' })(target, key);
    IsObject({ message: '$property must be an object { en, zh }' })(target, key);
    ValidateNested()(target, key);
    Type(() => type)(target, key);
  };
}

class DimensionDto implements DimensionRequest {
  @bilingual(BilingualTitle) title!: BilingualTitle;
  @bilingual(BilingualText) focus!: BilingualText;
  @bilingual(BilingualText) goal!: BilingualText;
}

/** A list of distinct UUIDs (at most `max`). */
function uuidList(max: number): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: [String], format: 'uuid' })(target, key);
    IsArray({ message: '$property must be a list of ids' })(target, key);
    ArrayMaxSize(max, { message: `$property must have at most ${max} entries` })(target, key);
    IsUUID('all', { each: true, message: '$property must contain UUIDs only' })(target, key);
  };
}

export class WorkingGroupDto implements WorkingGroupRequest {
  @ApiProperty({ example: 'WG4', maxLength: 20 })
  @trim()
  @IsString({ message: 'code must be text' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,19}$/, {
    message: 'code must be 1 to 20 letters, digits, spaces, dots, dashes or underscores',
  })
  code!: string;

  @bilingual(BilingualTitle) title!: BilingualTitle;
  @bilingual(BilingualText) aim!: BilingualText;

  @ApiProperty({ type: [DimensionDto] })
  @IsArray({ message: 'dimensions must be a list' })
  @ArrayMaxSize(20, { message: 'dimensions must have at most 20 entries' })
  @ValidateNested({ each: true })
  @Type(() => DimensionDto)
  dimensions!: DimensionDto[];

  @uuidList(50) guidingPartnerIds!: string[];
}

@ValidatorConstraint({ name: 'countryCode' })
class CountryCode implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCountryCode(value);
  }
  defaultMessage(): string {
    return 'country must be an ISO 3166-1 alpha-2 code such as IT or CN';
  }
}

export class PartnerDto implements PartnerRequest {
  @ApiProperty({ example: 'UCSC', maxLength: 40 }) @text(40) shortName!: string;
  @ApiProperty({ maxLength: TITLE_MAX }) @text(TITLE_MAX) fullName!: string;
  @ApiProperty({ example: 'IT' }) @Validate(CountryCode) country!: string;
  @uuidList(500) personIds!: string[];
}
