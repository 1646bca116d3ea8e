import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationDelivery, NotificationKind } from '@roundtable/contracts';

/** One thing a person was told about, in both languages, with the app path it links to (ADR 034). */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column('text') kind!: NotificationKind;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column('text') link!: string;
  /** The person's choice for the kind when it was written: digests gather `daily` and `weekly` rows. */
  @Column('text') delivery!: NotificationDelivery;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @Column({ name: 'digested_at', type: 'timestamptz', nullable: true }) digestedAt!: Date | null;
}

/** A person's delivery for one kind; no row = `email` (in the app and mailed at once). */
@Entity({ name: 'notification_preferences' })
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn('text') kind!: NotificationKind;
  @Column('text') delivery!: NotificationDelivery;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** A digest sent: one per person and period (`daily:2026-12-08`), claimed before its mail is written. */
@Entity({ name: 'notification_digests' })
export class NotificationDigest {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn('text') period!: string;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
  @Column('integer') items!: number;
}

export const NOTIFICATION_ENTITIES = [Notification, NotificationPreference, NotificationDigest];
