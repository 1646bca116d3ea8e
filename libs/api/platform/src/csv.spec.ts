import { parse } from 'csv-parse/sync';
import { csvField, toCsvText } from './csv';

describe('CSV export', () => {
  it('neutralises formulas, keeps numbers and quotes what needs it; parses back to the same text', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","Click")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      'plain, "quoted"\nline',
      '中文',
      -0.25,
      12,
      null,
    ];
    const text = toCsvText([['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], hostile], { bom: true });
    const [header, row] = parse(text, { bom: true, relax_column_count: false }) as string[][];
    expect(header).toHaveLength(10);
    expect(row).toEqual([
      '\'=HYPERLINK("http://evil.example","Click")',
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      'plain, "quoted"\nline',
      '中文',
      '-0.25',
      '12',
      '',
    ]);
    expect(row.filter((cell) => /^[=+@\t\r]/.test(cell) || /^-(?!\d+(\.\d+)?$)/.test(cell))).toEqual([]);
  });

  it('quotes only when needed', () => {
    expect(csvField('D2.1')).toBe('D2.1');
    expect(csvField('a,b')).toBe('"a,b"');
  });
});
