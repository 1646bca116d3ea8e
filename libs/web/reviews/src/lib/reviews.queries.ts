import type {
  Disposition,
  ReviewAnswerDto,
  ReviewerViewDto,
  ReviewRoundDto,
  ReviewRoundSummaryDto,
  ReviewSessionDto,
} from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/** Query keys of review rounds (members) and of the reviewer's view (ADR 041). */
export const reviewKeys = {
  all: ['reviews'] as const,
  ofDocument: (documentId: string) => ['reviews', 'document', documentId] as const,
  round: (id: string) => ['reviews', 'round', id] as const,
  reviewer: (roundId: string) => ['reviews', 'reviewer', roundId] as const,
};

export function useDocumentReviewRounds(documentId: string) {
  return useApiQuery(reviewKeys.ofDocument(documentId), (signal) =>
    unwrap<ReviewRoundSummaryDto[]>(
      api.GET('/api/documents/{id}/review-rounds', { params: { path: { id: documentId } }, signal }),
    ),
  );
}

export function useReviewRound(id: string) {
  return useApiQuery(reviewKeys.round(id), (signal) =>
    unwrap<ReviewRoundDto>(api.GET('/api/review-rounds/{id}', { params: { path: { id } }, signal })),
  );
}

export function useReviewerView(roundId: string) {
  return useApiQuery(reviewKeys.reviewer(roundId), (signal) =>
    unwrap<ReviewerViewDto>(api.GET('/api/review/rounds/{roundId}', { params: { path: { roundId } }, signal })),
  );
}

export interface OpenRoundValues {
  name: string;
  closesAt: string;
  instructionsEn: string;
  instructionsZh: string;
  questions: Array<{ textEn: string; textZh: string; scaleMax: number | null }>;
}

export interface InviteValues {
  name: string;
  email: string;
  organisation: string;
  type: 'funder' | 'ministry' | 'agency' | 'patient-organisation' | 'other';
  locale: 'en' | 'zh-CN';
}

export interface DispositionValues {
  disposition: Disposition;
  responseEn: string;
  responseZh: string;
  changeLinks: string[];
  duplicateOfCommentId: string;
}

export const reviewCommands = {
  open: (documentId: string, values: OpenRoundValues) =>
    unwrap<ReviewRoundDto>(
      api.POST('/api/documents/{id}/review-rounds', {
        params: { path: { id: documentId } },
        body: {
          name: values.name,
          closesAt: new Date(values.closesAt).toISOString(),
          instructionsEn: values.instructionsEn,
          instructionsZh: values.instructionsZh,
          questions: values.questions.map((q) => ({
            textEn: q.textEn,
            textZh: q.textZh,
            ...(q.scaleMax ? { scaleMax: q.scaleMax } : {}),
          })),
        },
      }),
    ),
  invite: (roundId: string, values: InviteValues) =>
    unwrap<ReviewRoundDto>(
      api.POST('/api/review-rounds/{id}/reviewers', {
        params: { path: { id: roundId } },
        body: {
          name: values.name,
          email: values.email,
          type: values.type,
          locale: values.locale,
          ...(values.organisation.trim() ? { organisation: values.organisation } : {}),
        },
      }),
    ),
  revoke: (roundId: string, reviewerId: string) =>
    unwrap<ReviewRoundDto>(
      api.POST('/api/review-rounds/{id}/reviewers/{reviewerId}/revoke', {
        params: { path: { id: roundId, reviewerId } },
      }),
    ),
  resend: (roundId: string, reviewerId: string) =>
    unwrap<ReviewRoundDto>(
      api.POST('/api/review-rounds/{id}/reviewers/{reviewerId}/resend', {
        params: { path: { id: roundId, reviewerId } },
      }),
    ),
  close: (roundId: string) =>
    unwrap<ReviewRoundDto>(api.POST('/api/review-rounds/{id}/close', { params: { path: { id: roundId } } })),
  respond: (roundId: string) =>
    unwrap<ReviewRoundDto>(api.POST('/api/review-rounds/{id}/respond', { params: { path: { id: roundId } } })),
  dispose: (roundId: string, commentId: string, values: DispositionValues) =>
    unwrap<ReviewRoundDto>(
      api.PUT('/api/review-rounds/{id}/comments/{commentId}/disposition', {
        params: { path: { id: roundId, commentId } },
        body: {
          disposition: values.disposition,
          ...(values.responseEn.trim() ? { responseEn: values.responseEn } : {}),
          ...(values.responseZh.trim() ? { responseZh: values.responseZh } : {}),
          changeLinks: values.changeLinks,
          ...(values.disposition === 'duplicate' ? { duplicateOfCommentId: values.duplicateOfCommentId } : {}),
        },
      }),
    ),
};

export const reviewerCommands = {
  startSession: (token: string) => unwrap<ReviewSessionDto>(api.POST('/api/review/sessions', { body: { token } })),
  comment: (roundId: string, body: { body: string; quote?: string; start?: number }) =>
    unwrap<ReviewerViewDto>(api.POST('/api/review/rounds/{roundId}/comments', { params: { path: { roundId } }, body })),
  deleteComment: (roundId: string, commentId: string) =>
    unwrap<ReviewerViewDto>(
      api.DELETE('/api/review/rounds/{roundId}/comments/{commentId}', { params: { path: { roundId, commentId } } }),
    ),
  answer: (roundId: string, answers: ReviewAnswerDto[]) =>
    unwrap<ReviewerViewDto>(
      api.PUT('/api/review/rounds/{roundId}/answers', {
        params: { path: { roundId } },
        body: {
          answers: answers.map((a) => ({
            questionId: a.questionId,
            ...(a.scale !== null ? { scale: a.scale } : {}),
            ...(a.text ? { text: a.text } : {}),
          })),
        },
      }),
    ),
  submit: (roundId: string, consentNamed: boolean) =>
    unwrap<ReviewerViewDto>(
      api.POST('/api/review/rounds/{roundId}/submit', { params: { path: { roundId } }, body: { consentNamed } }),
    ),
};

/** Download links (no URLs in components). */
export const reviewHrefs = {
  matrixCsv: (roundId: string, lang: string) =>
    `/api/review-rounds/${roundId}/matrix.csv?lang=${lang === 'zh-CN' ? 'zh-CN' : 'en'}`,
  matrixDocx: (roundId: string, lang: string) =>
    `/api/review-rounds/${roundId}/matrix.docx?lang=${lang === 'zh-CN' ? 'zh-CN' : 'en'}`,
  frozenFile: (roundId: string, format: 'docx' | 'pdf') => `/api/review/rounds/${roundId}/files/${format}`,
};
