import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto } from '@roundtable/contracts';
import { Policy, sendPage, toCsvText, type PolicyDeclaration } from '@roundtable/api-platform';
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
    return toCsvText(auditCsvRows(await this.queries.all(filter)), { bom: true });
  }
}
