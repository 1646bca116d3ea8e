import type { Bilingual, Locale } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

/**
 * The "confirm your application" mail in the language of the form the applicant used, from the mail catalog
 * (ADR 044). Applicants have no profile, so the expiry is shown in UTC, named as such.
 */
export function applicationConfirmationMail(input: {
  locale: Locale;
  name: string;
  callTitle: Bilingual;
  link: string;
  expiresAt: Date;
}): RenderedMail {
  const w = mailWords(input.locale);
  const title = input.locale === 'zh-CN' ? input.callTitle.zh : input.callTitle.en;
  const lines = [
    w.hello(input.name),
    '',
    w.t('applicationConfirmation.intro', { title }),
    input.link,
    '',
    w.t('applicationConfirmation.replaces'),
    w.t('applicationConfirmation.expires', { expires: w.instant(input.expiresAt, 'UTC') }),
    w.t('applicationConfirmation.notYou'),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('applicationConfirmation.subject', { title }), lines, [
    { url: input.link, label: w.t('applicationConfirmation.linkLabel') },
  ]);
}
