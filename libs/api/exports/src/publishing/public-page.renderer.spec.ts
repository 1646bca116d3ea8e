import {
  citation,
  markOlderVersion,
  renderPublicIndex,
  renderPublicNotice,
  renderPublicPage,
  type PublicationMeta,
} from './public-page.renderer';

const meta: PublicationMeta = {
  slug: 'cohorts-and-data',
  number: 2,
  title: { en: 'Cohorts <and> data', zh: '队列与数据' },
  project: 'IC2PerMed',
  workingGroup: { code: 'WG1', title: { en: 'Big data', zh: '大数据' } },
  deliverable: 'D2.2 · M24',
  versionName: 'Final',
  date: '2026-12-01',
  authors: [
    { personId: 'a', name: 'WG1 EU co-chair' },
    { personId: 'b', name: 'WG1 expert' },
  ],
  citeBase: 'https://roundtable.example.org',
};
const input = {
  meta,
  html: '<h2>Scope</h2><p>Text 文本</p>',
  topLevel: 2,
  text: { regular: 'Text 文本', bold: 'Scope' },
};

describe('public pages', () => {
  it('cite the version by its permanent address', () => {
    expect(citation(meta, 'en')).toBe(
      'WG1 EU co-chair, WG1 expert. Cohorts <and> data. IC2PerMed, WG1, D2.2 · M24. Version 2, 2026-12-01. https://roundtable.example.org/p/cohorts-and-data/v/2',
    );
    expect(citation(meta, 'zh-CN')).toContain('队列与数据. IC2PerMed, WG1, D2.2 · M24. 版本 2');
  });

  it('render the page in its language, escaped, with the switch, the downloads and only local resources', () => {
    const en = renderPublicPage(input, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Cohorts &lt;and&gt; data</h1>');
    expect(en).toContain('<a href="/p/cohorts-and-data/v/2?lang=zh-CN" lang="zh-CN" hreflang="zh-CN">中文</a>');
    expect(en).toContain('href="/p/cohorts-and-data/v/2/download/docx"');
    expect(en).toContain('href="/p/cohorts-and-data/v/2/download/pdf"');
    expect(en).toContain('<main class="paper"><h2>Scope</h2><p>Text 文本</p></main>');
    expect(en).toMatch(/url\(\/p\/_fonts\/[^)]+\.woff2\)/);
    expect(en).not.toMatch(/<script|https?:\/\/(?!roundtable\.example\.org)/);
    const zh = renderPublicPage(input, 'zh-CN');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>队列与数据</h1>');
    expect(zh).toContain('WG1 · 大数据');
  });

  it('say on an older version where the latest is, and nothing on the latest', () => {
    const page = renderPublicPage(input, 'en');
    expect(markOlderVersion(page, meta.slug, 3, 'en')).toContain(
      'This is an older version. The latest is <a href="/p/cohorts-and-data">the latest version (3)</a>.',
    );
    expect(markOlderVersion(page, meta.slug, null, 'en')).not.toContain('older version');
  });

  it('list publications by project, and answer 404/410 pages in both languages', () => {
    const index = renderPublicIndex(
      [
        {
          slug: 'a',
          title: meta.title,
          project: 'IC2PerMed',
          workingGroupCode: 'WG1',
          deliverable: null,
          number: 1,
          date: '2026-12-01',
        },
      ],
      'zh-CN',
    );
    expect(index).toContain('<h2>IC2PerMed</h2>');
    expect(index).toContain('<a href="/p/a?lang=zh-CN">队列与数据</a>');
    expect(renderPublicIndex([], 'en')).toContain('Nothing is published yet.');
    const gone = renderPublicNotice('withdrawn');
    expect(gone).toContain('Publication withdrawn');
    expect(gone).toContain('出版物已撤回');
  });
});
