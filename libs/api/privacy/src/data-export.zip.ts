import { strToU8, zipSync } from 'fflate';
import type { DataExportSection } from './data-export.collect';

/** A cell of data.md: one line, pipes escaped, dates as ISO text. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** The readable half of the export: every section as a Markdown table. */
export function dataExportMarkdown(sections: DataExportSection[], createdAt: Date): string {
  const parts = [
    '# Your data in Roundtable',
    '',
    `Exported ${createdAt.toISOString()}. Each section is also a JSON file in this archive.`,
    '',
  ];
  for (const section of sections) {
    parts.push(`## ${section.title}`, '');
    if (section.rows.length === 0) {
      parts.push('Nothing.', '');
      continue;
    }
    const columns = Object.keys(section.rows[0]);
    parts.push(`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
    for (const row of section.rows) parts.push(`| ${columns.map((c) => cell(row[c])).join(' | ')} |`);
    parts.push('');
  }
  return parts.join('\n');
}

/** The ZIP: `data.md` and one `<section>.json` per section (pretty-printed). */
export function dataExportZip(sections: DataExportSection[], createdAt: Date): Buffer {
  const files: Record<string, Uint8Array> = { 'data.md': strToU8(dataExportMarkdown(sections, createdAt)) };
  for (const section of sections) files[`${section.name}.json`] = strToU8(JSON.stringify(section.rows, null, 2));
  return Buffer.from(zipSync(files, { level: 6, mtime: createdAt }));
}
