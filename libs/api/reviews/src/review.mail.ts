import { linesToHtml } from '@roundtable/api-mail';

type Locale = 'en' | 'zh-CN';

export interface ReviewInvitationMailInput {
  locale: Locale;
  name: string;
  inviterName: string | null;
  projectName: string;
  documentTitle: string;
  roundName: string;
  link: string;
  closesAt: Date;
}

export interface ReviewRespondedMailInput {
  locale: Locale;
  name: string;
  projectName: string;
  documentTitle: string;
  roundName: string;
  link: string;
  expiresAt: Date;
}

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

function minute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}`;
}

/** The invitation to review, in the reviewer's language: a personal link valid until the round closes. */
export function reviewInvitationMail(input: ReviewInvitationMailInput): MailText {
  const closes = minute(input.closesAt);
  if (input.locale === 'zh-CN') {
    const lines = [
      `${input.name}，您好：`,
      '',
      `${input.inviterName ?? '项目团队'}邀请您评审 ${input.projectName} 项目的文件「${input.documentTitle}」（${input.roundName}）。`,
      '',
      '请通过以下个人链接阅读文件、发表意见并填写问卷，无需注册账号：',
      input.link,
      '',
      `在评审截止（${closes} UTC）之前，您可以随时返回修改。请勿转发此链接。`,
      '',
      'Roundtable',
    ];
    return mail(`邀请评审：「${input.documentTitle}」`, lines, input.link, '打开评审', 'zh-CN');
  }
  const lines = [
    `Dear ${input.name},`,
    '',
    `${input.inviterName ?? 'The project team'} invites you to review "${input.documentTitle}" of ${input.projectName} (${input.roundName}).`,
    '',
    'Read the document, comment and answer the questionnaire through your personal link; no account is needed:',
    input.link,
    '',
    `You can come back and change your review until the round closes (${closes} UTC). Please do not forward this link.`,
    '',
    'Roundtable',
  ];
  return mail(`Invitation to review "${input.documentTitle}"`, lines, input.link, 'Open the review', 'en');
}

/** After the round is responded: a new personal link to the reviewer's own comments and the authors' responses. */
export function reviewRespondedMail(input: ReviewRespondedMailInput): MailText {
  const expires = input.expiresAt.toISOString().slice(0, 10);
  if (input.locale === 'zh-CN') {
    const lines = [
      `${input.name}，您好：`,
      '',
      `感谢您评审 ${input.projectName} 项目的「${input.documentTitle}」（${input.roundName}）。作者已对每条意见作出答复。`,
      '',
      '请通过以下链接查看您的意见及答复：',
      input.link,
      '',
      `该链接有效期至 ${expires}（UTC）。`,
      '',
      'Roundtable',
    ];
    return mail(`评审答复：「${input.documentTitle}」`, lines, input.link, '查看答复', 'zh-CN');
  }
  const lines = [
    `Dear ${input.name},`,
    '',
    `Thank you for reviewing "${input.documentTitle}" of ${input.projectName} (${input.roundName}). The authors have responded to every comment.`,
    '',
    'See your comments and the responses here:',
    input.link,
    '',
    `The link works until ${expires} (UTC).`,
    '',
    'Roundtable',
  ];
  return mail(`Responses to your review of "${input.documentTitle}"`, lines, input.link, 'See the responses', 'en');
}

function mail(subject: string, lines: string[], link: string, linkLabel: string, lang: string): MailText {
  return { subject, text: lines.join('\n'), html: linesToHtml(lines, link, linkLabel, lang) };
}
