import type { JSONContent } from '@tiptap/core';

/**
 * A generated bilingual position paper in the shared schema: a title, numbered sections (level 2) with
 * subsections (level 3), paragraphs in English and Chinese with marks and links, lists and a quote. Used by
 * the export tests and, at 40 pages, by the export benchmark. No real people or text.
 */
export function bilingualPaper(sections: number): JSONContent {
  const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
    type: 'text',
    text: value,
    ...(marks ? { marks } : {}),
  });
  const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
  const content: JSONContent[] = [
    {
      type: 'heading',
      attrs: { level: 1 },
      content: [text('Position paper on personalised medicine 个性化医疗立场文件')],
    },
  ];
  for (let s = 1; s <= sections; s++) {
    content.push({
      type: 'heading',
      attrs: { level: 2 },
      content: [text(`Section ${s}: cohorts and data 队列与数据`)],
    });
    for (let p = 0; p < 3; p++) {
      content.push(
        paragraph(
          text(`European programmes fund long-term cohorts (section ${s}, paragraph ${p + 1}). `),
          text('Shared standards', [{ type: 'bold' }]),
          text(' make data reusable; see '),
          text('the project site', [{ type: 'link', attrs: { href: 'https://example.org/ic2permed' } }]),
          text('. '),
          text(`中国的精准医学计划支持大型人群队列研究，第${s}节第${p + 1}段。数据共享需要共同的标准与伦理审查。`),
        ),
      );
    }
    content.push({ type: 'heading', attrs: { level: 3 }, content: [text(`Recommendations ${s} 建议`)] });
    content.push({
      type: 'bulletList',
      content: ['Align consent forms 统一知情同意书', 'Fund joint training 资助联合培训'].map((item) => ({
        type: 'listItem',
        content: [paragraph(text(item))],
      })),
    });
    content.push({
      type: 'orderedList',
      attrs: { start: 1 },
      content: ['First step 第一步', 'Second step 第二步'].map((item) => ({
        type: 'listItem',
        content: [paragraph(text(item))],
      })),
    });
    content.push({
      type: 'blockquote',
      content: [paragraph(text('A quoted finding 引用的结论', [{ type: 'italic' }]))],
    });
  }
  return { type: 'doc', content };
}
