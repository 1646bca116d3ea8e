import type { RoadmapActionDto, RoadmapDto, RoadmapMatrixDto } from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the roadmap; every change invalidates `roadmapKeys.all` (actions and matrix alike). */
export const roadmapKeys = {
  all: ['roadmap'] as const,
  roadmap: (projectId: string) => ['roadmap', 'actions', projectId] as const,
  matrix: (projectId: string) => ['roadmap', 'matrix', projectId] as const,
};

export function useRoadmap(projectId: string | null) {
  return useApiQuery(
    roadmapKeys.roadmap(projectId ?? ''),
    (signal) =>
      unwrap<RoadmapDto>(
        api.GET('/api/projects/{projectId}/roadmap', { params: { path: { projectId: projectId ?? '' } }, signal }),
      ),
    projectId !== null,
  );
}

export function useRoadmapMatrix(projectId: string | null) {
  return useApiQuery(
    roadmapKeys.matrix(projectId ?? ''),
    (signal) =>
      unwrap<RoadmapMatrixDto>(
        api.GET('/api/projects/{projectId}/roadmap/matrix', {
          params: { path: { projectId: projectId ?? '' } },
          signal,
        }),
      ),
    projectId !== null,
  );
}

/** What the editor sends: every field, so a save states the whole action. */
export interface RoadmapActionInput {
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  actors: RoadmapActionDto['actors'];
  startYear: number | null;
  endYear: number | null;
  horizon: RoadmapActionDto['horizon'];
  dependsOn: string[];
  recommendationIds: string[];
  noRecommendationReason: string | null;
}

export const roadmapCommands = {
  create: (projectId: string, body: RoadmapActionInput) =>
    unwrap<RoadmapActionDto>(
      api.POST('/api/projects/{projectId}/roadmap/actions', { params: { path: { projectId } }, body }),
    ),
  update: (actionId: string, body: RoadmapActionInput) =>
    unwrap<RoadmapActionDto>(api.PATCH('/api/roadmap-actions/{actionId}', { params: { path: { actionId } }, body })),
  remove: (actionId: string) =>
    unwrap<void>(api.DELETE('/api/roadmap-actions/{actionId}', { params: { path: { actionId } } })),
};

/** The matrix as CSV (a plain navigation: the server answers with an attachment). */
export const roadmapHrefs = {
  matrixCsv: (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/roadmap/matrix.csv`,
};
