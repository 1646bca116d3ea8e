import type { DocumentType } from '@roundtable/contracts';
import { documentTemplate, type SeedSection } from '@roundtable/editor-schema';
import type { JSONContent } from '@tiptap/core';

/** Bilingual section headings a new document of each type starts with. */
const SECTIONS: Record<DocumentType, string[]> = {
  'position-paper': [
    'Summary · 摘要',
    'Context in Europe · 欧洲背景',
    'Context in China · 中国背景',
    'Recommendations · 建议',
    'References · 参考文献',
  ],
  'strategic-workplan': ['Objectives · 目标', 'Actions · 行动', 'Timeline · 时间表'],
  roadmap: ['Vision · 愿景', 'Ordered actions · 行动顺序', 'Stakeholders · 利益相关者'],
  minutes: ['Attendees · 出席者', 'Agenda · 议程', 'Decisions · 决定', 'Action items · 行动项'],
  'working-document': ['Notes · 笔记'],
};

export function initialContent(type: DocumentType, title: string): JSONContent {
  const sections: SeedSection[] = SECTIONS[type].map((heading) => ({ heading, body: '' }));
  return documentTemplate(title, sections);
}
