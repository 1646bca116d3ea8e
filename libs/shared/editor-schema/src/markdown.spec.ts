import { getSchema } from '@tiptap/core';
import { documentTemplate, editorExtensions } from './editor-schema';
import { toMarkdown } from './markdown';

describe('toMarkdown', () => {
  it('renders the document template as headings', () => {
    expect(toMarkdown(documentTemplate('Paper', [{ heading: 'Summary · 摘要', body: 'Text' }]))).toBe('# Paper\n\n## Summary · 摘要\n\nText\n');
  });

  it('renders marks, lists, quotes, code and rules, and escapes Markdown syntax in text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
          { type: 'text', text: ' *not emphasis* ' },
          { type: 'text', text: 'x=1', marks: [{ type: 'code' }] },
        ] },
        { type: 'bulletList', content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] },
            { type: 'orderedList', attrs: { start: 1 }, content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nested' }] }] },
            ] }] },
        ] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [{ type: 'text', text: 'const a = 1;' }] },
        { type: 'horizontalRule' },
      ],
    };
    // The JSON is valid for the shared schema.
    expect(() => getSchema(editorExtensions()).nodeFromJSON(doc).check()).not.toThrow();
    expect(toMarkdown(doc)).toBe(
      '**bold** and *italic* \\*not emphasis\\* `x=1`\n\n- one\n- two\n  1. nested\n\n> quoted\n\n```ts\nconst a = 1;\n```\n\n---\n',
    );
  });
});
