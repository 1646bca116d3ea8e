import { Inject, Injectable } from '@nestjs/common';
import { CollaborationServer } from '@roundtable/api-collaboration';
import type { ImportedReferencesDto, ReferenceImportFormat } from '@roundtable/contracts';
import { addReferences, parseDoi } from '@roundtable/editor-schema';
import { DOI_RESOLVER, type DoiResolver } from './doi-resolver';
import { badText, parseReferences, type NewReference } from './reference-parsers';
import { presentImported } from './references.presenter';

/**
 * Adds references to a document's reference list: parsed from BibTeX or RIS, or a pasted DOI (looked up by
 * the configured resolver, none by default). They are written into the document's Y.Doc as one Yjs update
 * (stored, then relayed to every open editor), like any edit; a locked document answers 409.
 */
@Injectable()
export class ReferencesCommands {
  constructor(
    private readonly server: CollaborationServer,
    @Inject(DOI_RESOLVER) private readonly resolver: DoiResolver,
  ) {}

  async import(documentId: string, format: ReferenceImportFormat, text: string): Promise<ImportedReferencesDto> {
    let items: NewReference[];
    let resolved = false;
    if (format === 'doi') {
      const doi = parseDoi(text);
      if (!doi) throw badText('text holds no DOI (10.xxxx/…, doi:…, or a doi.org address)', 'doiMissing');
      const found = await this.resolver.resolve(doi);
      resolved = found !== null;
      items = [found ?? { type: 'article-journal', DOI: doi }];
    } else items = parseReferences(format, text);
    let added: ReturnType<typeof addReferences> = [];
    await this.server.editDocument(documentId, (doc) => {
      added = addReferences(doc, items);
    });
    return presentImported(added, resolved);
  }
}
