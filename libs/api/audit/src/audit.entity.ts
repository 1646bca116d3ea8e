import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@roundtable/contracts';

/**
 * One audited event (ADR 043): ids only, never names or email addresses. Append-only: the database refuses
 * UPDATE, DELETE and TRUNCATE on the table (triggers in migration 1765209601000).
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column('text') action!: AuditAction;
  @Column({ name: 'subject_type', type: 'text' }) subjectType!: string;
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId!: string | null;
  @Column({ name: 'project_id', type: 'uuid', nullable: true }) projectId!: string | null;
  @Column({ type: 'jsonb' }) details!: Record<string, string | number | boolean | null>;
}

export const AUDIT_ENTITIES = [AuditEntry];
