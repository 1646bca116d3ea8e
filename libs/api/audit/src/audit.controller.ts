import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type AuditEntryDto } from '@roundtable/contracts';
import { ApiException, Policy, sendPage, toCsvText, type PolicyDeclaration } from '@roundtable/api-platform';
import type { Response } from 'express';
import { AuditFilterDto } from './audit.dto';
import { auditCsvRows } from './audit.presenter';
import { AuditQueries } from './audit.queries';

/** Coordinators (of any project) and platform administrators read the audit log. */
const READ_AUDIT: PolicyDeclaration = {
  action: 'audit.read',
  resource: 'any-project',
  denied: 'Only coordinators and administrators can read the audit log.',
};

@ApiTags('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly queries: AuditQueries) {}

  @Policy(READ_AUDIT)
  @Get()
  @ApiOkResponse({
    description: 'One page of the audit log, newest first, filtered; `X-Next-Cursor` when more follow.',
  })
  @ApiForbiddenResponse({ description: 'Only coordinators and administrators read the audit log.' })
  async list(
    @Query() filter: AuditFilterDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditEntryDto[]> {
    return sendPage(response, await this.queries.page(filter));
  }

  @Policy(READ_AUDIT)
  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-log.csv"')
  @ApiProduces('text/csv')
  async csv(@Query() filter: AuditFilterDto): Promise<string> {
    // The CSV holds every matching entry (newest first, up to AUDIT_CSV_MAX_ROWS): it is not paged.
    const paging = (['limit', 'cursor'] as const).filter((field) => filter[field] !== undefined);
    if (paging.length > 0)
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid query', {
        fields: paging.map((field) => ({
          field,
          message: `${field} is not accepted: the CSV holds every matching entry`,
          code: 'unknownField',
        })),
      });
    return toCsvText(auditCsvRows(await this.queries.all(filter)), { bom: true });
  }
}
