import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type DocumentStatus } from '@roundtable/contracts';
import { can } from '@roundtable/domain';
import { ApiException, Clock } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService } from '@roundtable/api-projects';
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
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async setStatus(user: Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId'>, documentId: string, status: DocumentStatus): Promise<{ id: string; status: DocumentStatus }> {
    // Unknown and unreadable documents are both 404 (AccessService).
    const { document } = await this.access.documentAccessFor(user, documentId);
    const actor = await this.access.actorFor(user);
    const resource = { projectId: document.projectId, workingGroupIds: document.workingGroupId ? [document.workingGroupId] : [] };
    if (!can(actor, 'document.setStatus', resource)) {
      throw new ApiException(ErrorCode.Forbidden, document.workingGroupId
        ? "Only the co-chairs of the document's working group and the coordinators set its status."
        : 'Only the coordinators set the status of project-level documents.');
    }
    await this.dataSource.transaction(async (manager) => {
      const [locked]: Array<{ status: DocumentStatus }> = await manager.query('SELECT status FROM documents WHERE id = $1 FOR UPDATE', [documentId]);
      if (locked.status === status) return;
      await manager.query('UPDATE documents SET status = $2, updated_at = now() WHERE id = $1', [documentId, status]);
      await manager.getRepository(DocumentStatusChange).save({ documentId, fromStatus: locked.status, toStatus: status, changedBy: user.id, changedAt: this.clock.now() });
    });
    return { id: documentId, status };
  }
}
