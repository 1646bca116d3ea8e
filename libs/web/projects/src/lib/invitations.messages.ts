import { defineMessages, type FeatureT } from '@roundtable/web-i18n';

// The working-group page's invitation section's own messages (ADR 032): keys read `invitations.*`.

export const invitationsMessages = defineMessages(
  'invitations',
  {
    heading: 'Invitations',
    formHeading: 'Invite by email',
    formIntro: 'We email a personal link. The person joins this working group with the role you choose.',
    email: 'Email address',
    displayName: 'Name',
    role: 'Role',
    send: 'Send invitation',
    sending: 'Sending…',
    sent: 'Invitation sent to {{email}}.',
    listHeading: 'Pending invitations',
    showAll: 'Also show accepted, expired and revoked',
    empty: 'No pending invitations.',
    statusLabel: 'Status',
    expires: 'Expires',
    revoke: 'Revoke',
    status: {
      pending: 'Pending',
      accepted: 'Accepted',
      expired: 'Expired',
      revoked: 'Revoked',
    },
  },
  {
    heading: '邀请',
    formHeading: '通过电子邮件邀请',
    formIntro: '我们会发送一个专属链接。对方将以您选择的角色加入此工作组。',
    email: '电子邮箱',
    displayName: '姓名',
    role: '角色',
    send: '发送邀请',
    sending: '正在发送…',
    sent: '已向 {{email}} 发送邀请。',
    listHeading: '待处理的邀请',
    showAll: '同时显示已接受、已过期和已撤销的邀请',
    empty: '暂无待处理的邀请。',
    statusLabel: '状态',
    expires: '有效期至',
    revoke: '撤销',
    status: {
      pending: '待接受',
      accepted: '已接受',
      expired: '已过期',
      revoked: '已撤销',
    },
  },
);

export type InvitationsT = FeatureT<'invitations', NonNullable<(typeof invitationsMessages)['shape']>>;
