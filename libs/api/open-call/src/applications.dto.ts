import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  Matches,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import {
  SECTORS,
  WorkingGroupRole,
  type DecideApplicationRequest,
  type DeclareConflictRequest,
  type Locale,
  type ReviewApplicationRequest,
  type Sector,
  type SubmitApplicationRequest,
} from '@roundtable/contracts';
import { isCountryCode } from '@roundtable/domain';
import { WorkingGroupIdList } from './open-call.validators';
import { trimmed, upperTrimmed } from './trim.transform';

export const APPLICATION_LIMITS = {
  name: 200,
  email: 254,
  affiliation: 300,
  expertiseTags: 20,
  expertiseTag: 60,
  motivation: 5000,
  conflictOfInterest: 2000,
  reviewComment: 2000,
} as const;

const LOCALES: Locale[] = ['en', 'zh-CN'];

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value: unknown) => isCountryCode(value),
        defaultMessage: () => '$property must be an ISO 3166-1 alpha-2 country code (e.g. IT, CN)',
      },
    },
    options,
  );
}

/** Trims each tag, drops empty ones and repeats (case-insensitive); non-arrays are left for the validators. */
function tags(): PropertyDecorator {
  return Transform(({ value }) => {
    if (!Array.isArray(value)) return value;
    const seen = new Set<string>();
    const result: unknown[] = [];
    for (const item of value) {
      if (typeof item !== 'string') {
        result.push(item);
        continue;
      }
      const tag = item.trim();
      if (!tag || seen.has(tag.toLowerCase())) continue;
      seen.add(tag.toLowerCase());
      result.push(tag);
    }
    return result;
  });
}

export class SubmitApplicationDto implements SubmitApplicationRequest {
  @ApiProperty({ minLength: 1, maxLength: APPLICATION_LIMITS.name })
  @trimmed()
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(APPLICATION_LIMITS.name, { message: `name must be at most ${APPLICATION_LIMITS.name} characters` })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'name must be on one line, without control characters' })
  name!: string;

  @ApiProperty({ example: 'expert@example.org' })
  @trimmed()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(APPLICATION_LIMITS.email, { message: `email must be at most ${APPLICATION_LIMITS.email} characters` })
  email!: string;

  @ApiProperty({ example: 'IT', description: 'ISO 3166-1 alpha-2' })
  @upperTrimmed()
  @IsCountryCode()
  country!: string;

  @ApiProperty({ minLength: 1, maxLength: APPLICATION_LIMITS.affiliation })
  @trimmed()
  @IsString({ message: 'affiliation must be a string' })
  @MinLength(1, { message: 'affiliation must not be empty' })
  @MaxLength(APPLICATION_LIMITS.affiliation, {
    message: `affiliation must be at most ${APPLICATION_LIMITS.affiliation} characters`,
  })
  @Matches(NO_CONTROL_CHARACTERS, { message: 'affiliation must be on one line, without control characters' })
  affiliation!: string;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS, { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector!: Sector;

  @ApiProperty({ type: [String], maxItems: APPLICATION_LIMITS.expertiseTags })
  @tags()
  @IsArray({ message: 'expertise must be an array of tags' })
  @ArrayMaxSize(APPLICATION_LIMITS.expertiseTags, {
    message: `expertise must have at most ${APPLICATION_LIMITS.expertiseTags} tags`,
  })
  @IsString({ each: true, message: 'expertise must contain only strings' })
  @MaxLength(APPLICATION_LIMITS.expertiseTag, {
    each: true,
    message: `each expertise tag must be at most ${APPLICATION_LIMITS.expertiseTag} characters`,
  })
  expertise!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: "Some of the call's working groups" })
  @WorkingGroupIdList()
  preferredWorkingGroupIds!: string[];

  @ApiProperty({ minLength: 1, maxLength: APPLICATION_LIMITS.motivation })
  @trimmed()
  @IsString({ message: 'motivation must be a string' })
  @MinLength(1, { message: 'motivation must not be empty' })
  @MaxLength(APPLICATION_LIMITS.motivation, {
    message: `motivation must be at most ${APPLICATION_LIMITS.motivation} characters`,
  })
  motivation!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: APPLICATION_LIMITS.conflictOfInterest,
    description: 'Declaration of interests; "none" is fine.',
  })
  @trimmed()
  @IsString({ message: 'conflictOfInterest must be a string' })
  @MinLength(1, { message: 'conflictOfInterest must not be empty (write "none" if there is none)' })
  @MaxLength(APPLICATION_LIMITS.conflictOfInterest, {
    message: `conflictOfInterest must be at most ${APPLICATION_LIMITS.conflictOfInterest} characters`,
  })
  conflictOfInterest!: string;

  @ApiProperty({ description: 'Consent to processing under the EU GDPR; must be true.' })
  @Equals(true, {
    message: 'consentGdpr must be true: we cannot process an application without consent under the GDPR',
  })
  consentGdpr!: boolean;

  @ApiProperty({ description: "Consent to processing under China's PIPL; must be true." })
  @Equals(true, {
    message: "consentPipl must be true: we cannot process an application without consent under China's PIPL",
  })
  consentPipl!: boolean;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of the confirmation mail (the form’s); English when absent.',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;

  @ApiPropertyOptional({ description: 'Leave empty (anti-spam field hidden from people).' })
  @IsOptional()
  @IsString({ message: 'website must be a string' })
  @MaxLength(2000, { message: 'website must be at most 2000 characters' })
  website?: string;
}

export class ReviewApplicationDto implements ReviewApplicationRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be at least 1' })
  @Max(5, { message: 'score must be at most 5' })
  score!: number;

  @ApiPropertyOptional({ maxLength: APPLICATION_LIMITS.reviewComment })
  @IsOptional()
  @trimmed()
  @IsString({ message: 'comment must be a string' })
  @MaxLength(APPLICATION_LIMITS.reviewComment, {
    message: `comment must be at most ${APPLICATION_LIMITS.reviewComment} characters`,
  })
  comment?: string;
}

const ROLES = Object.values(WorkingGroupRole);

export class DecideApplicationDto implements DecideApplicationRequest {
  @ApiProperty({ enum: ['accept', 'decline'] })
  @IsIn(['accept', 'decline'], { message: 'decision must be accept or decline' })
  decision!: 'accept' | 'decline';

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when accepting.' })
  @ValidateIf((o: DecideApplicationDto) => o.decision === 'accept' || o.workingGroupId !== undefined)
  @IsUUID('all', { message: 'workingGroupId must be the UUID of the working group the expert joins' })
  workingGroupId?: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'expert' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: WorkingGroupRole;
}

export class DeclareConflictDto implements DeclareConflictRequest {
  @ApiProperty({ maxLength: 2000, description: 'What the conflict of interest is (kept, shown to the coordinators)' })
  @trimmed()
  @IsString({ message: 'statement must be a string' })
  @MinLength(1, { message: 'statement must not be empty' })
  @MaxLength(2000, { message: 'statement must be at most 2000 characters' })
  statement!: string;
}
