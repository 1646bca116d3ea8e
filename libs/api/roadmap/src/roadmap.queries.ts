import { Injectable } from '@nestjs/common';
import { ErrorCode, type RoadmapActionDto, type RoadmapDto, type RoadmapMatrixDto } from '@roundtable/contracts';
import { documentAccess, type Actor } from '@roundtable/domain';
import { ApiException, toCsvText } from '@roundtable/api-platform';
import { RecommendationsQueries, registryLabel } from '@roundtable/api-recommendations';
import { matrixCsvRows, presentAction, presentMatrix } from './roadmap.presenter';
import { RoadmapRepository, type RoadmapDocumentRow } from './roadmap.repository';

/** Reads of the roadmap; never writes. The registry is read through its own queries. */
@Injectable()
export class RoadmapQueries {
  constructor(
    private readonly repository: RoadmapRepository,
    private readonly recommendations: RecommendationsQueries,
  ) {}

  async roadmap(actor: Actor, projectId: string): Promise<RoadmapDto> {
    const document = await this.document(projectId);
    const access = documentAccess(actor, { projectId, workingGroupId: null, lockedAt: document.locked_at });
    return {
      documentId: document.id,
      documentTitleEn: document.title_en,
      documentTitleZh: document.title_zh,
      canEdit: access === 'write',
      actions: (await this.repository.actions(document.id)).map(presentAction),
    };
  }

  async action(id: string): Promise<RoadmapActionDto> {
    const row = await this.repository.action(id);
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Roadmap action not found.');
    return presentAction(row);
  }

  async matrix(projectId: string): Promise<RoadmapMatrixDto> {
    const document = await this.document(projectId);
    return presentMatrix(
      await this.recommendations.everyRecommendation(projectId),
      await this.repository.actions(document.id),
    );
  }

  async matrixCsv(projectId: string): Promise<string> {
    return toCsvText(matrixCsvRows(await this.matrix(projectId), registryLabel), { bom: true });
  }

  private async document(projectId: string): Promise<RoadmapDocumentRow> {
    const document = await this.repository.roadmapOf(projectId);
    if (!document) throw new ApiException(ErrorCode.NotFound, 'This project has no roadmap document.');
    return document;
  }
}
