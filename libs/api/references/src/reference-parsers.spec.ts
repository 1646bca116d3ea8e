import { ApiException } from '@roundtable/api-platform';
import { parseReferences } from './reference-parsers';

const BIBTEX = String.raw`
@article{smith2020,
  author  = {Smith, Jane and Wang, Li},
  title   = {Climate policy in the {EU} and {China}},
  journal = {Energy Policy},
  year    = {2020},
  volume  = {12},
  pages   = {1--10},
  doi     = {10.1000/xyz123}
}
@book{alpha2018, author = {Alpha, Bo}, title = {Research programmes compared}, publisher = {Coordinator Press}, year = 2018}
`;

const RIS = [
  'TY  - JOUR',
  'AU  - Doe, John',
  'AU  - 张, 伟',
  'TI  - Joint research centres',
  'T2  - Science and Public Policy',
  'PY  - 2019',
  'DO  - 10.5555/joint',
  'ER  - ',
  'TY  - RPRT',
  'TI  - 中欧科研合作报告',
  'PY  - 2021',
  'ER  - ',
  '',
].join('\n');

function fieldsOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException).getStatus()).toBe(400);
    return (error as ApiException).extra.fields;
  }
  throw new Error('accepted');
}

describe('parseReferences (BibTeX)', () => {
  test('gives CSL-JSON items without the source ids or Citation.js bookkeeping', () => {
    const items = parseReferences('bibtex', BIBTEX);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      type: 'article-journal',
      'citation-key': 'smith2020',
      title: 'Climate policy in the EU and China',
      author: [
        { given: 'Jane', family: 'Smith' },
        { given: 'Li', family: 'Wang' },
      ],
      'container-title': 'Energy Policy',
      issued: { 'date-parts': [[2020]] },
      volume: '12',
      page: '1-10',
      DOI: '10.1000/xyz123',
    });
    expect(items[1]).toMatchObject({
      type: 'book',
      title: 'Research programmes compared',
      publisher: 'Coordinator Press',
    });
    for (const item of items) {
      expect(item).not.toHaveProperty('id');
      expect(item).not.toHaveProperty('_graph');
    }
  });

  test('text that is not BibTeX, or has no entry, is a 400 naming text', () => {
    expect(fieldsOf(() => parseReferences('bibtex', '@article{a, title={Unclosed'))).toEqual([
      { field: 'text', message: expect.stringMatching(/^text is not valid BibTeX: /), code: 'referencesUnreadable' },
    ]);
    expect(fieldsOf(() => parseReferences('bibtex', 'just some words'))).toEqual([
      { field: 'text', message: 'text holds no BibTeX entry', code: 'referencesEmpty' },
    ]);
  });
});

describe('parseReferences (RIS)', () => {
  test('gives CSL-JSON items, Chinese names and titles kept', () => {
    const items = parseReferences('ris', RIS);
    expect(items).toEqual([
      expect.objectContaining({
        type: 'article-journal',
        title: 'Joint research centres',
        'container-title': 'Science and Public Policy',
        author: [
          { family: 'Doe', given: 'John' },
          { family: '张', given: '伟' },
        ],
        issued: { 'date-parts': [[2019]] },
        DOI: '10.5555/joint',
      }),
      expect.objectContaining({ type: 'report', title: '中欧科研合作报告' }),
    ]);
  });

  test('text with no RIS record is a 400 naming text', () => {
    expect(fieldsOf(() => parseReferences('ris', 'nonsense'))).toEqual([
      { field: 'text', message: 'text holds no RIS entry', code: 'referencesEmpty' },
    ]);
  });
});
