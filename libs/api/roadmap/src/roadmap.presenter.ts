import type {
  RecommendationDto,
  RoadmapActionDto,
  RoadmapActionRefDto,
  RoadmapActor,
  RoadmapMatrixDto,
  RoadmapMatrixRowDto,
} from '@roundtable/contracts';
import type { ActionRow } from './roadmap.repository';

export function presentAction(row: ActionRow): RoadmapActionDto {
  return {
    id: row.id,
    documentId: row.document_id,
    position: row.position,
    titleEn: row.title_en,
    titleZh: row.title_zh,
    descriptionEn: row.description_en,
    descriptionZh: row.description_zh,
    actors: row.actors as RoadmapActor[],
    startYear: row.start_year,
    endYear: row.end_year,
    horizon: row.horizon,
    dependsOn: row.depends_on,
    recommendationIds: row.recommendation_ids,
    noRecommendationReason: row.no_recommendation_reason,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const ref = (row: ActionRow): RoadmapActionRefDto => ({ id: row.id, titleEn: row.title_en, titleZh: row.title_zh });

/**
 * The traceability matrix: one row per active recommendation (merged ones are represented by their canonical
 * recommendation, removed ones are gone), with the actions linked to it or to a recommendation merged into it.
 */
export function presentMatrix(recommendations: RecommendationDto[], actions: ActionRow[]): RoadmapMatrixDto {
  const canonical = new Map(recommendations.map((r) => [r.id, r.status === 'merged' ? r.canonicalId : r.id]));
  const linked = new Map<string, RoadmapActionRefDto[]>();
  for (const action of actions)
    for (const recommendationId of action.recommendation_ids) {
      const target = canonical.get(recommendationId);
      if (!target) continue;
      const list = linked.get(target) ?? [];
      if (!list.some((a) => a.id === action.id)) list.push(ref(action));
      linked.set(target, list);
    }
  const rows: RoadmapMatrixRowDto[] = recommendations
    .filter((r) => r.status === 'active')
    .map((r) => {
      const implementing = linked.get(r.id) ?? [];
      return {
        recommendation: {
          id: r.id,
          title: r.title,
          workingGroupCode: r.workingGroupCode,
          status: r.status,
          addressee: r.addressee,
          horizon: r.horizon,
          documentTitleEn: r.documentTitleEn,
          documentTitleZh: r.documentTitleZh,
        },
        actions: implementing,
        covered: implementing.length > 0,
      };
    });
  return {
    rows,
    total: rows.length,
    uncovered: rows.filter((row) => !row.covered).length,
    actionsWithoutRecommendation: actions
      .filter((a) => a.recommendation_ids.length === 0)
      .map((a) => ({ ...ref(a), reason: a.no_recommendation_reason ?? '' })),
  };
}

export const MATRIX_LABELS = {
  recommendation: 'Recommendation · 建议',
  workingGroup: 'Working group · 工作组',
  paper: 'Paper · 文件',
  addressee: 'Addressee · 对象',
  horizon: 'Horizon · 时间范围',
  covered: 'Covered · 已覆盖',
  actions: 'Actions · 行动',
  yes: 'yes · 是',
  no: 'no · 否',
} as const;

/** The matrix as CSV rows (header first) for the platform's one CSV writer; codes through `label`. */
export function matrixCsvRows(matrix: RoadmapMatrixDto, label: (kind: string, code: string) => string): string[][] {
  return [
    [
      'id',
      MATRIX_LABELS.workingGroup,
      MATRIX_LABELS.paper,
      MATRIX_LABELS.recommendation,
      MATRIX_LABELS.addressee,
      MATRIX_LABELS.horizon,
      MATRIX_LABELS.covered,
      MATRIX_LABELS.actions,
    ],
    ...matrix.rows.map((row) => [
      row.recommendation.id,
      row.recommendation.workingGroupCode ?? '',
      `${row.recommendation.documentTitleEn} · ${row.recommendation.documentTitleZh}`,
      row.recommendation.title,
      label('addressee', row.recommendation.addressee),
      label('horizon', row.recommendation.horizon),
      row.covered ? MATRIX_LABELS.yes : MATRIX_LABELS.no,
      row.actions.map((a) => `${a.titleEn} · ${a.titleZh}`).join('\n'),
    ]),
  ];
}
