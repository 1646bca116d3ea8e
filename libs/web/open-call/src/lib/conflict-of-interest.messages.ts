import { defineMessages } from '@roundtable/web-i18n';

// Reviewers' declared conflicts of interest (ADR 035): keys read `conflictOfInterest.*`.

export const conflictOfInterestMessages = defineMessages(
  'conflictOfInterest',
  {
    heading: 'Declared conflicts of interest',
    by: '{{name}}, {{date}}',
    declare: 'Declare a conflict of interest',
    statement: 'What is the conflict?',
    statementHint: 'Kept with the application and shown to the coordinators.',
    submit: 'Declare',
    confirm:
      'Declare a conflict of interest with this application? Your review is withdrawn and you can no longer review or decide it.',
    cancel: 'Cancel',
    mine: 'You declared a conflict of interest: you do not review or decide this application.',
  },
  {
    heading: '已声明的利益冲突',
    by: '{{name}}，{{date}}',
    declare: '声明利益冲突',
    statement: '冲突内容是什么？',
    statementHint: '将与申请一并保存，并向协调人显示。',
    submit: '声明',
    confirm: '声明与此申请存在利益冲突？您的评审将被撤回，且不能再评审或决定此申请。',
    cancel: '取消',
    mine: '您已声明利益冲突：您不评审也不决定此申请。',
  },
);
