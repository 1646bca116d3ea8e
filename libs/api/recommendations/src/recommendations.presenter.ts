import type {
  RecommendationDetailDto,
  RecommendationDto,
  RecommendationPairDto,
  RecommendationRevisionDto,
} from '@roundtable/contracts';
import type { PairRow, RecommendationRow, RevisionRow } from './recommendations.repository';

export function presentRecommendation(row: RecommendationRow): RecommendationDto {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    addressee: row.addressee,
    horizon: row.horizon,
    priority: row.priority,
    frameworks: row.frameworks,
    position: row.position,
    status: row.status === 'removed' ? 'removed' : row.canonical_id ? 'merged' : 'active',
    canonicalId: row.canonical_id,
    revision: row.revision,
    updatedAt: new Date(row.updated_at).toISOString(),
    documentId: row.document_id,
    documentTitleEn: row.document_title_en,
    documentTitleZh: row.document_title_zh,
    workingGroupId: row.working_group_id,
    workingGroupCode: row.working_group_code,
  };
}

const TRACKED = ['title', 'body', 'addressee', 'horizon', 'priority', 'frameworks', 'status'] as const;

/** The revisions, each with what changed from the one before. */
export function presentHistory(rows: RevisionRow[]): RecommendationRevisionDto[] {
  return rows.map((row, i) => {
    const before = i > 0 ? rows[i - 1] : null;
    const changes = before ? TRACKED.filter((field) => String(row[field]) !== String(before[field])) : ['created'];
    return {
      revision: row.revision,
      title: row.title,
      body: row.body,
      addressee: row.addressee,
      horizon: row.horizon,
      priority: row.priority,
      frameworks: row.frameworks,
      status: row.status,
      changes,
      changedAt: new Date(row.changed_at).toISOString(),
      version:
        row.version_id && row.version_kind && row.version_created_at
          ? {
              id: row.version_id,
              kind: row.version_kind,
              name: row.version_name,
              createdAt: new Date(row.version_created_at).toISOString(),
            }
          : null,
    };
  });
}

export function presentDetail(
  row: RecommendationRow,
  history: RevisionRow[],
  merged: RecommendationRow[],
): RecommendationDetailDto {
  return {
    ...presentRecommendation(row),
    history: presentHistory(history),
    mergedSources: merged.map(presentRecommendation),
  };
}

/** Scores rounded to three places: they are shown and compared, not computed with. */
export function presentPair(
  pair: PairRow,
  a: RecommendationRow,
  b: RecommendationRow,
  canDecide: boolean,
): RecommendationPairDto {
  const round = (value: number) => Math.round(Number(value) * 1000) / 1000;
  return {
    id: pair.id,
    status: pair.status,
    score: round(pair.score),
    trigram: round(pair.trigram),
    words: round(pair.words),
    a: presentRecommendation(a),
    b: presentRecommendation(b),
    canDecide,
  };
}

/** The registry as CSV rows (header first), for the platform's one CSV writer. */
export function registryCsvRows(rows: RecommendationRow[], labels: (kind: string, code: string) => string): string[][] {
  return [
    [
      'id',
      'working group',
      'paper',
      'title',
      'body',
      'addressee',
      'horizon',
      'priority',
      'frameworks',
      'status',
      'merged into',
    ],
    ...rows.map((row) => {
      const dto = presentRecommendation(row);
      return [
        dto.id,
        dto.workingGroupCode ?? '',
        dto.documentTitleEn,
        dto.title,
        dto.body,
        labels('addressee', dto.addressee),
        labels('horizon', dto.horizon),
        labels('priority', dto.priority),
        dto.frameworks.join(' '),
        labels('status', dto.status),
        dto.canonicalId ?? '',
      ];
    }),
  ];
}
