import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { recordAudit } from '@roundtable/api-audit';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { PublicationAuthorsCommand } from '@roundtable/api-exports';
import { JobsService } from '@roundtable/api-jobs';
import { ApiException, hashLinkToken, newLinkToken } from '@roundtable/api-platform';
import { clearOptionalProfile } from '@roundtable/api-projects';
import { ErrorCode, REQUIRED_CONSENT_PURPOSES, type ConsentPurpose, type DataExportDto } from '@roundtable/contracts';
import { DataSource } from 'typeorm';
import { collectPersonalData } from './data-export.collect';
import { dataExportZip } from './data-export.zip';
import { CURRENT_NOTICE_VERSION } from './privacy-notice';
import { presentDataExport } from './privacy.presenter';
import { PrivacyRepository } from './privacy.repository';
import { RETENTION_DAYS } from './retention';

export const DATA_EXPORT_JOB = 'privacy-data-export';

/** Where a data export link points (relative to the app's origin). */
export function dataExportDownloadPath(token: string): string {
  return `/api/data-exports/${token}/download`;
}

/**
 * Consents (recorded with the notice version shown; what a withdrawal changes is done in the same
 * transaction) and own-data exports (a row with the hashed link token, then a job builds the ZIP).
 */
@Injectable()
export class PrivacyCommands implements OnApplicationBootstrap {
  private readonly logger = new Logger(PrivacyCommands.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PrivacyRepository,
    private readonly jobs: JobsService,
    private readonly publicationAuthors: PublicationAuthorsCommand,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.register<{ exportId: string }>(DATA_EXPORT_JOB, ({ exportId }) => this.buildExport(exportId));
  }

  async setConsent(user: AuthenticatedUser, purpose: ConsentPurpose, granted: boolean): Promise<void> {
    if (!granted && REQUIRED_CONSENT_PURPOSES.includes(purpose))
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid consent', {
        fields: [
          {
            field: 'purpose',
            message: 'the account itself is withdrawn by erasing it',
            code: 'consentRequired',
          },
        ],
      });
    await this.dataSource.transaction(async (manager) => {
      await this.repository.recordConsent(manager, {
        userId: user.id,
        purpose,
        granted,
        noticeVersion: CURRENT_NOTICE_VERSION,
      });
      if (!granted && user.personId) {
        // What a withdrawal changes happens now, not at some later sweep.
        if (purpose === 'publish-name') await this.publicationAuthors.removeAuthor(manager, user.personId);
        if (purpose === 'optional-profile') await clearOptionalProfile(manager, user.personId);
        // 'directory' is read by the directory's query itself; 'cross-border' is recorded for the controller.
      }
      await recordAudit(manager, {
        actorUserId: user.id,
        action: 'privacy.consentChanged',
        subjectType: 'user',
        subjectId: user.id,
        details: { purpose, granted },
      });
    });
  }

  /** Queues a new export; the answer carries the secret link (only here: the token is stored hashed). */
  async requestExport(user: AuthenticatedUser): Promise<DataExportDto> {
    const token = newLinkToken();
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.repository.createExport(
        manager,
        user.id,
        hashLinkToken(token),
        RETENTION_DAYS.dataExports,
      );
      await recordAudit(manager, {
        actorUserId: user.id,
        action: 'privacy.exportRequested',
        subjectType: 'user',
        subjectId: user.id,
        details: { exportId: created },
      });
      return created;
    });
    await this.jobs.send(DATA_EXPORT_JOB, { exportId: id });
    const row = await this.repository.exportOf(user.id, id);
    return { ...presentDataExport(row!), downloadUrl: dataExportDownloadPath(token) };
  }

  async revokeExport(user: AuthenticatedUser, id: string): Promise<void> {
    if (!(await this.repository.revokeExport(user.id, id)))
      throw new ApiException(ErrorCode.NotFound, 'Export not found.');
  }

  /** The job: reads everything about the account and stores the ZIP in the row. */
  async buildExport(exportId: string): Promise<void> {
    const [row]: Array<{ user_id: string; person_id: string | null; email: string; revoked_at: Date | null }> =
      await this.dataSource.query(
        `SELECT e.user_id, u.person_id, u.email, e.revoked_at FROM data_exports e JOIN users u ON u.id = e.user_id
          WHERE e.id = $1`,
        [exportId],
      );
    if (!row || row.revoked_at) return;
    await this.repository.setExportState(exportId, 'running', null, null);
    try {
      const sections = await collectPersonalData(this.dataSource, {
        userId: row.user_id,
        personId: row.person_id,
        email: row.email,
      });
      await this.repository.setExportState(exportId, 'done', dataExportZip(sections, new Date()), null);
    } catch (error) {
      this.logger.error(`data export ${exportId} failed: ${(error as Error).message}`);
      await this.repository.setExportState(exportId, 'failed', null, 'EXPORT_FAILED');
    }
  }

  /** The file of a link (404 unknown, revoked or expired; 409 while it is being built). */
  async download(where: { token: string } | { id: string; userId: string }): Promise<Buffer> {
    const row = await this.repository.downloadable(
      'token' in where ? { tokenHash: hashLinkToken(where.token) } : where,
    );
    if (!row) throw new ApiException(ErrorCode.NotFound, 'This export link is unknown, revoked or expired.');
    if (row.state !== 'done' || !row.bytes) throw new ApiException(ErrorCode.Conflict, 'The export is not ready yet.');
    await this.dataSource.transaction((manager) =>
      recordAudit(manager, {
        actorUserId: 'token' in where ? null : where.userId,
        action: 'privacy.exportDownloaded',
        subjectType: 'user',
        subjectId: row.user_id,
        details: { exportId: row.id },
      }),
    );
    return row.bytes;
  }
}
