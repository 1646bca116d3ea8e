import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Sector } from '@roundtable/contracts';

export type ApplicationStatus = 'submitted' | 'accepted' | 'declined';

@Entity({ name: 'expert_calls' })
export class ExpertCall {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column({ name: 'description_en', type: 'text' }) descriptionEn!: string;
  @Column({ name: 'description_zh', type: 'text' }) descriptionZh!: string;
  @Column({ name: 'eligibility_en', type: 'text' }) eligibilityEn!: string;
  @Column({ name: 'eligibility_zh', type: 'text' }) eligibilityZh!: string;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'expert_call_groups' })
export class ExpertCallGroup {
  @PrimaryColumn({ name: 'call_id', type: 'uuid' }) callId!: string;
  @PrimaryColumn({ name: 'working_group_id', type: 'uuid' }) workingGroupId!: string;
}

@Entity({ name: 'applications' })
export class Application {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'call_id', type: 'uuid' }) callId!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column('text') affiliation!: string;
  @Column('text') sector!: Sector;
  @Column({ type: 'text', array: true }) expertise!: string[];
  @Column({ name: 'preferred_working_group_ids', type: 'uuid', array: true }) preferredWorkingGroupIds!: string[];
  @Column('text') motivation!: string;
  @Column({ name: 'conflict_of_interest', type: 'text' }) conflictOfInterest!: string;
  @Column({ name: 'consent_gdpr', type: 'boolean' }) consentGdpr!: boolean;
  @Column({ name: 'consent_pipl', type: 'boolean' }) consentPipl!: boolean;
  @Column('text') status!: ApplicationStatus;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_working_group_id', type: 'uuid', nullable: true }) decisionWorkingGroupId!: string | null;
  @Column({ name: 'submitted_from_ip', type: 'text', select: false }) submittedFromIp!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'application_reviews' })
export class ApplicationReview {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'reviewer_user_id', type: 'uuid' }) reviewerUserId!: string;
  @Column('integer') score!: number;
  @Column('text') comment!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const OPEN_CALL_ENTITIES = [ExpertCall, ExpertCallGroup, Application, ApplicationReview];
