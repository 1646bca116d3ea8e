import { defineMessages, type FeatureT } from '@roundtable/web-i18n';

// The versions panel's own messages (ADR 032): keys read `versions.*`.

export const versionsMessages = defineMessages(
  'versions',
  {
    older: 'Show older versions',
    title: 'Version history',
    show: 'Version history',
    hide: 'Hide version history',
    loading: 'Loading versions…',
    empty: 'No versions yet. Versions are kept automatically while people edit, or name one below.',
    nameLabel: 'Name the current version',
    nameHint: 'For example “Outline sent to funders” (at most {{max}} characters).',
    namePlaceholder: 'Outline sent to funders',
    nameSubmit: 'Save version',
    view: 'View',
    compare: 'Compare with current',
    restore: 'Restore',
    restoreConfirm:
      'Restore “{{label}}”? Everyone editing will see the document change to this version. The current state is kept as a version first.',
    diffTitle: 'Changes from this version to the current document',
    noChanges: 'No changes since this version.',
    op: {
      insert: 'Added:',
      delete: 'Removed:',
    },
    kind: {
      auto: 'Automatic version',
      named: 'Named version',
      'session-end': 'End of editing session',
      restore: 'Before restore',
      approved: 'Approved (frozen)',
    },
  },
  {
    older: '显示更早的版本',
    title: '版本历史',
    show: '版本历史',
    hide: '隐藏版本历史',
    loading: '正在加载版本…',
    empty: '暂无版本。编辑时会自动保存版本，也可以在下方为当前版本命名。',
    nameLabel: '为当前版本命名',
    nameHint: '例如“发送给资助方的提纲”（最多 {{max}} 个字符）。',
    namePlaceholder: '发送给资助方的提纲',
    nameSubmit: '保存版本',
    view: '查看',
    compare: '与当前版本比较',
    restore: '恢复',
    restoreConfirm: '恢复“{{label}}”？所有正在编辑的人都会看到文档变为此版本。当前状态会先保存为一个版本。',
    diffTitle: '从此版本到当前文档的更改',
    noChanges: '自此版本以来没有更改。',
    op: {
      insert: '新增：',
      delete: '删除：',
    },
    kind: {
      auto: '自动版本',
      named: '命名版本',
      'session-end': '编辑会话结束',
      restore: '恢复之前',
      approved: '已批准（冻结）',
    },
  },
);

export type VersionsT = FeatureT<'versions', NonNullable<(typeof versionsMessages)['shape']>>;
