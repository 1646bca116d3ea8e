import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type DocumentStatus } from '@roundtable/contracts';
import { ApiException, Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { DocumentStore } from '@roundtable/api-collaboration';
import { DataSource } from 'typeorm';
import { DocumentStatusChange } from './plan.entities';

/**
 * The lifecycle of a document (outline → draft → in review → final), kept in `documents.status`: set by
 * the co-chairs of the document's group and by the coordinators, every change recorded with who and when.
 * Readiness of milestones and deliverables is derived from it.
 */
@Injectable()
export class DocumentLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentStore,
  ) {}

  /** PolicyGuard has checked 'document.setStatus' on the document. */
  async setStatus(
    user: Pick<AuthenticatedUser, 'id'>,
    documentId: string,
    status: DocumentStatus,
  ): Promise<{ id: string; status: DocumentStatus }> {
    await this.dataSource.transaction(async (manager) => {
      const [locked]: Array<{ status: DocumentStatus }> = await manager.query(
        'SELECT status FROM documents WHERE id = $1 FOR UPDATE',
        [documentId],
      );
      if (!locked) throw new ApiException(ErrorCode.NotFound, 'Document not found.');
      if (locked.status === status) return;
      const now = this.clock.now();
      // documents belongs to DocumentStore (ADR 022): its status changes through it, in this transaction.
      await this.documents.setStatus(manager, documentId, status, now);
      await manager.getRepository(DocumentStatusChange).save({
        documentId,
        fromStatus: locked.status,
        toStatus: status,
        changedBy: user.id,
        changedAt: now,
      });
    });
    return { id: documentId, status };
  }
}
