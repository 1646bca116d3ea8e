export * from './mail.entities';
export * from './mail.module';
export * from './mail.service';
export { OUTBOX_DEFAULTS, outboxSettings, retryDelayMs, type OutboxSettings } from './outbox.settings';
export { OUTBOX_JOB } from './outbox.worker';
export {
  MAIL_CATALOGS,
  mailLocale,
  mailWords,
  renderMail,
  type MailCatalog,
  type MailKey,
  type MailParams,
  type MailWords,
  type RenderedMail,
} from './templates/mail-catalog';
export { eraseMailOf } from './mail.personal-data';
