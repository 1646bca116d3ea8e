import type { Locale } from '@roundtable/contracts';
import { mailWords, renderMail, type RenderedMail } from '@roundtable/api-mail';

interface ReviewMailInput {
  locale: Locale;
  /** Outside reviewers have no profile: times are shown in the zone of the member who invited them (ADR 044). */
  timeZone: string;
  name: string;
  projectName: string;
  documentTitle: string;
  roundName: string;
  link: string;
}

export interface ReviewInvitationMailInput extends ReviewMailInput {
  inviterName: string | null;
  closesAt: Date;
}

export interface ReviewRespondedMailInput extends ReviewMailInput {
  expiresAt: Date;
}

/** The invitation to review, in the reviewer's language: a personal link valid until the round closes. */
export function reviewInvitationMail(input: ReviewInvitationMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const params = {
    title: input.documentTitle,
    project: input.projectName,
    round: input.roundName,
    inviter: input.inviterName ?? w.t('invitation.inviterFallback'),
  };
  const lines = [
    w.hello(input.name),
    '',
    w.t('review.invitation.body', params),
    '',
    w.t('review.invitation.how'),
    input.link,
    '',
    w.t('review.invitation.until', { closes: w.instant(input.closesAt, input.timeZone) }),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('review.invitation.subject', params), lines, [
    { url: input.link, label: w.t('review.invitation.linkLabel') },
  ]);
}

/** After the round is responded: a new personal link to the reviewer's own comments and the authors' responses. */
export function reviewRespondedMail(input: ReviewRespondedMailInput): RenderedMail {
  const w = mailWords(input.locale);
  const params = { title: input.documentTitle, project: input.projectName, round: input.roundName };
  const lines = [
    w.hello(input.name),
    '',
    w.t('review.responded.body', params),
    '',
    w.t('review.responded.see'),
    input.link,
    '',
    w.t('review.responded.until', { expires: w.instant(input.expiresAt, input.timeZone) }),
    '',
    w.t('common.signature'),
  ];
  return renderMail(input.locale, w.t('review.responded.subject', params), lines, [
    { url: input.link, label: w.t('review.responded.linkLabel') },
  ]);
}
