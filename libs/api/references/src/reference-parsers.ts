import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { ApiException } from '@roundtable/api-platform';
import {
  ErrorCode,
  REFERENCE_IMPORT_MAX_ITEMS,
  type FieldErrorCode,
  type ReferenceImportFormat,
} from '@roundtable/contracts';
import type { CslItem } from '@roundtable/editor-schema';

/** A CSL item before it gets its id in a document's reference list. */
export type NewReference = Omit<CslItem, 'id'>;

const INPUT_TYPES: Record<Exclude<ReferenceImportFormat, 'doi'>, string> = {
  bibtex: '@biblatex/text',
  ris: '@ris/file',
};

const NAMES: Record<Exclude<ReferenceImportFormat, 'doi'>, string> = { bibtex: 'BibTeX', ris: 'RIS' };

/** A 400 naming the field, as every bad input is (ADR 018). */
export function badText(message: string, code: FieldErrorCode): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, 'Invalid references', {
    fields: [{ field: 'text', message, code }],
  });
}

/**
 * BibTeX or RIS text to CSL-JSON items with Citation.js's parsers (never its network inputs: the type is
 * forced). Text that is not of the format, or holds no entry, is a 400 naming `text`.
 */
export function parseReferences(format: Exclude<ReferenceImportFormat, 'doi'>, text: string): NewReference[] {
  let parsed: unknown;
  try {
    parsed = plugins.input.chain(text, { forceType: INPUT_TYPES[format], generateGraph: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : '';
    throw badText(`text is not valid ${NAMES[format]}${detail ? `: ${detail}` : ''}`, 'referencesUnreadable');
  }
  const items = (Array.isArray(parsed) ? parsed : []).filter(
    (item): item is Record<string, unknown> => !!item && typeof item === 'object',
  );
  if (items.length === 0) throw badText(`text holds no ${NAMES[format]} entry`, 'referencesEmpty');
  if (items.length > REFERENCE_IMPORT_MAX_ITEMS)
    throw badText(`text holds more than ${REFERENCE_IMPORT_MAX_ITEMS} entries`, 'referencesTooMany');
  return items.map(cleanItem);
}

/**
 * What is kept of an item: CSL fields only (Citation.js's bookkeeping `_graph` and the source's own `id` go;
 * the reference list gives ids), a type (CSL's "document" when none), a title when there is none.
 */
export function cleanItem(item: Record<string, unknown>): NewReference {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key.startsWith('_') || value === undefined || value === null) continue;
    kept[key] = value;
  }
  const type = typeof kept['type'] === 'string' && kept['type'] ? (kept['type'] as string) : 'document';
  return { ...kept, type };
}
