import { defineMessages } from '@roundtable/web-i18n';

// Where a deliverable's documents are published (ADR 031, ADR 032): keys read `planPublication.*`.

export const planPublicationMessages = defineMessages(
  'planPublication',
  { publishedAt: 'Published at' },
  { publishedAt: '已发布于' },
);
