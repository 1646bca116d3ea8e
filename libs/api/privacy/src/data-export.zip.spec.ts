import { strFromU8, unzipSync } from 'fflate';
import { dataExportMarkdown, dataExportZip } from './data-export.zip';

const AT = new Date('2026-12-07T10:00:00Z');
const SECTIONS = [
  { name: 'account', title: 'Account', rows: [{ email: 'expert@example.org', display_name: 'WG1 expert' }] },
  { name: 'comments', title: 'Comments', rows: [{ body: 'a | b\nnext line', created_at: AT }] },
  { name: 'sessions', title: 'Sessions', rows: [] },
];

describe('the own-data export', () => {
  it('holds one JSON file per section and data.md', () => {
    const files = unzipSync(new Uint8Array(dataExportZip(SECTIONS, AT)));
    expect(Object.keys(files).sort()).toEqual(['account.json', 'comments.json', 'data.md', 'sessions.json']);
    expect(JSON.parse(strFromU8(files['account.json']))).toEqual(SECTIONS[0].rows);
    expect(JSON.parse(strFromU8(files['sessions.json']))).toEqual([]);
  });

  it('writes every section as a Markdown table, one line per row, pipes escaped', () => {
    const markdown = dataExportMarkdown(SECTIONS, AT);
    expect(markdown).toContain('Exported 2026-12-07T10:00:00.000Z');
    expect(markdown).toContain('| email | display_name |');
    expect(markdown).toContain('| expert@example.org | WG1 expert |');
    expect(markdown).toContain('| a \\| b next line | 2026-12-07T10:00:00.000Z |');
    expect(markdown).toContain('## Sessions\n\nNothing.');
  });
});
