import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobsService } from '@roundtable/api-jobs';
import { ApiException } from '@roundtable/api-platform';
import { ErrorCode, type ExportFormat } from '@roundtable/contracts';
import { DataSource } from 'typeorm';
import { ExportDocumentCommand } from './export-document.command';
import { DocumentExportJob } from './export-job.entity';
import type { ExportUser } from './export-source.query';

export const EXPORT_JOB = 'document-export';

/**
 * Exports as background jobs (ADR 031): a request records the job and queues it on pg-boss; a worker (any
 * process) renders it through the same `ExportDocumentCommand` as the synchronous route, so the file lands
 * in the same cache, and records its progress for the app to poll. The requester's access is checked again
 * when the job runs (their comments view is part of the export).
 */
@Injectable()
export class ExportJobsCommands implements OnApplicationBootstrap {
  private readonly logger = new Logger('ExportJobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly exportDocument: ExportDocumentCommand,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.register<{ jobId: string }>(EXPORT_JOB, ({ jobId }) => this.run(jobId), {
      pollingIntervalSeconds: 0.5,
    });
  }

  async start(userId: string, documentId: string, format: ExportFormat, versionId: string | null): Promise<string> {
    if (versionId) {
      const found = await this.dataSource.query('SELECT 1 FROM document_versions WHERE id = $1 AND document_id = $2', [
        versionId,
        documentId,
      ]);
      if (found.length === 0)
        throw new ApiException(ErrorCode.ValidationFailed, 'Invalid export', {
          fields: [
            { field: 'versionId', code: 'unknownVersion', message: 'versionId must be a version id of this document' },
          ],
        });
    }
    const job = await this.dataSource.getRepository(DocumentExportJob).save({
      documentId,
      versionId,
      format,
      requestedByUserId: userId,
      state: 'queued',
      progress: 0,
    });
    await this.jobs.send(EXPORT_JOB, { jobId: job.id }, { retryLimit: 0 });
    return job.id;
  }

  /** The worker: renders (or finds in the cache) the export, recording progress; a failure is recorded, not thrown. */
  async run(jobId: string): Promise<void> {
    const repository = this.dataSource.getRepository(DocumentExportJob);
    const job = await repository.findOneBy({ id: jobId });
    if (!job || job.state !== 'queued') return;
    await repository.update({ id: jobId }, { state: 'running', progress: 5 });
    try {
      const [user]: Array<ExportUser & { platform_role: ExportUser['platformRole'] }> = await this.dataSource.query(
        `SELECT id, platform_role, person_id AS "personId", display_name AS "displayName" FROM users WHERE id = $1`,
        [job.requestedByUserId],
      );
      const result = await this.exportDocument.run(
        { ...user, platformRole: user.platform_role },
        job.documentId,
        job.format,
        job.versionId,
        (progress) => repository.update({ id: jobId }, { progress }).then(() => undefined),
      );
      await repository.update({ id: jobId }, { state: 'done', progress: 100, inputHash: result.inputHash });
    } catch (error) {
      const code = error instanceof ApiException ? error.code : ErrorCode.Internal;
      if (code === ErrorCode.Internal) this.logger.error(`Export job ${jobId} failed`, error as Error);
      await repository.update({ id: jobId }, { state: 'failed', error: code });
    }
  }
}
