import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type {
  DeliverableStatus,
  DeliverableType,
  DisseminationLevel,
  DocumentStatus,
  PlanItemKind,
} from '@roundtable/contracts';

@Entity({ name: 'work_packages' })
export class WorkPackage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column('text') code!: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
}

@Entity({ name: 'plan_tasks' })
export class PlanTask {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'work_package_id', type: 'uuid' }) workPackageId!: string;
  @Column('text') code!: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column({ name: 'start_month', type: 'integer' }) startMonth!: number;
  @Column({ name: 'end_month', type: 'integer' }) endMonth!: number;
}

/** A milestone or a deliverable; deliverable-only columns are null on milestones (checked by the table). */
@Entity({ name: 'plan_items' })
export class PlanItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column('text') kind!: PlanItemKind;
  @Column('text') number!: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column({ name: 'work_package_id', type: 'uuid', nullable: true }) workPackageId!: string | null;
  @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column({ name: 'due_month', type: 'integer' }) dueMonth!: number;
  @Column({ name: 'means_of_verification', type: 'text', nullable: true }) meansOfVerification!: string | null;
  @Column({ name: 'lead_partner_id', type: 'uuid', nullable: true }) leadPartnerId!: string | null;
  @Column({ type: 'text', nullable: true }) type!: DeliverableType | null;
  @Column({ type: 'text', nullable: true }) dissemination!: DisseminationLevel | null;
  @Column({ type: 'text', nullable: true }) status!: DeliverableStatus | null;
  @Column({ name: 'seed_key', type: 'text', nullable: true }) seedKey!: string | null;
}

@Entity({ name: 'plan_item_status_changes' })
export class PlanItemStatusChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: DeliverableStatus | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: DeliverableStatus;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}

@Entity({ name: 'plan_item_rebaselines' })
export class PlanItemRebaseline {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ name: 'from_month', type: 'integer' }) fromMonth!: number;
  @Column({ name: 'to_month', type: 'integer' }) toMonth!: number;
  @Column('text') reason!: string;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}

@Entity({ name: 'plan_item_documents' })
export class PlanItemDocument {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'required_status', type: 'text' }) requiredStatus!: DocumentStatus;
  @Column({ name: 'requires_review_responded', type: 'boolean', default: false }) requiresReviewResponded!: boolean;
}

@Entity({ name: 'plan_item_reminders' })
export class PlanItemReminder {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @PrimaryColumn({ name: 'offset_days', type: 'integer' }) offsetDays!: number;
  @PrimaryColumn({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column('integer') recipients!: number;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
}

@Entity({ name: 'plan_visits' })
export class PlanVisit {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'visited_at', type: 'timestamptz' }) visitedAt!: Date;
}

@Entity({ name: 'document_status_changes' })
export class DocumentStatusChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'from_status', type: 'text' }) fromStatus!: DocumentStatus;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: DocumentStatus;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy!: string | null;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}

export const PLAN_ENTITIES = [
  WorkPackage,
  PlanTask,
  PlanItem,
  PlanItemStatusChange,
  PlanItemRebaseline,
  PlanItemDocument,
  PlanItemReminder,
  PlanVisit,
  DocumentStatusChange,
];
