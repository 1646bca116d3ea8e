import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '@roundtable/api-auth';
import { ApiException, Policy } from '@roundtable/api-platform';
import { UuidParamPipe } from '@roundtable/api-projects';
import {
  ErrorCode,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportJobDto,
  type FieldError,
} from '@roundtable/contracts';
import type { Response } from 'express';
import { ExportDocumentCommand } from './export-document.command';
import { CONTENT_TYPES } from './export.model';
import { presentExportFile } from './export-file.presenter';
import { ExportJobsCommands } from './export-jobs.commands';
import { ExportJobsQueries } from './export-jobs.queries';
import { StartExportJobDto } from './export-job.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('documents')
@Controller('documents')
export class ExportsController {
  constructor(
    private readonly exportDocument: ExportDocumentCommand,
    private readonly jobs: ExportJobsCommands,
    private readonly jobQueries: ExportJobsQueries,
  ) {}

  /** Starts a background export (a long PDF): poll the job, then fetch `downloadUrl`, which the cache answers. */
  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Post(':id/export-jobs')
  @HttpCode(202)
  @ApiOkResponse({ description: 'The queued job (202); the export route answers from the cache once it is done.' })
  @ApiBadRequestResponse({
    description: '`format` is not one of docx, pdf, html, md, or `versionId` is not a version of this document.',
  })
  async startJob(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: StartExportJobDto,
  ): Promise<ExportJobDto> {
    const jobId = await this.jobs.start(user.id, id, body.format, body.versionId ?? null);
    return this.jobQueries.job(user.id, id, jobId);
  }

  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':id/export-jobs/:jobId')
  @ApiOkResponse({ description: "The job's state and progress; `downloadUrl` once done." })
  @ApiNotFoundResponse({ description: "Unknown job, or another person's." })
  job(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Param('jobId', new UuidParamPipe('jobId')) jobId: string,
  ): Promise<ExportJobDto> {
    return this.jobQueries.job(user.id, id, jobId);
  }

  /** Whoever may read the document may export it, and any of its versions (issue #14). */
  @Policy({ document: 'read', resource: { type: 'document', param: 'id' } })
  @Get(':id/export')
  @ApiQuery({ name: 'format', required: true, enum: EXPORT_FORMATS })
  @ApiQuery({ name: 'version', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOkResponse({
    description:
      'The document (or the version) as a DOCX, PDF, standalone HTML or Markdown attachment; the same export of the same inputs is served from a cache.',
  })
  @ApiBadRequestResponse({
    description: '`format` is not one of docx, pdf, html, md, or `version` is not a version id.',
  })
  @ApiNotFoundResponse({ description: 'Unknown document, one the caller may not read, or not one of its versions.' })
  @ApiServiceUnavailableResponse({ description: 'PDF_RENDERER_UNAVAILABLE: no Chromium on the server (PDF only).' })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query('format') format: unknown,
    @Query('version') version: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const fields: FieldError[] = [];
    if (typeof format !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(format))
      fields.push({
        field: 'format',
        code: 'isIn',
        params: { allowed: EXPORT_FORMATS.join(', ') },
        message: `format must be one of ${EXPORT_FORMATS.join(', ')}`,
      });
    if (version !== undefined && (typeof version !== 'string' || !UUID.test(version)))
      fields.push({
        field: 'version',
        code: 'unknownVersion',
        message: 'version must be a version id of this document',
      });
    if (fields.length > 0) throw new ApiException(ErrorCode.ValidationFailed, 'Invalid query', { fields });
    const result = await this.exportDocument.run(
      user,
      id,
      format as ExportFormat,
      (version as string | undefined) ?? null,
    );
    const file = presentExportFile(result);
    for (const [name, value] of Object.entries(file.headers)) response.setHeader(name, value);
    response.status(200).end(file.bytes);
  }
}
