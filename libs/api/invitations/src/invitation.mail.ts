import type { Locale, WorkingGroupRole } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

export interface InvitationMailInput {
  locale: Locale;
  /** The invitee's zone when they have a profile, else the inviter's: the expiry is shown in it. */
  timeZone: string;
  displayName: string | null;
  inviterName: string | null;
  projectName: string;
  workingGroup: { code: string; titleEn: string; titleZh: string };
  role: WorkingGroupRole;
  link: string;
  expiresAt: Date;
}

/** The invitation e-mail in the invitee's language, from the mail catalog (ADR 044), as text and HTML. */
export function invitationMail(input: InvitationMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const params = {
    role: w.t(`role.${input.role}`),
    group: input.workingGroup.code,
    title: input.locale === 'zh-CN' ? input.workingGroup.titleZh : input.workingGroup.titleEn,
    project: input.projectName,
    inviter: input.inviterName ?? w.t('invitation.inviterFallback'),
  };
  const lines = [
    w.hello(input.displayName),
    '',
    w.t('invitation.body', params),
    '',
    w.t('invitation.accept'),
    input.link,
    '',
    w.t('invitation.expires', { expires: w.instant(input.expiresAt, input.timeZone) }),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('invitation.subject', params), lines, [
    { url: input.link, label: w.t('invitation.linkLabel') },
  ]);
}
