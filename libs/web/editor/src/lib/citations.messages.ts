import { defineMessages } from '@roundtable/web-i18n';

// Citations and the reference list (ADR 039): the toolbar's picker, the references panel, import errors.
export const citationsMessages = defineMessages(
  'citations',
  {
    toolbar: {
      cite: 'Cite',
      bibliography: 'Reference list',
    },
    picker: {
      legend: 'Cite references',
      hint: 'Choose one or more references, then insert.',
      empty: 'The reference list is empty: add references below the text first.',
      insert: 'Insert citation',
      cancel: 'Cancel',
    },
    panel: {
      title: 'References',
      style: 'Citation style',
      styles: { vancouver: 'Vancouver (numbered)', apa: 'APA (author–year)' },
      empty: 'No references yet. Import BibTeX or RIS, or paste a DOI.',
      uncited: 'not cited',
      remove: 'Remove',
      removeLabel: 'Remove reference: {{title}}',
      insertList: 'Insert the reference list here',
    },
    import: {
      title: 'Add references',
      format: 'Format',
      formats: { bibtex: 'BibTeX', ris: 'RIS', doi: 'DOI' },
      text: 'BibTeX, RIS or a DOI',
      placeholder: '@article{…}   or   TY  - JOUR …   or   10.1000/xyz123',
      file: 'Or read a .bib or .ris file',
      submit: 'Add',
      added: '{{count}} reference(s) added.',
      doiUnresolved:
        'The DOI was added without its details (this server does not look DOIs up): import BibTeX or RIS for the full reference.',
    },
    errors: {
      referencesUnreadable: 'This text could not be read in the chosen format.',
      referencesEmpty: 'No reference was found in this text.',
      referencesTooMany: 'Too many references at once: import the file in parts.',
      doiMissing: 'No DOI was found (it looks like 10.1000/xyz123).',
    },
    broken: 'This reference was removed from the reference list',
    listLabel: 'Reference list',
    listEmpty: 'The reference list appears here once references are added.',
  },
  {
    toolbar: {
      cite: '引用',
      bibliography: '参考文献列表',
    },
    picker: {
      legend: '引用参考文献',
      hint: '选择一条或多条参考文献，然后插入。',
      empty: '参考文献列表为空：请先在正文下方添加参考文献。',
      insert: '插入引用',
      cancel: '取消',
    },
    panel: {
      title: '参考文献',
      style: '引用格式',
      styles: { vancouver: '温哥华格式（编号）', apa: 'APA 格式（作者–年份）' },
      empty: '尚无参考文献。可导入 BibTeX 或 RIS，或粘贴 DOI。',
      uncited: '未引用',
      remove: '移除',
      removeLabel: '移除参考文献：{{title}}',
      insertList: '在此处插入参考文献列表',
    },
    import: {
      title: '添加参考文献',
      format: '格式',
      formats: { bibtex: 'BibTeX', ris: 'RIS', doi: 'DOI' },
      text: 'BibTeX、RIS 或 DOI',
      placeholder: '@article{…}   或   TY  - JOUR …   或   10.1000/xyz123',
      file: '或读取 .bib 或 .ris 文件',
      submit: '添加',
      added: '已添加 {{count}} 条参考文献。',
      doiUnresolved: '已添加该 DOI，但未获取详细信息（本服务器不查询 DOI）：如需完整条目，请导入 BibTeX 或 RIS。',
    },
    errors: {
      referencesUnreadable: '无法按所选格式读取这段文本。',
      referencesEmpty: '这段文本中没有找到参考文献。',
      referencesTooMany: '一次导入的参考文献过多：请分批导入文件。',
      doiMissing: '没有找到 DOI（格式如 10.1000/xyz123）。',
    },
    broken: '该参考文献已从参考文献列表中移除',
    listLabel: '参考文献列表',
    listEmpty: '添加参考文献后，参考文献列表将显示在这里。',
  },
);
