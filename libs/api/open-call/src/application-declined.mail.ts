import type { Bilingual, Locale } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

/** The polite "not this time" message in the applicant's language, from the mail catalog (ADR 044). */
export function applicationDeclinedMail(input: {
  locale: Locale;
  name: string;
  callTitle: Bilingual;
  projectName: string;
}): RenderedMail {
  const w = mailWords(input.locale);
  const title = input.locale === 'zh-CN' ? input.callTitle.zh : input.callTitle.en;
  const project = input.projectName;
  const lines = [
    w.hello(input.name),
    '',
    w.t('applicationDeclined.thanks', { project, title }),
    '',
    w.t('applicationDeclined.decision'),
    '',
    w.t('applicationDeclined.future'),
    '',
    ...w.t('applicationDeclined.regards').split('\n'),
    w.t('applicationDeclined.team', { project }),
  ];
  return renderMail(input.locale, w.t('applicationDeclined.subject', { title }), lines);
}
