import { getSchema } from '@tiptap/core';
import MarkdownIt from 'markdown-it';
import { documentTemplate, editorExtensions } from './editor-schema';
import { safeHref, toMarkdown } from './markdown';

describe('toMarkdown', () => {
  it('renders the document template as headings', () => {
    expect(toMarkdown(documentTemplate('Paper', [{ heading: 'Summary · 摘要', body: 'Text' }]))).toBe(
      '# Paper\n\n## Summary · 摘要\n\nText\n',
    );
  });

  it('renders marks, lists, quotes, code and rules, and escapes Markdown syntax in text', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'text', text: ' and ' },
            { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
            { type: 'text', text: ' *not emphasis* ' },
            { type: 'text', text: 'x=1', marks: [{ type: 'code' }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] },
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'two' }] },
                {
                  type: 'orderedList',
                  attrs: { start: 1 },
                  content: [
                    { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nested' }] }] },
                  ],
                },
              ],
            },
          ],
        },
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

  describe('carries no active content', () => {
    // The most permissive CommonMark reader: raw HTML on, every link scheme let through.
    const reader = new MarkdownIt({ html: true });
    reader.validateLink = () => true;
    type Token = ReturnType<ReturnType<typeof MarkdownIt>['parse']>[number];
    const flatten = (tokens: Token[]): Token[] => tokens.flatMap((t) => [t, ...flatten(t.children ?? [])]);
    const hostile = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
            { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
            { type: 'text', text: 'tab', marks: [{ type: 'link', attrs: { href: 'java\tscript:alert(1)' } }] },
            {
              type: 'text',
              text: 'data',
              marks: [{ type: 'link', attrs: { href: ' DATA:text/html,<script>alert(1)</script>' } }],
            },
            { type: 'text', text: 'a`<img src=x onerror=alert(2)>`', marks: [{ type: 'code' }] },
            { type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'https://example.org/a b(c)' } }] },
          ],
        },
        {
          type: 'codeBlock',
          attrs: { language: 'js\n<img src=x onerror=alert(3)>' },
          content: [{ type: 'text', text: '```\n~~~\n<img src=x onerror=alert(4)>' }],
        },
      ],
    };

    it('parses back without raw HTML, with only safe links, and with the text kept', () => {
      const markdown = toMarkdown(hostile);
      const tokens = flatten(reader.parse(markdown, {}));
      expect(tokens.filter((t) => t.type === 'html_inline' || t.type === 'html_block').map((t) => t.content)).toEqual(
        [],
      );
      const links = tokens.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
      expect(links).toHaveLength(1);
      expect(links[0]).toMatch(/^https:\/\/example\.org\/a%20b/);
      const code = tokens.filter((t) => t.type === 'code_inline' || t.type === 'fence');
      expect(code.map((t) => t.content.trim())).toEqual([
        'a`<img src=x onerror=alert(2)>`',
        '```\n~~~\n<img src=x onerror=alert(4)>',
      ]);
      expect(code[1].info).toBe('');
      const html = reader.render(markdown);
      expect(html).not.toMatch(/<img|<script|href="(java|data)/i);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('keeps web, mail, phone and relative links; drops every other scheme', () => {
      expect(
        ['https://a.example/x', 'http://a.example', 'mailto:a@example.org', 'tel:+3906', '/documents/1', '#s2'].map(
          safeHref,
        ),
      ).toEqual([
        'https://a.example/x',
        'http://a.example',
        'mailto:a@example.org',
        'tel:+3906',
        '/documents/1',
        '#s2',
      ]);
      expect(
        ['javascript:alert(1)', 'JaVaScRiPt:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', '', null].map(
          safeHref,
        ),
      ).toEqual([null, null, null, null, null, null, null]);
    });
  });
});
