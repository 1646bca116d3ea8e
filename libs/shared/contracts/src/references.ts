/** Where an imported reference list comes from (ADR 039). */
export const REFERENCE_IMPORT_FORMATS = ['bibtex', 'ris', 'doi'] as const;
export type ReferenceImportFormat = (typeof REFERENCE_IMPORT_FORMATS)[number];

/**
 * Most text one import takes (a BibTeX or RIS file of some 200 entries): under the API's 100 kB JSON body
 * limit, so a longer text is a 400 naming `text` rather than a 413. Larger files are imported in parts.
 */
export const REFERENCE_IMPORT_MAX_CHARS = 80_000;
/** Most references one import adds. */
export const REFERENCE_IMPORT_MAX_ITEMS = 300;

export interface ImportedReferenceDto {
  /** The reference's id in the document's reference list (what citations name). */
  id: string;
  title: string;
  doi: string | null;
}

export interface ImportedReferencesDto {
  added: ImportedReferenceDto[];
  /**
   * For a DOI: whether its metadata was looked up (false when no resolver is configured, or it did not
   * answer: the reference then holds the DOI alone and can be completed by importing BibTeX or RIS).
   */
  resolved: boolean;
}
