import { Injectable } from '@nestjs/common';
import type { DocumentOwnerDto } from '@roundtable/contracts';

/** Answers which record owns a document, or null when it owns none of this source's documents. */
export type DocumentOwnerSource = (documentId: string) => Promise<DocumentOwnerDto | null>;

/**
 * Features whose records own a document (minutes own theirs) register a source here, so the document's page
 * can show the owner's status and the way back to it while this library imports none of those features.
 */
@Injectable()
export class DocumentOwners {
  private readonly sources: DocumentOwnerSource[] = [];

  register(source: DocumentOwnerSource): void {
    this.sources.push(source);
  }

  async of(documentId: string): Promise<DocumentOwnerDto | null> {
    for (const source of this.sources) {
      const owner = await source(documentId);
      if (owner) return owner;
    }
    return null;
  }
}
