import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxMessageDto } from '@roundtable/contracts';

export type OutboxStatus = OutboxMessageDto['status'];

/**
 * One e-mail, written in the same transaction as the change it tells about and sent later by the outbox worker
 * (pending → sending → sent, or back to pending with a backoff, or failed); `kept` without SMTP (ADR 007).
 */
@Entity({ name: 'mail_outbox' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'to_address', type: 'text' }) to!: string;
  @Column('text') subject!: string;
  @Column({ name: 'text_body', type: 'text' }) text!: string;
  @Column({ name: 'html_body', type: 'text', nullable: true }) html!: string | null;
  @Column('text') kind!: string;
  /** Files sent with the message, as text (calendar invitations); null when none. */
  @Column({ type: 'jsonb', nullable: true }) attachments!: Array<{
    filename: string;
    contentType: string;
    content: string;
  }> | null;
  @Column('text') status!: OutboxStatus;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  /** Sending attempts so far (a claim counts as one). */
  @Column('integer') attempts!: number;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true }) lastAttemptAt!: Date | null;
  /** `pending`: when the next attempt is due; `sending`: when the claim's lease ends; otherwise null. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}

export const MAIL_ENTITIES = [OutboxMessage];
