import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELIVERABLE_STATUSES,
  DocumentStatus,
  PLAN_LIMITS,
  type DeliverableStatus,
  type DeliverableType,
  type DisseminationLevel,
  type PlanItemKind,
} from '@roundtable/contracts';
import {
  ArrayMaxSize,
  IsBoolean,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NonBlankText } from '@roundtable/api-platform';

const DOCUMENT_STATUSES = Object.values(DocumentStatus);

/** A project month as typed: 24 or "M24". Checked against the project's duration by the service. */
const MONTH_DOC = { type: String, example: 'M24', description: 'A project month: 24 or "M24"' };

export class CreateWorkPackageDto {
  @ApiProperty({ example: 'WP2' })
  @IsString({ message: 'code must be text' })
  @Matches(/^\S{1,20}$/, { message: 'code must be 1–20 characters without spaces' })
  code!: string;

  @ApiProperty()
  @NonBlankText(PLAN_LIMITS.titleMax)
  titleEn!: string;
  @ApiProperty()
  @NonBlankText(PLAN_LIMITS.titleMax)
  titleZh!: string;
}

export class CreateTaskDto extends CreateWorkPackageDto {
  @ApiProperty() @IsUUID('all', { message: 'workPackageId must be a UUID' }) workPackageId!: string;
  @ApiProperty(MONTH_DOC) @IsDefined({ message: 'startMonth is required' }) startMonth!: string | number;
  @ApiProperty(MONTH_DOC) @IsDefined({ message: 'endMonth is required' }) endMonth!: string | number;
}

/** What every milestone and deliverable has, on creation and on edit. */
class PlanItemFieldsDto {
  @ApiProperty({ example: 'D2.2' })
  @IsString({ message: 'number must be text' })
  @Matches(/^\S{1,20}$/, { message: 'number must be 1–20 characters without spaces' })
  number!: string;

  @ApiProperty()
  @NonBlankText(PLAN_LIMITS.titleMax)
  titleEn!: string;
  @ApiProperty()
  @NonBlankText(PLAN_LIMITS.titleMax)
  titleZh!: string;
  @ApiProperty(MONTH_DOC) @IsDefined({ message: 'dueMonth is required' }) dueMonth!: string | number;
}

export class CreatePlanItemDto extends PlanItemFieldsDto {
  @ApiProperty({ enum: ['milestone', 'deliverable'] })
  @IsIn(['milestone', 'deliverable'], { message: 'kind must be milestone or deliverable' })
  kind!: PlanItemKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'workPackageId must be a UUID' })
  workPackageId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'taskId must be a UUID' }) taskId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(PLAN_LIMITS.verificationMax) meansOfVerification?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'leadPartnerId must be a UUID' })
  leadPartnerId?: string;
  @ApiPropertyOptional({ enum: ['report', 'other'] })
  @IsOptional()
  @IsIn(['report', 'other'], { message: 'type must be report or other' })
  type?: DeliverableType;
  @ApiPropertyOptional({ enum: ['PU', 'SEN'] })
  @IsOptional()
  @IsIn(['PU', 'SEN'], { message: 'dissemination must be PU or SEN' })
  dissemination?: DisseminationLevel;
}

/**
 * Corrects an item after creation (issue 13 item 4): number, both titles, due month and, for deliverables,
 * type. A new due month needs `reason`: it is kept in the history as a re-baseline.
 */
export class EditPlanItemDto extends PlanItemFieldsDto {
  @ApiPropertyOptional({ enum: ['report', 'other'], description: 'Deliverables only' })
  @IsOptional()
  @IsIn(['report', 'other'], { message: 'type must be report or other' })
  type?: DeliverableType;

  @ApiPropertyOptional({ description: 'Required when dueMonth changes: kept as a re-baseline in the history' })
  @IsOptional()
  @NonBlankText(PLAN_LIMITS.reasonMax, `reason must be at most ${PLAN_LIMITS.reasonMax} characters`)
  reason?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: DELIVERABLE_STATUSES })
  @IsIn(DELIVERABLE_STATUSES, { message: `status must be one of ${DELIVERABLE_STATUSES.join(', ')}` })
  status!: DeliverableStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(PLAN_LIMITS.reasonMax)
  note?: string;
}

export class RebaselineDto {
  @ApiProperty(MONTH_DOC) @IsDefined({ message: 'dueMonth is required' }) dueMonth!: string | number;

  @ApiProperty({ example: 'Harmonisation workshop moved after the funders’ feedback' })
  @NonBlankText(PLAN_LIMITS.reasonMax, `reason must be at most ${PLAN_LIMITS.reasonMax} characters`)
  reason!: string;
}

export class LinkDocumentDto {
  @ApiProperty() @IsUUID('all', { message: 'documentId must be a UUID' }) documentId!: string;
  @ApiPropertyOptional({ enum: DOCUMENT_STATUSES, default: 'final' })
  @IsOptional()
  @IsIn(DOCUMENT_STATUSES, { message: `requiredStatus must be one of ${DOCUMENT_STATUSES.join(', ')}` })
  requiredStatus?: DocumentStatus;
  @ApiPropertyOptional({ default: false, description: 'Also require a review round on the document marked responded.' })
  @IsOptional()
  @IsBoolean({ message: 'requiresReviewResponded must be true or false' })
  requiresReviewResponded?: boolean;
}

export class DocumentStatusDto {
  @ApiProperty({ enum: DOCUMENT_STATUSES })
  @IsIn(DOCUMENT_STATUSES, { message: `status must be one of ${DOCUMENT_STATUSES.join(', ')}` })
  status!: DocumentStatus;
}

export class ReminderOffsetsDto {
  @ApiProperty({ type: [Number], example: [30, 7, 1] })
  @IsArray({ message: 'offsets must be a list of days' })
  @ArrayMaxSize(10, { message: 'offsets must have at most 10 entries' })
  @IsInt({ each: true, message: 'offsets must be whole days' })
  @Min(0, { each: true, message: 'offsets must be 0 or more days' })
  @Max(365, { each: true, message: 'offsets must be at most 365 days' })
  offsets!: number[];
}
