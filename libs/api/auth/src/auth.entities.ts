import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale, PlatformRole } from '@roundtable/contracts';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column({ name: 'password_hash', type: 'text', select: false }) passwordHash!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ name: 'platform_role', type: 'text' }) platformRole!: PlatformRole;
  @Column('text') locale!: Locale;
  @Column({ name: 'person_id', type: 'uuid', nullable: true }) personId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'sessions' })
export class Session {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'token_hash', type: 'bytea' }) tokenHash!: Buffer;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
}

@Entity({ name: 'login_attempts' })
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'email_key', type: 'text' }) emailKey!: string;
  @Column('text') ip!: string;
  @Column('boolean') succeeded!: boolean;
  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' }) attemptedAt!: Date;
}

export const AUTH_ENTITIES = [User, Session, LoginAttempt];
