import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxMessageDto } from '@roundtable/contracts';

export type OutboxStatus = OutboxMessageDto['status'];

/** One e-mail, written before any attempt to send it, so nothing is lost when SMTP is down or absent. */
@Entity({ name: 'mail_outbox' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'to_address', type: 'text' }) to!: string;
  @Column('text') subject!: string;
  @Column({ name: 'text_body', type: 'text' }) text!: string;
  @Column({ name: 'html_body', type: 'text', nullable: true }) html!: string | null;
  @Column('text') kind!: string;
  /** Files sent with the message, as text (calendar invitations); null when none. */
  @Column({ type: 'jsonb', nullable: true }) attachments!: Array<{ filename: string; contentType: string; content: string }> | null;
  @Column('text') status!: OutboxStatus;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}

export const MAIL_ENTITIES = [OutboxMessage];
