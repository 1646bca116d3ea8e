import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DocumentStatus, DocumentType, WorkingGroupRole } from '@roundtable/contracts';

@Entity({ name: 'projects' })
export class Project {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') acronym!: string;
  @Column({ name: 'start_date', type: 'date' }) startDate!: string;
  @Column({ name: 'duration_months', type: 'integer' }) durationMonths!: number;
  /** Days before a deadline on which reminders go out; set by the plan through ProjectsService. */
  @Column({ name: 'reminder_offset_days', type: 'integer', array: true }) reminderOffsetDays!: number[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'partners' })
export class Partner {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'short_name', type: 'text' }) shortName!: string;
  @Column({ name: 'full_name', type: 'text' }) fullName!: string;
  @Column({ type: 'char', length: 2 }) country!: string;
}

@Entity({ name: 'people' })
export class Person {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column('text') email!: string;
  @Column({ type: 'char', length: 2 }) country!: string;
  @Column({ name: 'partner_id', type: 'uuid', nullable: true }) partnerId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'working_groups' })
export class WorkingGroup {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column('text') code!: string;
  @Column('integer') position!: number;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column({ name: 'aim_en', type: 'text' }) aimEn!: string;
  @Column({ name: 'aim_zh', type: 'text' }) aimZh!: string;

  @ManyToMany(() => Partner)
  @JoinTable({
    name: 'working_group_partners',
    joinColumn: { name: 'working_group_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'partner_id', referencedColumnName: 'id' },
  })
  guidingPartners!: Partner[];
}

@Entity({ name: 'memberships' })
export class Membership {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'working_group_id', type: 'uuid' }) workingGroupId!: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId!: string;
  @Column('text') role!: WorkingGroupRole;
  @Column({ name: 'joined_on', type: 'date' }) joinedOn!: string;
  @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn!: string | null;
  @Column({ name: 'term_ends_on', type: 'date', nullable: true }) termEndsOn!: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup!: WorkingGroup;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person!: Person;
}

@Entity({ name: 'documents' })
export class ProjectDocument {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'working_group_id', type: 'uuid', nullable: true }) workingGroupId!: string | null;
  @Column('text') type!: DocumentType;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column('text') status!: DocumentStatus;
  @Column({ name: 'seed_key', type: 'text', nullable: true }) seedKey!: string | null;
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true }) lockedAt!: Date | null;
  @Column({ name: 'locked_by_user_id', type: 'uuid', nullable: true }) lockedByUserId!: string | null;
  @Column({ name: 'locked_reason', type: 'text', nullable: true }) lockedReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup!: WorkingGroup | null;
}

export const PROJECT_ENTITIES = [Project, Partner, Person, WorkingGroup, Membership, ProjectDocument];
