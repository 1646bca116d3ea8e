import type { Locale } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

export interface PasswordResetMailInput {
  locale: Locale;
  /** The account's zone (its profile's): the expiry is shown in it. */
  timeZone: string;
  displayName: string;
  link: string;
  expiresAt: Date;
}

/** The reset-link e-mail in the account's language, from the mail catalog (ADR 044), as text and HTML. */
export function passwordResetMail(input: PasswordResetMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const lines = [
    w.hello(input.displayName),
    '',
    w.t('passwordReset.body'),
    input.link,
    '',
    w.t('passwordReset.expires', { expires: w.instant(input.expiresAt, input.timeZone) }),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('passwordReset.subject'), lines, [{ url: input.link }]);
}
