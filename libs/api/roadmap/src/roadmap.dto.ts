import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NonBlankText } from '@roundtable/api-platform';
import { ROADMAP_ACTORS, ROADMAP_HORIZONS, type RoadmapActor, type RoadmapHorizon } from '@roundtable/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 10_000;
export const REASON_MAX = 2_000;
export const LINKS_MAX = 200;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/**
 * An action's fields. On create the titles are required; everything the command checks across fields
 * (timeframe: years or horizon; recommendations or a reason; dependencies acyclic) names its field in the 4xx.
 */
class RoadmapActionFieldsDto {
  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX })
  @IsOptional()
  @IsString({ message: 'descriptionEn must be text' })
  @MaxLength(DESCRIPTION_MAX, { message: `descriptionEn must be at most ${DESCRIPTION_MAX} characters` })
  descriptionEn?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX })
  @IsOptional()
  @IsString({ message: 'descriptionZh must be text' })
  @MaxLength(DESCRIPTION_MAX, { message: `descriptionZh must be at most ${DESCRIPTION_MAX} characters` })
  descriptionZh?: string;

  @ApiPropertyOptional({ type: [String], enum: ROADMAP_ACTORS, description: 'Who carries the action out.' })
  @IsOptional()
  @IsArray({ message: 'actors must be a list' })
  @ArrayMaxSize(ROADMAP_ACTORS.length, { message: 'actors lists each actor at most once' })
  @IsIn(ROADMAP_ACTORS, { each: true, message: `each actor must be one of ${ROADMAP_ACTORS.join(', ')}` })
  actors?: RoadmapActor[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: YEAR_MIN,
    maximum: YEAR_MAX,
    nullable: true,
    description: 'Years or horizon.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'startYear must be a whole year' })
  @Min(YEAR_MIN, { message: `startYear must be ${YEAR_MIN} or later` })
  @Max(YEAR_MAX, { message: `startYear must be ${YEAR_MAX} or earlier` })
  startYear?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: YEAR_MIN, maximum: YEAR_MAX, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'endYear must be a whole year' })
  @Min(YEAR_MIN, { message: `endYear must be ${YEAR_MIN} or later` })
  @Max(YEAR_MAX, { message: `endYear must be ${YEAR_MAX} or earlier` })
  endYear?: number | null;

  @ApiPropertyOptional({ type: String, enum: ROADMAP_HORIZONS, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(ROADMAP_HORIZONS, { message: `horizon must be one of ${ROADMAP_HORIZONS.join(', ')}` })
  horizon?: RoadmapHorizon | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Actions of the same roadmap this one needs.' })
  @IsOptional()
  @IsArray({ message: 'dependsOn must be a list' })
  @ArrayMaxSize(LINKS_MAX, { message: `dependsOn lists at most ${LINKS_MAX} actions` })
  @IsUUID('all', { each: true, message: 'each dependsOn entry must be an action id' })
  dependsOn?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Recommendations of the project’s registry this action implements.',
  })
  @IsOptional()
  @IsArray({ message: 'recommendationIds must be a list' })
  @ArrayMaxSize(LINKS_MAX, { message: `recommendationIds lists at most ${LINKS_MAX} recommendations` })
  @IsUUID('all', { each: true, message: 'each recommendationIds entry must be a recommendation id' })
  recommendationIds?: string[];

  @ApiPropertyOptional({
    type: String,
    maxLength: REASON_MAX,
    nullable: true,
    description: 'Required when the action implements no recommendation: why.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString({ message: 'noRecommendationReason must be text' })
  @MaxLength(REASON_MAX, { message: `noRecommendationReason must be at most ${REASON_MAX} characters` })
  noRecommendationReason?: string | null;
}

export class CreateRoadmapActionDto extends RoadmapActionFieldsDto {
  @ApiProperty({ maxLength: TITLE_MAX })
  @NonBlankText(TITLE_MAX)
  titleEn!: string;

  @ApiProperty({ maxLength: TITLE_MAX })
  @NonBlankText(TITLE_MAX)
  titleZh!: string;
}

export class UpdateRoadmapActionDto extends RoadmapActionFieldsDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptional()
  @NonBlankText(TITLE_MAX)
  titleEn?: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptional()
  @NonBlankText(TITLE_MAX)
  titleZh?: string;
}
