import { defineMessages } from '@roundtable/web-i18n';

// The app header's own messages (ADR 032): keys read `appHeader.*`; the entries' names are the shared `nav.*`.
export const appHeaderMessages = defineMessages(
  'appHeader',
  {
    menu: 'Menu',
    profile: 'My profile',
    userMenu: 'Account menu of {{name}}',
  },
  {
    menu: '菜单',
    profile: '我的个人资料',
    userMenu: '{{name}}的账户菜单',
  },
);
