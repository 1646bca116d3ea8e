import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deleteOldPasswordResets } from '@roundtable/api-accounts';
import { deleteLoginAttemptsBefore } from '@roundtable/api-auth';
import { deleteUnacceptedInvitationsBefore } from '@roundtable/api-invitations';
import { JobsService } from '@roundtable/api-jobs';
import { Clock } from '@roundtable/api-platform';
import { forgetApplicantAddressesBefore } from '@roundtable/api-open-call';
import { DataSource, type EntityManager } from 'typeorm';
import { PrivacyRepository } from './privacy.repository';
import { RETENTION_DAYS, RETENTION_SWEEP_SECONDS } from './retention';

export const RETENTION_JOB = 'privacy-retention';

/** One kind of personal data that expires: its period and the owner's writer that deletes or blanks it. */
export interface RetentionRule {
  name: string;
  days: number;
  /** Returns how many rows it deleted or blanked; `now` is the business clock's (ADR 043, one clock). */
  apply(manager: EntityManager, days: number, now: Date): Promise<number>;
}

/**
 * The retention sweep (ADR 043) on the job queue: every 6 hours (and at start), one process at a time, each
 * rule in its own transaction. A feature whose data expires registers a rule (`register`): outside
 * reviewers' contact data after their round closes is the review rounds' rule (`RETENTION_DAYS
 * .outsideReviewers`), registered by that feature when it exists.
 */
@Injectable()
export class RetentionSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionSweep.name);
  private readonly rules: RetentionRule[] = [
    { name: 'login-attempts', days: RETENTION_DAYS.loginAttempts, apply: deleteLoginAttemptsBefore },
    { name: 'applicant-addresses', days: RETENTION_DAYS.applicantAddresses, apply: forgetApplicantAddressesBefore },
    {
      name: 'unaccepted-invitations',
      days: RETENTION_DAYS.unacceptedInvitations,
      apply: deleteUnacceptedInvitationsBefore,
    },
    { name: 'password-resets', days: RETENTION_DAYS.passwordResets, apply: deleteOldPasswordResets },
    {
      name: 'data-exports',
      days: RETENTION_DAYS.dataExports,
      apply: (manager, _days, now) => this.repository.dropEndedExports(manager, now),
    },
  ];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly repository: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  /** Adds a rule (a feature's own expiring data), run from the next sweep on. */
  register(rule: RetentionRule): void {
    this.rules.push(rule);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(
      RETENTION_JOB,
      () => RETENTION_SWEEP_SECONDS,
      () => this.sweep(),
    );
  }

  /** Runs every rule; returns what each removed. */
  async sweep(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    const now = this.clock.now();
    for (const rule of this.rules) {
      try {
        done[rule.name] = await this.dataSource.transaction((manager) => rule.apply(manager, rule.days, now));
      } catch (error) {
        this.logger.error(`retention rule ${rule.name} failed: ${(error as Error).message}`);
      }
    }
    return done;
  }
}
