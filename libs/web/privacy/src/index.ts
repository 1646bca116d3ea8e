export { PrivacyNoticePage } from './lib/privacy-notice.page';
export { MyPrivacyPage } from './lib/my-privacy.page';
export { AuditPage } from './lib/audit.page';
export { privacyMessages, auditMessages } from './lib/privacy.messages';
