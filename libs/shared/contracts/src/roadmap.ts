/**
 * The roadmap (issue 16 item 5, ADR 045): actions of the project's roadmap document (D2.3), each with actors,
 * a timeframe, dependencies on other actions and the recommendations it implements.
 */
export const ROADMAP_ACTORS = [
  'policy-makers',
  'funders',
  'research-organisations',
  'industry',
  'health-services',
  'patient-organisations',
  'consortium',
] as const;
export type RoadmapActor = (typeof ROADMAP_ACTORS)[number];
export const ROADMAP_HORIZONS = ['short', 'medium', 'long'] as const;
export type RoadmapHorizon = (typeof ROADMAP_HORIZONS)[number];

export interface RoadmapActionRefDto {
  id: string;
  titleEn: string;
  titleZh: string;
}

export interface RoadmapLinkedRecommendationDto {
  id: string;
  title: string;
  workingGroupCode: string | null;
  status: 'active' | 'removed' | 'merged';
}

export interface RoadmapActionDto extends RoadmapActionRefDto {
  documentId: string;
  position: number;
  descriptionEn: string;
  descriptionZh: string;
  actors: RoadmapActor[];
  /** Either years (startYear ≤ endYear) or a horizon. */
  startYear: number | null;
  endYear: number | null;
  horizon: RoadmapHorizon | null;
  /** The actions this one depends on (a directed acyclic graph). */
  dependsOn: string[];
  recommendationIds: string[];
  /** Why the action implements no recommendation (set exactly when it links none). */
  noRecommendationReason: string | null;
  updatedAt: string;
}

export interface RoadmapDto {
  documentId: string;
  documentTitleEn: string;
  documentTitleZh: string;
  /** Whether the caller may edit the roadmap's actions. */
  canEdit: boolean;
  actions: RoadmapActionDto[];
}

export interface RoadmapMatrixRowDto {
  recommendation: RoadmapLinkedRecommendationDto & {
    addressee: string;
    horizon: string;
    documentTitleEn: string;
    documentTitleZh: string;
  };
  /** The actions implementing it (or a recommendation merged into it). */
  actions: RoadmapActionRefDto[];
  covered: boolean;
}

/** The traceability matrix: every active recommendation → the actions implementing it. */
export interface RoadmapMatrixDto {
  rows: RoadmapMatrixRowDto[];
  total: number;
  uncovered: number;
  /** The actions that implement no recommendation, with the reason given. */
  actionsWithoutRecommendation: Array<RoadmapActionRefDto & { reason: string }>;
}
