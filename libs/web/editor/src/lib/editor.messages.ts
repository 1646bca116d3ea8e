import { defineMessages, type FeatureT } from '@roundtable/web-i18n';

// The document page's own messages (ADR 032): keys read `editor.*`. `collab.close.*` stays shared.

export const editorMessages = defineMessages(
  'editor',
  {
    minutesStatus: {
      draft: 'Draft',
      circulated: 'Circulated for comments',
      approved: 'Approved',
    },
    loading: 'Opening the document…',
    back: 'Back to overview',
    reviewRounds: 'Review rounds',
    backToMinutes: 'Back to the minutes',
    readOnly: 'You can read this document but not edit it.',
    lock: {
      locked: 'Locked on {{date}}: {{reason}}. Nobody can edit it.',
      lock: 'Lock document',
      unlock: 'Unlock',
      confirmUnlockMinutes:
        'Unlock these minutes? They become a draft again: the approvals are withdrawn (the approvers are told) and the minutes must be circulated and approved again.',
      reasonLabel: 'Why lock it?',
      reasonHint: 'For example: final version submitted to the funders. Everyone sees this reason.',
      submit: 'Lock for everyone',
    },
    contentLabel: 'Document content',
    status: {
      label: 'Connection',
      connecting: 'Connecting…',
      connected: 'Connected',
      disconnected: 'Disconnected',
    },
    save: {
      saving: 'Saving…',
      saved: 'Saved',
      offline: 'Offline — changes kept on this device',
    },
    reconnect: 'Reconnect',
  },
  {
    minutesStatus: {
      draft: '草稿',
      circulated: '征求意见中',
      approved: '已批准',
    },
    loading: '正在打开文件…',
    back: '返回概览',
    reviewRounds: '评审轮次',
    backToMinutes: '返回会议纪要',
    readOnly: '您可以阅读此文件，但不能编辑。',
    lock: {
      locked: '已于 {{date}} 锁定：{{reason}}。任何人都无法编辑。',
      lock: '锁定文件',
      unlock: '解除锁定',
      confirmUnlockMinutes:
        '要解锁这份会议纪要吗？纪要将恢复为草稿：所有批准将被撤回（并通知批准人），纪要须重新分发征求意见并再次批准。',
      reasonLabel: '锁定原因',
      reasonHint: '例如：最终版本已提交给资助方。所有人都能看到此原因。',
      submit: '为所有人锁定',
    },
    contentLabel: '文件内容',
    status: {
      label: '连接状态',
      connecting: '正在连接…',
      connected: '已连接',
      disconnected: '已断开',
    },
    save: {
      saving: '正在保存…',
      saved: '已保存',
      offline: '离线 — 修改已保存在此设备上',
    },
    reconnect: '重新连接',
  },
);

export type EditorT = FeatureT<'editor', NonNullable<(typeof editorMessages)['shape']>>;
