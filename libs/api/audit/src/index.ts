export { AUDIT_ENTITIES, AuditEntry } from './audit.entity';
export { recordAudit, assertIdsOnly, type AuditInput } from './audit.writer';
export { AuditModule } from './audit.module';
export { AuditQueries } from './audit.queries';
