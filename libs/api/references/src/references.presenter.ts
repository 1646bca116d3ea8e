import type { ImportedReferencesDto } from '@roundtable/contracts';
import type { CslItem } from '@roundtable/editor-schema';

export function presentImported(added: CslItem[], resolved: boolean): ImportedReferencesDto {
  return {
    added: added.map((item) => ({
      id: item.id,
      title: typeof item.title === 'string' ? item.title : '',
      doi: typeof item.DOI === 'string' ? item.DOI : null,
    })),
    resolved,
  };
}
