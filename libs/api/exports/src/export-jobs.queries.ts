import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiException } from '@roundtable/api-platform';
import { documentExportUrl, ErrorCode, type ExportJobDto } from '@roundtable/contracts';
import { DataSource } from 'typeorm';
import { DocumentExportJob } from './export-job.entity';

/** An export job as its requester polls it; other people's jobs are not found. Never writes. */
@Injectable()
export class ExportJobsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async job(userId: string, documentId: string, jobId: string): Promise<ExportJobDto> {
    const job = await this.dataSource
      .getRepository(DocumentExportJob)
      .findOneBy({ id: jobId, documentId, requestedByUserId: userId });
    if (!job) throw new ApiException(ErrorCode.NotFound, 'Export job not found.');
    return presentExportJob(job);
  }
}

export function presentExportJob(job: DocumentExportJob): ExportJobDto {
  return {
    id: job.id,
    documentId: job.documentId,
    format: job.format,
    versionId: job.versionId,
    state: job.state,
    progress: job.progress,
    downloadUrl: job.state === 'done' ? documentExportUrl(job.documentId, job.format, job.versionId) : null,
    error: job.state === 'failed' ? job.error : null,
  };
}
