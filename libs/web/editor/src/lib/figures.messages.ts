import { defineMessages } from '@roundtable/web-i18n';

// Figures and footnotes in the editor (ADR 038): the insert forms, labels and the notes under the text.
export const figuresMessages = defineMessages(
  'figures',
  {
    label: 'Figure {{number}}',
    form: {
      title: 'Insert a figure',
      file: 'Image (PNG or JPEG)',
      caption: 'Caption',
      captionPlaceholder: 'What the figure shows',
      hint: 'The image is uploaded to the library of this document’s working group.',
      insert: 'Upload and insert',
      uploading: 'Uploading… {{percent}} %',
      cancel: 'Cancel',
      noFile: 'Choose a PNG or JPEG image.',
      failed: 'The image could not be uploaded ({{reason}}).',
    },
    missing: 'Image not available',
    notes: {
      title: 'Footnotes',
      empty: 'No footnotes yet. Place the cursor in the text and choose “Footnote”.',
      text: 'Text of footnote {{number}}',
      placeholder: 'Write the note…',
      goTo: 'Go to footnote {{number}} in the text',
      remove: 'Remove footnote {{number}}',
    },
  },
  {
    label: '图 {{number}}',
    form: {
      title: '插入图片',
      file: '图片（PNG 或 JPEG）',
      caption: '图题',
      captionPlaceholder: '图片展示的内容',
      hint: '图片将上传到本文档所属工作组的资料库。',
      insert: '上传并插入',
      uploading: '正在上传… {{percent}} %',
      cancel: '取消',
      noFile: '请选择 PNG 或 JPEG 图片。',
      failed: '图片上传失败（{{reason}}）。',
    },
    missing: '图片不可用',
    notes: {
      title: '脚注',
      empty: '暂无脚注。将光标置于正文中，然后选择“脚注”。',
      text: '脚注 {{number}} 的内容',
      placeholder: '填写注释…',
      goTo: '转到正文中的脚注 {{number}}',
      remove: '删除脚注 {{number}}',
    },
  },
);
