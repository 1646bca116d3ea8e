import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DISPOSITIONS, REVIEWER_TYPES, type Disposition, type ReviewerType } from '@roundtable/contracts';
import { NonBlankText } from '@roundtable/api-platform';

export const REVIEW_LIMITS = {
  nameMax: 200,
  instructionsMax: 10_000,
  questionsMax: 20,
  questionMax: 500,
  scaleMax: 10,
  commentMax: 10_000,
  answerMax: 5_000,
  responseMax: 10_000,
  linksMax: 10,
  linkMax: 2_000,
  /** Offsets in a frozen version's text: far beyond any paper. */
  offsetMax: 10_000_000,
} as const;

const OUTSIDE_TYPES = REVIEWER_TYPES.filter((t) => t !== 'member');
const LOCALES = ['en', 'zh-CN'] as const;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ReviewQuestionInputDto {
  @ApiProperty({ maxLength: REVIEW_LIMITS.questionMax })
  @NonBlankText(REVIEW_LIMITS.questionMax)
  textEn!: string;

  @ApiProperty({ maxLength: REVIEW_LIMITS.questionMax })
  @NonBlankText(REVIEW_LIMITS.questionMax)
  textZh!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 2, maximum: REVIEW_LIMITS.scaleMax })
  @IsOptional()
  @IsInt({ message: 'scaleMax must be a whole number' })
  @Min(2, { message: 'scaleMax must be at least 2' })
  @Max(REVIEW_LIMITS.scaleMax, { message: `scaleMax must be at most ${REVIEW_LIMITS.scaleMax}` })
  scaleMax?: number | null;
}

export class OpenReviewRoundDto {
  @ApiProperty({ maxLength: REVIEW_LIMITS.nameMax, example: 'M18 outline review' })
  @NonBlankText(REVIEW_LIMITS.nameMax)
  name!: string;

  @ApiPropertyOptional({ description: 'ISO date-time; default: now.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'opensAt must be an ISO date-time' })
  opensAt?: string;

  @ApiProperty({ description: 'ISO date-time, after opensAt and in the future.' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be an ISO date-time' })
  closesAt!: string;

  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.instructionsMax })
  @IsOptional()
  @IsString({ message: 'instructionsEn must be text' })
  @MaxLength(REVIEW_LIMITS.instructionsMax)
  instructionsEn?: string;

  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.instructionsMax })
  @IsOptional()
  @IsString({ message: 'instructionsZh must be text' })
  @MaxLength(REVIEW_LIMITS.instructionsMax)
  instructionsZh?: string;

  @ApiPropertyOptional({ type: [ReviewQuestionInputDto] })
  @IsOptional()
  @IsArray({ message: 'questions must be a list' })
  @ArrayMaxSize(REVIEW_LIMITS.questionsMax, { message: `questions may hold at most ${REVIEW_LIMITS.questionsMax}` })
  @ValidateNested({ each: true })
  @Type(() => ReviewQuestionInputDto)
  questions?: ReviewQuestionInputDto[];
}

export class InviteReviewerDto {
  @ApiProperty({ maxLength: 120, example: 'Programme officer' })
  @NonBlankText(120)
  name!: string;

  @ApiProperty({ example: 'reviewer@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @NonBlankText(200)
  organisation?: string;

  @ApiProperty({ enum: OUTSIDE_TYPES })
  @IsIn(OUTSIDE_TYPES, { message: `type must be one of: ${OUTSIDE_TYPES.join(', ')}` })
  type!: Exclude<ReviewerType, 'member'>;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: 'en' | 'zh-CN';
}

export class DisposeCommentDto {
  @ApiProperty({ enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS, { message: `disposition must be one of: ${DISPOSITIONS.join(', ')}` })
  disposition!: Disposition;

  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.responseMax })
  @IsOptional()
  @IsString({ message: 'responseEn must be text' })
  @MaxLength(REVIEW_LIMITS.responseMax)
  responseEn?: string;

  @ApiPropertyOptional({ maxLength: REVIEW_LIMITS.responseMax })
  @IsOptional()
  @IsString({ message: 'responseZh must be text' })
  @MaxLength(REVIEW_LIMITS.responseMax)
  responseZh?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Links to the change: a version diff or a suggestion (absolute http(s) URLs or app paths).',
  })
  @IsOptional()
  @IsArray({ message: 'changeLinks must be a list' })
  @ArrayMaxSize(REVIEW_LIMITS.linksMax, { message: `changeLinks may hold at most ${REVIEW_LIMITS.linksMax}` })
  @IsString({ each: true, message: 'changeLinks must be text' })
  @MaxLength(REVIEW_LIMITS.linkMax, { each: true })
  @Matches(/^(https?:\/\/\S+|\/\S*)$/, { each: true, message: 'changeLinks must be http(s) URLs or paths of this app' })
  changeLinks?: string[];

  @ApiPropertyOptional({ description: 'Required for disposition "duplicate": a comment of the same round.' })
  @ValidateIf((o: DisposeCommentDto) => o.disposition === 'duplicate' || o.duplicateOfCommentId !== undefined)
  @IsUUID('all', { message: 'duplicateOfCommentId must be a UUID' })
  duplicateOfCommentId?: string;
}

export class ReviewTokenDto {
  @ApiProperty({ description: 'The token of the personal link.' })
  @IsString({ message: 'token must be text' })
  @MaxLength(200)
  token!: string;
}

export class ReviewCommentInputDto {
  @ApiProperty({ maxLength: REVIEW_LIMITS.commentMax })
  @NonBlankText(REVIEW_LIMITS.commentMax)
  body!: string;

  @ApiPropertyOptional({ description: 'The quoted passage of the frozen version; none for a general comment.' })
  @IsOptional()
  @NonBlankText(REVIEW_LIMITS.commentMax)
  quote?: string;

  @ApiPropertyOptional({ description: 'Offset of the quote in the frozen version’s text.' })
  @ValidateIf((o: ReviewCommentInputDto) => o.quote !== undefined || o.start !== undefined)
  @IsInt({ message: 'start must be a whole number' })
  @Min(0, { message: 'start must be at least 0' })
  @Max(REVIEW_LIMITS.offsetMax, { message: `start must be at most ${REVIEW_LIMITS.offsetMax}` })
  start?: number;
}

export class ReviewAnswerInputDto {
  @ApiProperty()
  @IsString({ message: 'questionId must be text' })
  @MaxLength(40)
  questionId!: string;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: 'scale must be a whole number' })
  @Min(1, { message: 'scale must be at least 1' })
  @Max(REVIEW_LIMITS.scaleMax, { message: `scale must be at most ${REVIEW_LIMITS.scaleMax}` })
  scale?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: REVIEW_LIMITS.answerMax })
  @IsOptional()
  @IsString({ message: 'text must be text' })
  @MaxLength(REVIEW_LIMITS.answerMax)
  text?: string | null;
}

export class ReviewAnswersDto {
  @ApiProperty({ type: [ReviewAnswerInputDto] })
  @IsArray({ message: 'answers must be a list' })
  @ArrayMaxSize(REVIEW_LIMITS.questionsMax, { message: `answers may hold at most ${REVIEW_LIMITS.questionsMax}` })
  @ValidateNested({ each: true })
  @Type(() => ReviewAnswerInputDto)
  answers!: ReviewAnswerInputDto[];
}

export class SubmitReviewDto {
  @ApiProperty({ description: 'Whether the reviewer may be named in the response matrix ("anonymous" otherwise).' })
  @IsBoolean({ message: 'consentNamed must be true or false' })
  consentNamed!: boolean;
}

export class MatrixQueryDto {
  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the headings and dispositions; default en.' })
  @IsOptional()
  @IsIn(LOCALES, { message: `lang must be one of: ${LOCALES.join(', ')}` })
  lang?: 'en' | 'zh-CN';
}

export class ReviewFileParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'roundId must be a UUID' })
  roundId!: string;

  @ApiProperty({ enum: ['docx', 'pdf'] })
  @IsIn(['docx', 'pdf'], { message: 'format must be one of: docx, pdf' })
  format!: 'docx' | 'pdf';
}
