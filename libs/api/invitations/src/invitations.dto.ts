import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  WorkingGroupRole,
  type AcceptInvitationRequest,
  type CreateInvitationRequest,
  type Locale,
} from '@roundtable/contracts';
import { COUNTRY_CODES } from '@roundtable/domain';

export const WORKING_GROUP_ROLES: WorkingGroupRole[] = Object.values(WorkingGroupRole);
export const LOCALES: Locale[] = ['en', 'zh-CN'];
export const DISPLAY_NAME_MAX = 120;
export const PASSWORD_MIN = 10;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ example: 'new.expert@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: WORKING_GROUP_ROLES })
  @IsIn(WORKING_GROUP_ROLES, { message: `role must be one of: ${WORKING_GROUP_ROLES.join(', ')}` })
  role!: WorkingGroupRole;

  @ApiPropertyOptional({ maxLength: DISPLAY_NAME_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'displayName must be a string' })
  @MaxLength(DISPLAY_NAME_MAX, { message: `displayName must be at most ${DISPLAY_NAME_MAX} characters` })
  displayName?: string;
}

/** Fields are optional because an existing account needs none; the service requires them for a new account. */
export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: DISPLAY_NAME_MAX, description: 'Required for a new account.' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'displayName must be a string' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(DISPLAY_NAME_MAX, { message: `displayName must be at most ${DISPLAY_NAME_MAX} characters` })
  displayName?: string;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN, description: 'Required for a new account.' })
  @IsOptional()
  @IsString({ message: 'password must be a string' })
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(1024, { message: 'password must be at most 1024 characters' })
  password?: string;

  @ApiPropertyOptional({ example: 'IT', description: 'ISO 3166-1 alpha-2 code, upper case.' })
  @IsOptional()
  @IsIn(COUNTRY_CODES, { message: 'country must be an ISO 3166-1 alpha-2 country code such as IT or CN' })
  country?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}
