import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkingGroupRole } from '@roundtable/contracts';
import { WorkingGroup } from '@roundtable/api-projects';

/** An invitation to join a working group. Only the SHA-256 of its token is stored. */
@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'working_group_id', type: 'uuid' }) workingGroupId!: string;
  @Column('text') email!: string;
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName!: string | null;
  @Column('text') role!: WorkingGroupRole;
  @Column({ name: 'token_hash', type: 'bytea', select: false }) tokenHash!: Buffer;
  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true }) invitedByUserId!: string | null;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'accepted_person_id', type: 'uuid', nullable: true }) acceptedPersonId!: string | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup!: WorkingGroup;
}

export const INVITATION_ENTITIES = [Invitation];
