import type { Locale, WorkingGroupRole } from '@roundtable/contracts';
import { linesToHtml } from '@roundtable/api-mail';

export interface InvitationMailInput {
  locale: Locale;
  displayName: string | null;
  inviterName: string | null;
  projectName: string;
  workingGroup: { code: string; titleEn: string; titleZh: string };
  role: WorkingGroupRole;
  link: string;
  expiresAt: Date;
}

const ROLE_NAMES: Record<Locale, Record<WorkingGroupRole, string>> = {
  en: { 'co-chair': 'co-chair', expert: 'expert', observer: 'observer' },
  'zh-CN': { 'co-chair': '联合主席', expert: '专家', observer: '观察员' },
};

/** The invitation e-mail in the invitee's language (English or Simplified Chinese), as text and HTML. */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string; html: string } {
  const role = ROLE_NAMES[input.locale][input.role];
  const expires = input.expiresAt.toISOString().slice(0, 10);
  const { code } = input.workingGroup;
  if (input.locale === 'zh-CN') {
    const title = input.workingGroup.titleZh;
    const subject = `邀请您以${role}身份加入 ${code}「${title}」`;
    const lines = [
      input.displayName ? `${input.displayName}，您好：` : '您好：',
      '',
      `${input.inviterName ?? '项目团队'}邀请您以${role}身份加入 ${input.projectName} 项目的工作组 ${code}「${title}」。`,
      '',
      '请打开以下链接接受邀请：',
      input.link,
      '',
      `该链接仅可使用一次，有效期至 ${expires}（UTC）。如果您并未预期收到此邀请，请忽略本邮件。`,
      '',
      'Roundtable',
    ];
    return { subject, text: lines.join('\n'), html: linesToHtml(lines, input.link, '接受邀请', 'zh-CN') };
  }
  const title = input.workingGroup.titleEn;
  const subject = `Invitation to join ${code} "${title}" as ${role}`;
  const lines = [
    input.displayName ? `Dear ${input.displayName},` : 'Hello,',
    '',
    `${input.inviterName ?? 'The project team'} invites you to join working group ${code} "${title}" of ${input.projectName} as ${role}.`,
    '',
    'Accept the invitation here:',
    input.link,
    '',
    `The link works once and expires on ${expires} (UTC). If you did not expect this invitation, you can ignore this message.`,
    '',
    'Roundtable',
  ];
  return { subject, text: lines.join('\n'), html: linesToHtml(lines, input.link, 'Accept the invitation', 'en') };
}
