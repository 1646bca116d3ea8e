import type { DocumentVersionKind } from '@roundtable/contracts';

/**
 * Words an export writes around the paper's own text. Exports are read by both sides of the project, so every
 * label carries its English and its Chinese form (the document itself is bilingual; there is no reader's locale).
 */
export const EXPORT_LABELS = {
  project: 'Project · 项目',
  workingGroup: 'Working group · 工作组',
  deliverable: 'Deliverable · 交付成果',
  version: 'Version · 版本',
  date: 'Date · 日期',
  openComments: 'Open comments · 未解决的评论',
  on: 'On · 针对',
  currentDraft: 'Current draft · 当前草稿',
  page: 'Page · 页',
  unknownAuthor: 'Co-author · 合著者',
} as const;

export const VERSION_KIND_LABELS: Record<DocumentVersionKind, string> = {
  auto: 'Automatic version · 自动版本',
  'session-end': 'Version at session end · 会话结束版本',
  named: 'Named version · 命名版本',
  restore: 'Before restore · 恢复前版本',
  approved: 'Approved · 已批准',
};
