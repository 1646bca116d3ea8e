import { defineMessages } from '@roundtable/web-i18n';

// The notifications' own messages (ADR 032, 034): keys read `notifications.*`.

export const notificationsMessages = defineMessages(
  'notifications',
  {
    bell: 'Notifications',
    bellUnread: 'Notifications, {{count}} unread',
    title: 'Notifications',
    intro: 'Mentions, replies, meetings, minutes, actions and deadlines that concern you.',
    empty: 'No notifications yet.',
    unread: 'Unread',
    markRead: 'Mark read',
    markAllRead: 'Mark all read',
    settings: 'Choose what is emailed',
    settingsTitle: 'Notification settings',
    settingsIntro:
      'Everything appears here in the app. For each kind, choose whether it is also emailed at once, gathered into a digest sent at 08:00 in your time zone, or not emailed.',
    saved: 'Saved.',
    backToList: 'Back to notifications',
    kindHeading: 'Kind',
    deliveryHeading: 'Email',
    kind: {
      mention: 'Mentions of me in comments',
      'comment-reply': 'Replies in threads I commented on',
      'meeting-invitation': 'Meeting invitations',
      'meeting-change': 'Meeting changes and cancellations',
      minutes: 'Minutes to comment on or approve',
      action: 'Actions assigned to me or due',
      deadline: 'Deliverable deadlines',
    },
    delivery: {
      app: 'In the app only',
      email: 'Email at once',
      daily: 'Daily digest',
      weekly: 'Weekly digest (Mondays)',
    },
  },
  {
    bell: '通知',
    bellUnread: '通知，{{count}} 条未读',
    title: '通知',
    intro: '与您相关的提及、回复、会议、会议纪要、行动项和截止日期。',
    empty: '暂无通知。',
    unread: '未读',
    markRead: '标为已读',
    markAllRead: '全部标为已读',
    settings: '选择哪些通知发送邮件',
    settingsTitle: '通知设置',
    settingsIntro:
      '所有通知都会显示在应用中。请为每一类选择：同时立即发送邮件、汇总为摘要（按您所在时区的 08:00 发送），或不发送邮件。',
    saved: '已保存。',
    backToList: '返回通知',
    kindHeading: '类别',
    deliveryHeading: '邮件',
    kind: {
      mention: '评论中提到我',
      'comment-reply': '我参与的评论有新回复',
      'meeting-invitation': '会议邀请',
      'meeting-change': '会议变更和取消',
      minutes: '待评论或批准的会议纪要',
      action: '分配给我或到期的行动项',
      deadline: '交付成果截止日期',
    },
    delivery: {
      app: '仅在应用中',
      email: '立即发送邮件',
      daily: '每日摘要',
      weekly: '每周摘要（周一）',
    },
  },
);
