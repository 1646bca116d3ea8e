import type { Locale } from '@roundtable/contracts';
import { escapeHtml } from '@roundtable/api-platform';

export interface PasswordResetMailInput {
  locale: Locale;
  displayName: string;
  link: string;
  expiresAt: Date;
}

const TEXT: Record<
  Locale,
  { subject: string; greeting: (name: string) => string; body: string[]; expires: (time: string) => string }
> = {
  en: {
    subject: 'Reset your Roundtable password',
    greeting: (name) => `Dear ${name},`,
    body: ['Someone (we hope you) asked to reset the password of your Roundtable account. Choose a new password here:'],
    expires: (time) =>
      `The link works once and expires at ${time} (UTC). Setting a new password signs you out everywhere. ` +
      'If you did not ask for this, ignore this message: your password stays as it is.',
  },
  'zh-CN': {
    subject: '重置您的 Roundtable 密码',
    greeting: (name) => `${name}，您好：`,
    body: ['有人（希望是您本人）请求重置您的 Roundtable 账户密码。请通过以下链接设置新密码：'],
    expires: (time) =>
      `该链接仅可使用一次，将于 ${time}（UTC）失效。设置新密码后，您将在所有设备上退出登录。如果这不是您本人的请求，请忽略本邮件，您的密码不会改变。`,
  },
};

/** The reset-link e-mail in the account's language (English or Simplified Chinese), as text and HTML. */
export function passwordResetMail(input: PasswordResetMailInput): { subject: string; text: string; html: string } {
  const words = TEXT[input.locale];
  const time = input.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    words.greeting(input.displayName),
    '',
    ...words.body,
    input.link,
    '',
    words.expires(time),
    '',
    'Roundtable',
  ];
  const html = lines
    .map((line) => (line === input.link ? `<a href="${escapeHtml(line)}">${escapeHtml(line)}</a>` : escapeHtml(line)))
    .join('<br>\n');
  return {
    subject: words.subject,
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${input.locale}"><body><p>${html}</p></body></html>`,
  };
}
