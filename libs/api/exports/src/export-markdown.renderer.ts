import type { JSONContent } from '@tiptap/core';
import { toMarkdown } from '@roundtable/editor-schema';
import { EXPORT_LABELS } from './export.labels';
import type { ExportSource } from './export.model';
import { outlineOf } from './export-outline';

/**
 * The Markdown export: the cover as a list, the paper, the open comment threads. Everything goes through the
 * shared schema's `toMarkdown`, cover and comments too (built as editor nodes), so it is escaped the one way.
 */
export function renderMarkdown(source: ExportSource): string {
  const { cover } = source;
  const item = (label: string, value: string | null): JSONContent[] =>
    value === null ? [] : [{ type: 'listItem', content: [paragraph(`${label}: ${value}`)] }];
  const front: JSONContent[] = [
    { type: 'heading', attrs: { level: 1 }, content: text(cover.title) },
    {
      type: 'bulletList',
      content: [
        ...item(EXPORT_LABELS.project, cover.project),
        ...item(EXPORT_LABELS.workingGroup, cover.workingGroup),
        ...item(EXPORT_LABELS.deliverable, cover.deliverable),
        ...item(EXPORT_LABELS.version, cover.version),
        ...item(EXPORT_LABELS.date, cover.date),
      ],
    },
    { type: 'horizontalRule' },
  ];
  // The cover carries the title: the content's own title heading is not repeated.
  const body = outlineOf(source.content).body;
  const comments: JSONContent[] = source.threads.length
    ? [
        { type: 'horizontalRule' },
        { type: 'heading', attrs: { level: 2 }, content: text(EXPORT_LABELS.openComments) },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: source.threads.map((thread) => ({
            type: 'listItem',
            content: [
              paragraph(`${EXPORT_LABELS.on}: “${thread.anchorText}”`),
              ...thread.comments.map((c) => paragraph(`${c.author} (${c.date.slice(0, 10)}): ${c.body}`)),
            ],
          })),
        },
      ]
    : [];
  return toMarkdown({ type: 'doc', content: [...front, ...body, ...comments] });
}

function text(value: string): JSONContent[] {
  return value ? [{ type: 'text', text: value }] : [];
}

function paragraph(value: string): JSONContent {
  return { type: 'paragraph', content: text(value) };
}
