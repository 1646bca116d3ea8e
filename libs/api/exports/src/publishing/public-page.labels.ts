import type { Locale } from '@roundtable/contracts';

/** The words of the public pages around the paper, in both languages of the project (ADR 031). */
export interface PublicPageLabels {
  /** The name of the language, in itself (the language switch). */
  self: string;
  publications: string;
  noPublications: string;
  project: string;
  workingGroup: string;
  deliverable: string;
  version: string;
  date: string;
  authors: string;
  howToCite: string;
  downloads: string;
  docx: string;
  pdf: string;
  olderVersion: (latest: string) => string;
  latest: string;
  versions: string;
  withdrawnTitle: string;
  withdrawn: string;
  notFoundTitle: string;
  notFound: string;
}

export const PUBLIC_PAGE_LABELS: Record<Locale, PublicPageLabels> = {
  en: {
    self: 'English',
    publications: 'Publications',
    noPublications: 'Nothing is published yet.',
    project: 'Project',
    workingGroup: 'Working group',
    deliverable: 'Deliverable',
    version: 'Version',
    date: 'Date',
    authors: 'Authors',
    howToCite: 'How to cite',
    downloads: 'Downloads',
    docx: 'Word (DOCX)',
    pdf: 'PDF',
    olderVersion: (latest) => `This is an older version. The latest is ${latest}.`,
    latest: 'the latest version',
    versions: 'Versions',
    withdrawnTitle: 'Publication withdrawn',
    withdrawn: 'This publication has been withdrawn by the project.',
    notFoundTitle: 'Not found',
    notFound: 'There is no publication at this address.',
  },
  'zh-CN': {
    self: '中文',
    publications: '出版物',
    noPublications: '尚无已发布的文件。',
    project: '项目',
    workingGroup: '工作组',
    deliverable: '交付成果',
    version: '版本',
    date: '日期',
    authors: '作者',
    howToCite: '引用格式',
    downloads: '下载',
    docx: 'Word（DOCX）',
    pdf: 'PDF',
    olderVersion: (latest) => `这是较早的版本。请参阅${latest}。`,
    latest: '最新版本',
    versions: '版本',
    withdrawnTitle: '出版物已撤回',
    withdrawn: '该出版物已被项目撤回。',
    notFoundTitle: '未找到',
    notFound: '此地址没有出版物。',
  },
};
