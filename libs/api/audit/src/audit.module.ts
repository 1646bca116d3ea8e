import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueries } from './audit.queries';

/** The append-only audit log (ADR 043): `recordAudit(manager, …)` for every lib, the administrators' page. */
@Module({
  controllers: [AuditController],
  providers: [AuditQueries],
  exports: [AuditQueries],
})
export class AuditModule {}
