import type { ImportedReferencesDto, ReferenceImportFormat } from '@roundtable/contracts';
import { parseDoi } from '@roundtable/editor-schema';
import { api, unwrap } from '@roundtable/web-ui';

export const referencesCommands = {
  import: (id: string, format: ReferenceImportFormat, text: string) =>
    unwrap<ImportedReferencesDto>(
      api.POST('/api/documents/{id}/references/import', { params: { path: { id } }, body: { format, text } }),
    ),
};

/** The format pasted or read text is most likely in (the user can still choose another). */
export function detectFormat(text: string, fileName = ''): ReferenceImportFormat {
  if (/\.ris$/i.test(fileName) || /^\s*TY {2}- /m.test(text)) return 'ris';
  if (/\.bib$/i.test(fileName) || /@[a-z]+\s*[{(]/i.test(text)) return 'bibtex';
  if (parseDoi(text)) return 'doi';
  return 'bibtex';
}
