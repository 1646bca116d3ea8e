import type {
  RecommendationDetailDto,
  RecommendationDto,
  RecommendationPairDecision,
  RecommendationPairDto,
} from '@roundtable/contracts';
import { api, unwrap, unwrapWithCursor, useApiPagedQuery, useApiQuery } from '@roundtable/web-ui';

/** Query keys of the registry; a decision or merge invalidates `recommendationKeys.all`. */
export const recommendationKeys = {
  all: ['recommendations'] as const,
  list: (projectId: string, filter: RecommendationFilter) => ['recommendations', 'list', projectId, filter] as const,
  detail: (id: string) => ['recommendations', 'detail', id] as const,
  duplicates: (projectId: string) => ['recommendations', 'duplicates', projectId] as const,
};

export const ADDRESSEES = [
  'policy-makers',
  'funders',
  'research-organisations',
  'industry',
  'health-services',
  'patient-organisations',
] as const;
export const HORIZONS = ['short', 'medium', 'long'] as const;

export interface RecommendationFilter {
  q?: string;
  workingGroupId?: string;
  addressee?: (typeof ADDRESSEES)[number];
  horizon?: (typeof HORIZONS)[number];
  status?: 'active' | 'merged' | 'removed';
}

function definedOnly(filter: RecommendationFilter): RecommendationFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  ) as RecommendationFilter;
}

/** The registry, filtered, one page at a time (ADR 029). */
export function useRecommendations(projectId: string | null, filter: RecommendationFilter) {
  const query = definedOnly(filter);
  return useApiPagedQuery<RecommendationDto>(
    recommendationKeys.list(projectId ?? '', query),
    async (cursor, signal) => {
      const { body, next } = await unwrapWithCursor<RecommendationDto[]>(
        api.GET('/api/projects/{projectId}/recommendations', {
          params: { path: { projectId: projectId ?? '' }, query: { ...query, ...(cursor ? { cursor } : {}) } },
          signal,
        }),
      );
      return { items: body, next };
    },
    projectId !== null,
  );
}

export function useRecommendation(id: string | null) {
  return useApiQuery(
    recommendationKeys.detail(id ?? ''),
    (signal) =>
      unwrap<RecommendationDetailDto>(
        api.GET('/api/recommendations/{id}', { params: { path: { id: id ?? '' } }, signal }),
      ),
    id !== null,
  );
}

export function useDuplicates(projectId: string | null) {
  return useApiQuery(
    recommendationKeys.duplicates(projectId ?? ''),
    (signal) =>
      unwrap<RecommendationPairDto[]>(
        api.GET('/api/projects/{projectId}/recommendations/duplicates', {
          params: { path: { projectId: projectId ?? '' } },
          signal,
        }),
      ),
    projectId !== null,
  );
}

/** Export links (plain navigations: the server answers with an attachment). */
export const recommendationHrefs = {
  csv: (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/recommendations/export.csv`,
  docx: (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/recommendations/export.docx`,
};

export const recommendationCommands = {
  decide: (pairId: string, decision: RecommendationPairDecision) =>
    unwrap<void>(
      api.POST('/api/recommendation-pairs/{pairId}/decision', { params: { path: { pairId } }, body: { decision } }),
    ),
  merge: (pairId: string, canonicalId: string) =>
    unwrap<RecommendationDetailDto>(
      api.POST('/api/recommendation-pairs/{pairId}/merge', { params: { path: { pairId } }, body: { canonicalId } }),
    ),
};
