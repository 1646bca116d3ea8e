import { getSchema, type JSONContent } from '@tiptap/core';
import { generateHTML, generateJSON } from '@tiptap/html/server';
import { editorExtensions } from './editor-schema';
import { toMarkdown } from './markdown';
import { parseFrameworks, recommendationsOf } from './recommendation.node';

const extensions = editorExtensions();
const schema = getSchema(extensions);

function rec(recId: string, title: string, body: string, attrs: Record<string, unknown> = {}): JSONContent {
  return {
    type: 'recommendation',
    attrs: {
      recId,
      title,
      addressee: 'funders',
      horizon: 'long',
      priority: 'high',
      frameworks: 'icpermed-p2',
      ...attrs,
    },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }],
  };
}

const doc: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Paper' }] },
    rec('a1', 'Fund data sharing', 'Funders should pay for FAIR data.'),
    rec('b2', '建立共享平台', '建立国家级精准医学数据共享平台。', { addressee: 'policy-makers', frameworks: '' }),
  ],
};

describe('the recommendation node', () => {
  test('is valid content of the shared schema', () => {
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
  });

  test('survives the server render round trip (HTML and back) with every attribute and its title', () => {
    const html = generateHTML(doc, extensions);
    expect(html).toContain('data-recommendation');
    expect(html).toContain('Fund data sharing');
    expect(html).toContain('data-addressee="funders"');
    const back = generateJSON(html, extensions);
    expect(recommendationsOf(back)).toEqual(recommendationsOf(doc));
  });

  test('the registry reads each block in order with its plain body', () => {
    expect(recommendationsOf(doc)).toEqual([
      {
        recId: 'a1',
        title: 'Fund data sharing',
        body: 'Funders should pay for FAIR data.',
        addressee: 'funders',
        horizon: 'long',
        priority: 'high',
        frameworks: ['icpermed-p2'],
        position: 0,
      },
      {
        recId: 'b2',
        title: '建立共享平台',
        body: '建立国家级精准医学数据共享平台。',
        addressee: 'policy-makers',
        horizon: 'long',
        priority: 'high',
        frameworks: [],
        position: 1,
      },
    ]);
  });

  test('unknown attribute values fall back to the defaults and unknown frameworks are dropped', () => {
    const [block] = recommendationsOf({
      type: 'doc',
      content: [rec('', ' T ', 'x', { addressee: 'aliens', horizon: 'never', priority: 9 })],
    });
    expect(block).toMatchObject({
      recId: '',
      title: 'T',
      addressee: 'policy-makers',
      horizon: 'medium',
      priority: 'medium',
    });
    expect(parseFrameworks('icpermed-p1, nope,icpermed-p1,icpermed-p5')).toEqual(['icpermed-p1', 'icpermed-p5']);
  });

  test('Markdown keeps the title, the body and the attributes', () => {
    const markdown = toMarkdown(doc);
    expect(markdown).toContain('**Fund data sharing**');
    expect(markdown).toContain('Funders should pay for FAIR data.');
    expect(markdown).toContain('funders · long · high · icpermed-p2');
    expect(markdown).toContain('**建立共享平台**');
  });
});
