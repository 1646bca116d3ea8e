/** A recommendation in the project's registry (issue 16): derived from a recommendation block of a paper. */
export type RecommendationStatus = 'active' | 'removed' | 'merged';
export type RecommendationPairStatus = 'open' | 'duplicate' | 'related' | 'distinct' | 'merged';
export type RecommendationPairDecision = 'duplicate' | 'related' | 'distinct';

export interface RecommendationSourceDto {
  documentId: string;
  documentTitleEn: string;
  documentTitleZh: string;
  workingGroupId: string | null;
  workingGroupCode: string | null;
}

export interface RecommendationDto extends RecommendationSourceDto {
  id: string;
  title: string;
  body: string;
  addressee: string;
  horizon: 'short' | 'medium' | 'long';
  priority: 'high' | 'medium' | 'low';
  frameworks: string[];
  position: number;
  status: RecommendationStatus;
  /** Set when this recommendation was merged into another (the canonical one). */
  canonicalId: string | null;
  revision: number;
  updatedAt: string;
}

export interface RecommendationRevisionDto {
  revision: number;
  title: string;
  body: string;
  addressee: string;
  horizon: string;
  priority: string;
  frameworks: string[];
  status: 'active' | 'removed';
  /** Which fields changed from the revision before ('created' for the first). */
  changes: string[];
  changedAt: string;
  /** The first version of the document taken at or after the change: the version that holds it. */
  version: { id: string; kind: string; name: string | null; createdAt: string } | null;
}

export interface RecommendationDetailDto extends RecommendationDto {
  history: RecommendationRevisionDto[];
  /** Recommendations merged into this one (their papers stay sources of the canonical recommendation). */
  mergedSources: RecommendationDto[];
}

export interface RecommendationPairDto {
  id: string;
  status: RecommendationPairStatus;
  /** Combined score (0–1): the mean of trigram similarity and shared words. */
  score: number;
  trigram: number;
  words: number;
  a: RecommendationDto;
  b: RecommendationDto;
  /** Whether the caller may mark the pair (the co-chairs of either group, coordinators). */
  canDecide: boolean;
}

export interface RecommendationCreatedDto {
  id: string;
}
