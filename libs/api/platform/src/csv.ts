/**
 * CSV for spreadsheets (RFC 4180). A text cell starting with = + - @ (or a tab or carriage return) is a
 * formula to Excel, LibreOffice and Google Sheets — `=HYPERLINK("http://evil", "Click")` would run when
 * the file is opened — so such a cell is prefixed with an apostrophe and shows as text (OWASP "CSV
 * injection"). Plain numbers (-0.25) stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends; `bom` makes spreadsheets read UTF-8 (中文) correctly. */
export function toCsvText(
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  options: { bom?: boolean } = {},
): string {
  return `${options.bom ? '\uFEFF' : ''}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
