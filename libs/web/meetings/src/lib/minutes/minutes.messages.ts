import { defineMessages, type FeatureT } from '@roundtable/web-i18n';

// The minutes pages' own messages (ADR 032): keys read `minutes.*`.

export const minutesMessages = defineMessages(
  'minutes',
  {
    title: 'Minutes',
    document: 'Minutes document',
    writeDocument: 'Write the minutes together',
    readDocument: 'Read the approved minutes',
    lockedNote: 'Approved minutes are locked: nobody can edit them. The approved text is kept as a version.',
    commentsUntil: 'Comments until {{date}}',
    start: 'Start minutes',
    open: 'Minutes ({{status}})',
    agendaItem: 'agenda: {{title}}',
    agendaLink: 'Agenda item',
    status: {
      draft: 'Draft',
      circulated: 'Circulated for comments',
      approved: 'Approved',
    },
    approval: {
      title: 'Approval',
      needed: 'Approvals needed: {{count}} (the group’s co-chairs; for project events, a coordinator).',
      by: 'Approved by {{name}} on {{date}}',
      approve: 'Approve the minutes',
    },
    circulate: {
      days: 'Comment window (days)',
      submit: 'Circulate for comments',
    },
    decisions: {
      title: 'Decisions',
      none: 'No decisions recorded.',
      new: 'New decision',
      add: 'Add decision',
    },
    actions: {
      title: 'Action items',
      none: 'No action items.',
      new: 'New action item',
      add: 'Add action item',
      owner: 'Owner',
      dueOn: 'Due on',
      due: 'due {{date}}',
      overdue: 'Overdue',
      status: 'Status',
    },
    actionStatus: {
      open: 'Open',
      done: 'Done',
      dropped: 'Dropped',
    },
    carried: {
      title: 'Open actions (carried over)',
      intro:
        'Open action items of this group from earlier meetings, listed on every agenda until they are done or dropped.',
    },
    archive: {
      title: 'Minutes archive',
      intro: 'Approved minutes of every working group, shared across the project.',
      search: 'Search the text',
      group: 'Working group',
      allGroups: 'All groups',
      from: 'From',
      to: 'To',
      submit: 'Search',
      empty: 'No approved minutes match.',
    },
    myActions: {
      title: 'My actions',
      intro: 'Your action items from the minutes of every working group; open ones first.',
    },
  },
  {
    title: '会议纪要',
    document: '会议纪要文档',
    writeDocument: '共同撰写会议纪要',
    readDocument: '阅读已批准的会议纪要',
    lockedNote: '已批准的会议纪要已锁定，任何人都不能编辑。批准的文本已保存为一个版本。',
    commentsUntil: '意见截止：{{date}}',
    start: '开始记录纪要',
    open: '会议纪要（{{status}}）',
    agendaItem: '议程：{{title}}',
    agendaLink: '议程项',
    status: {
      draft: '草稿',
      circulated: '征求意见中',
      approved: '已批准',
    },
    approval: {
      title: '批准',
      needed: '所需批准数：{{count}}（工作组联合主席；项目活动由协调人批准）。',
      by: '{{name}} 于 {{date}} 批准',
      approve: '批准会议纪要',
    },
    circulate: {
      days: '征求意见期（天）',
      submit: '分发征求意见',
    },
    decisions: {
      title: '决定',
      none: '尚无决定。',
      new: '新决定',
      add: '添加决定',
    },
    actions: {
      title: '行动项',
      none: '没有行动项。',
      new: '新行动项',
      add: '添加行动项',
      owner: '负责人',
      dueOn: '截止日期',
      due: '截止 {{date}}',
      overdue: '已逾期',
      status: '状态',
    },
    actionStatus: {
      open: '未完成',
      done: '已完成',
      dropped: '已放弃',
    },
    carried: {
      title: '遗留行动项',
      intro: '本工作组以往会议中尚未完成的行动项，在完成或放弃之前会列入每次议程。',
    },
    archive: {
      title: '会议纪要档案',
      intro: '所有工作组已批准的会议纪要，在整个项目中共享。',
      search: '搜索文本',
      group: '工作组',
      allGroups: '所有工作组',
      from: '从',
      to: '至',
      submit: '搜索',
      empty: '没有符合条件的已批准会议纪要。',
    },
    myActions: {
      title: '我的行动项',
      intro: '您在各工作组会议纪要中的行动项，未完成的排在前面。',
    },
  },
);

export type MinutesT = FeatureT<'minutes', NonNullable<(typeof minutesMessages)['shape']>>;
