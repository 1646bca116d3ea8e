import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { Gender, SECTORS, type Locale, type Sector, type UpdatePersonRequest } from '@roundtable/contracts';
import { isCountryCode } from '@roundtable/domain';

@ValidatorConstraint({ name: 'countryCode' })
class CountryCode implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCountryCode(value);
  }
  defaultMessage(): string {
    return 'country must be an ISO 3166-1 alpha-2 code such as IT or CN';
  }
}

@ValidatorConstraint({ name: 'timeZone' })
class TimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Europe/Rome or Asia/Shanghai';
  }
}

const GENDERS = Object.values(Gender);

export class UpdatePersonDto implements UpdatePersonRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'displayName must be 1 to 120 characters' })
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Validate(CountryCode)
  country?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  affiliation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUUID('4', { message: 'partnerId must be a UUID' })
  partnerId?: string | null;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector?: Sector;

  @ApiPropertyOptional({ enum: GENDERS, nullable: true })
  @IsOptional()
  @IsIn(GENDERS, { message: `gender must be one of ${GENDERS.join(', ')}` })
  gender?: Gender | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Validate(TimeZone)
  timeZone?: string;

  @ApiPropertyOptional({ enum: ['en', 'zh-CN'] })
  @IsOptional()
  @IsIn(['en', 'zh-CN'], { message: 'locale must be en or zh-CN' })
  locale?: Locale;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'expertise takes at most 20 tags' })
  @IsString({ each: true })
  @Length(1, 60, { each: true, message: 'each expertise tag must be 1 to 60 characters' })
  expertise?: string[];
}
