import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { CollaborationServer } from '@roundtable/api-collaboration';
import { DataSource } from 'typeorm';
import {
  deleteRecommendation,
  findRecommendation,
  insertRecommendation,
  moveRecommendation,
  updateRecommendation,
  type RecommendationFields,
} from './recommendation.edits';
import { RecommendationsRepository } from './recommendations.repository';

function notInDocument(field = 'recommendationId'): ApiException {
  return new ApiException(ErrorCode.NotFound, `${field} is not a recommendation of this document.`);
}

/**
 * Changes: edits of recommendation blocks go through the collaboration server's edit path (one Yjs update,
 * stored and relayed like a co-author's; the registry follows from the commit), never through the registry.
 * Decisions on candidate pairs and merges write the registry's own tables, one transaction each.
 */
@Injectable()
export class RecommendationsCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly collaboration: CollaborationServer,
    private readonly repository: RecommendationsRepository,
  ) {}

  async insert(
    documentId: string,
    fields: RecommendationFields & { title: string; body: string },
    beforeId: string | null,
  ): Promise<string> {
    let id = '';
    await this.collaboration.editDocument(documentId, (doc) => {
      if (beforeId && !findRecommendation(doc, beforeId)) throw notInDocument('beforeId');
      id = insertRecommendation(doc, fields, beforeId);
    });
    return id;
  }

  async update(documentId: string, recId: string, fields: RecommendationFields): Promise<void> {
    await this.collaboration.editDocument(documentId, (doc) => {
      if (!updateRecommendation(doc, recId, fields)) throw notInDocument();
    });
  }

  async move(documentId: string, recId: string, beforeId: string | null): Promise<void> {
    await this.collaboration.editDocument(documentId, (doc) => {
      if (beforeId && !findRecommendation(doc, beforeId)) throw notInDocument('beforeId');
      if (!moveRecommendation(doc, recId, beforeId)) throw notInDocument();
    });
  }

  async remove(documentId: string, recId: string): Promise<void> {
    await this.collaboration.editDocument(documentId, (doc) => {
      if (!deleteRecommendation(doc, recId)) throw notInDocument();
    });
  }

  async decide(pairId: string, decision: 'duplicate' | 'related' | 'distinct', userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const pair = await this.openPair(manager, pairId);
      if (pair.status === 'merged') throw new ApiException(ErrorCode.Conflict, 'This pair is merged already.');
      await this.repository.decide(manager, pairId, decision, userId);
    });
  }

  /** Merges the other of a pair into `canonicalId`: both papers stay its sources; the pair is closed as merged. */
  async merge(pairId: string, canonicalId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const pair = await this.openPair(manager, pairId);
      if (pair.status === 'merged') throw new ApiException(ErrorCode.Conflict, 'This pair is merged already.');
      if (canonicalId !== pair.a_id && canonicalId !== pair.b_id) {
        throw new ApiException(ErrorCode.ValidationFailed, 'Invalid body', {
          fields: [{ field: 'canonicalId', message: 'canonicalId must be the id of one of the pair', code: 'isIn' }],
        });
      }
      const [canonical]: Array<{ canonical_id: string | null }> = await manager.query(
        'SELECT canonical_id FROM recommendations WHERE id = $1',
        [canonicalId],
      );
      if (canonical?.canonical_id) {
        throw new ApiException(ErrorCode.Conflict, 'That recommendation is merged into another already.');
      }
      await this.repository.merge(manager, canonicalId, canonicalId === pair.a_id ? pair.b_id : pair.a_id);
      await this.repository.decide(manager, pairId, 'merged', userId);
    });
  }

  private async openPair(
    manager: import('typeorm').EntityManager,
    pairId: string,
  ): Promise<{ a_id: string; b_id: string; status: string }> {
    const [pair]: Array<{ a_id: string; b_id: string; status: string }> = await manager.query(
      'SELECT a_id, b_id, status FROM recommendation_pairs WHERE id = $1 FOR UPDATE',
      [pairId],
    );
    if (!pair) throw new ApiException(ErrorCode.NotFound, 'Candidate pair not found.');
    return pair;
  }
}
