import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A personal calendar subscription: only the SHA-256 of its secret token is stored. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'token_hash', type: 'bytea' }) tokenHash!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

export const CALENDAR_ENTITIES = [CalendarFeed];
