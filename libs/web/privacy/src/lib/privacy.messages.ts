import { defineMessages } from '@roundtable/web-i18n';

// The privacy pages' own messages (ADR 032, ADR 043): keys read `privacy.*` and `audit.*`.

export const privacyMessages = defineMessages(
  'privacy',
  {
    noticeTitle: 'Privacy notice',
    version: 'Version {{version}}',
    settingsLink: 'Your privacy settings',
    title: 'Privacy',
    intro:
      'Each consent is asked separately and can be withdrawn here as easily as it was given; a withdrawal takes effect at once.',
    readNotice: 'Read the privacy notice',
    consentsTitle: 'Consents',
    answer: {
      yes: 'Given',
      no: 'Withdrawn',
      unasked: 'Not answered yet',
    },
    give: 'Give',
    withdraw: 'Withdraw',
    required: 'Needed for the account: erase the account to withdraw it.',
    purpose: {
      account: 'My account (name, email address, language, sign-ins)',
      directory: 'Being listed in the people directory',
      'publish-name': 'My name on published papers',
      'cross-border': 'Transfer of my data between the EU and China',
      'optional-profile': 'Optional profile data such as gender (for the balance report)',
    },
    exportTitle: 'Download my data',
    exportIntro:
      'A ZIP of JSON files and one Markdown file with everything Roundtable holds about you. It is prepared in the background; the link is valid for 7 days and can be revoked.',
    exportRequest: 'Prepare my data',
    exportState: {
      queued: 'Queued',
      running: 'Being prepared',
      done: 'Ready',
      failed: 'Failed',
    },
    exportRevoked: 'Revoked',
    exportDownload: 'Download',
    exportRevoke: 'Revoke link',
    exportExpires: 'Link valid until {{time}}',
    exportNone: 'No exports yet.',
    eraseTitle: 'Erase my account',
    eraseIntro:
      'What you wrote stays for the project’s record under “Former member #n”; your name, email address, affiliation and profile are removed, you are signed out everywhere, and your calendar feed and invitations stop working. This cannot be undone.',
    erasePassword: 'Your password, to confirm',
    eraseConfirm: 'Erase my account',
    erasing: 'Erasing…',
    erased: 'Your account was erased. You are now “Former member #{{number}}” in the project’s records.',
  },
  {
    noticeTitle: '隐私声明',
    version: '版本 {{version}}',
    settingsLink: '您的隐私设置',
    title: '隐私',
    intro: '每项同意单独征求，您可以在此像给予时一样轻松地撤回；撤回立即生效。',
    readNotice: '阅读隐私声明',
    consentsTitle: '同意',
    answer: {
      yes: '已同意',
      no: '已撤回',
      unasked: '尚未回答',
    },
    give: '同意',
    withdraw: '撤回',
    required: '账户所必需：如需撤回，请删除账户。',
    purpose: {
      account: '我的账户（姓名、电子邮箱、语言、登录记录）',
      directory: '列入人员名录',
      'publish-name': '在已发布论文上署名',
      'cross-border': '我的数据在欧盟与中国之间传输',
      'optional-profile': '可选的个人资料，如性别（用于平衡报告）',
    },
    exportTitle: '下载我的数据',
    exportIntro:
      '一个 ZIP 文件，包含 JSON 文件和一个 Markdown 文件，内含 Roundtable 保存的关于您的全部数据。它在后台准备；链接 7 天内有效，可以撤销。',
    exportRequest: '准备我的数据',
    exportState: {
      queued: '排队中',
      running: '准备中',
      done: '已就绪',
      failed: '失败',
    },
    exportRevoked: '已撤销',
    exportDownload: '下载',
    exportRevoke: '撤销链接',
    exportExpires: '链接有效期至 {{time}}',
    exportNone: '尚无导出。',
    eraseTitle: '删除我的账户',
    eraseIntro:
      '您所写的内容以“Former member #n”（前成员）的名义保留在项目记录中；您的姓名、电子邮箱、机构和个人资料将被删除，您将在所有设备上退出登录，日历订阅和邀请将失效。此操作无法撤销。',
    erasePassword: '请输入密码确认',
    eraseConfirm: '删除我的账户',
    erasing: '正在删除…',
    erased: '您的账户已删除。在项目记录中，您现在是“Former member #{{number}}”（前成员）。',
  },
);

export const auditMessages = defineMessages(
  'audit',
  {
    title: 'Audit log',
    intro:
      'Who signed in, changed permissions, exported or erased data, locked, approved or published — by id only, never names or email addresses. Entries cannot be changed or deleted.',
    action: 'Action',
    anyAction: 'Any action',
    from: 'From',
    to: 'Until',
    csv: 'Download CSV',
    at: 'When',
    actor: 'By (user id)',
    subject: 'Subject',
    details: 'Details',
    empty: 'No entries.',
  },
  {
    title: '审计日志',
    intro:
      '谁登录、更改权限、导出或删除数据、锁定、批准或发布——仅记录编号，从不记录姓名或电子邮箱。条目无法更改或删除。',
    action: '操作',
    anyAction: '任何操作',
    from: '从',
    to: '至',
    csv: '下载 CSV',
    at: '时间',
    actor: '操作者（用户编号）',
    subject: '对象',
    details: '详情',
    empty: '没有条目。',
  },
);
