export { PrivacyModule } from './privacy.module';
export { PrivacyCommands, DATA_EXPORT_JOB, dataExportDownloadPath } from './privacy.commands';
export { ErasureCommand } from './erasure.command';
export { RetentionSweep, RETENTION_JOB, type RetentionRule } from './retention.sweep';
export { RETENTION_DAYS, RETENTION_SWEEP_SECONDS } from './retention';
export { CURRENT_NOTICE_VERSION, PRIVACY_NOTICES, privacyNotice } from './privacy-notice';
export { dataExportZip, dataExportMarkdown } from './data-export.zip';
