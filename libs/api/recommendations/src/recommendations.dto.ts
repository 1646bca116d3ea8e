import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NonBlankText, PageQueryDto } from '@roundtable/api-platform';
import {
  RECOMMENDATION_ADDRESSEES,
  RECOMMENDATION_FRAMEWORKS,
  RECOMMENDATION_HORIZONS,
  RECOMMENDATION_PRIORITIES,
} from '@roundtable/editor-schema';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const TITLE_MAX = 300;
export const BODY_MAX = 10_000;
const STATUSES = ['active', 'merged', 'removed'] as const;
const DECISIONS = ['duplicate', 'related', 'distinct'] as const;

/** The registry's query: a page (ADR 029) and the filters. */
export class RecommendationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One paper.' })
  @IsOptional()
  @IsUUID('all', { message: 'documentId must be a document id' })
  documentId?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_ADDRESSEES })
  @IsOptional()
  @IsIn(RECOMMENDATION_ADDRESSEES, { message: `addressee must be one of ${RECOMMENDATION_ADDRESSEES.join(', ')}` })
  addressee?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_HORIZONS })
  @IsOptional()
  @IsIn(RECOMMENDATION_HORIZONS, { message: `horizon must be one of ${RECOMMENDATION_HORIZONS.join(', ')}` })
  horizon?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'active (default: every status), merged or removed.' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ maxLength: 200, description: 'Searches title and body, in English and Chinese.' })
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q?: string;
}

/** The export's query: the registry's filters without paging (an export holds every row). */
export class RecommendationExportQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a working group id' })
  workingGroupId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: ['en', 'zh-CN'] })
  @IsOptional()
  @IsIn(['en', 'zh-CN'], { message: 'locale must be en or zh-CN' })
  locale?: 'en' | 'zh-CN';
}

class RecommendationFieldsDto {
  @ApiPropertyOptional({ enum: RECOMMENDATION_ADDRESSEES })
  @IsOptional()
  @IsIn(RECOMMENDATION_ADDRESSEES, { message: `addressee must be one of ${RECOMMENDATION_ADDRESSEES.join(', ')}` })
  addressee?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_HORIZONS })
  @IsOptional()
  @IsIn(RECOMMENDATION_HORIZONS, { message: `horizon must be one of ${RECOMMENDATION_HORIZONS.join(', ')}` })
  horizon?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_PRIORITIES })
  @IsOptional()
  @IsIn(RECOMMENDATION_PRIORITIES, { message: `priority must be one of ${RECOMMENDATION_PRIORITIES.join(', ')}` })
  priority?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: RECOMMENDATION_FRAMEWORKS,
    description: 'ICPerMed action-plan perspectives.',
  })
  @IsOptional()
  @IsArray({ message: 'frameworks must be a list' })
  @ArrayMaxSize(RECOMMENDATION_FRAMEWORKS.length, { message: 'frameworks lists each framework at most once' })
  @IsIn(RECOMMENDATION_FRAMEWORKS, {
    each: true,
    message: `each framework must be one of ${RECOMMENDATION_FRAMEWORKS.join(', ')}`,
  })
  frameworks?: string[];
}

export class CreateRecommendationDto extends RecommendationFieldsDto {
  @ApiProperty({ maxLength: TITLE_MAX })
  @NonBlankText(TITLE_MAX)
  title!: string;

  @ApiProperty({ maxLength: BODY_MAX, description: 'Plain text; each line becomes a paragraph.' })
  @NonBlankText(BODY_MAX)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Insert before this recommendation (default: at the end).' })
  @IsOptional()
  @IsUUID('all', { message: 'beforeId must be a recommendation id' })
  beforeId?: string;
}

export class UpdateRecommendationDto extends RecommendationFieldsDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptional()
  @NonBlankText(TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX })
  @IsOptional()
  @NonBlankText(BODY_MAX)
  body?: string;
}

export class MoveRecommendationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'Move before this recommendation of the same document; null or absent: to the end.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'beforeId must be a recommendation id' })
  beforeId?: string | null;
}

export class DecidePairDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision!: (typeof DECISIONS)[number];
}

export class MergePairDto {
  @ApiProperty({ format: 'uuid', description: 'Which of the pair stays canonical; the other is merged into it.' })
  @IsUUID('all', { message: 'canonicalId must be the id of one of the pair' })
  canonicalId!: string;
}
