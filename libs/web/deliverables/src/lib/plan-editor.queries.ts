import type { DocumentStatus, PlanItemDetailDto } from '@roundtable/contracts';
import { api, unwrap } from '@roundtable/web-ui';

// The plan editor's commands (coordinators): create and edit items, link and unlink documents.

export interface NewItemValues {
  kind: 'deliverable' | 'milestone';
  number: string;
  titleEn: string;
  titleZh: string;
  dueMonth: string;
  workPackageId: string;
  leadPartnerId: string;
  meansOfVerification: string;
}

export interface EditItemValues {
  number: string;
  titleEn: string;
  titleZh: string;
  dueMonth: string;
  type: 'report' | 'other';
  reason: string;
}

export const planEditorCommands = {
  createItem: (projectId: string, values: NewItemValues) =>
    unwrap<PlanItemDetailDto>(
      api.POST('/api/projects/{id}/plan/items', {
        params: { path: { id: projectId } },
        body: {
          kind: values.kind,
          number: values.number.trim(),
          titleEn: values.titleEn.trim(),
          titleZh: values.titleZh.trim(),
          dueMonth: values.dueMonth.trim(),
          ...(values.workPackageId ? { workPackageId: values.workPackageId } : {}),
          ...(values.kind === 'deliverable' && values.leadPartnerId ? { leadPartnerId: values.leadPartnerId } : {}),
          ...(values.kind === 'milestone' && values.meansOfVerification.trim()
            ? { meansOfVerification: values.meansOfVerification.trim() }
            : {}),
        },
      }),
    ),
  editItem: (item: PlanItemDetailDto, values: EditItemValues) =>
    unwrap<PlanItemDetailDto>(
      api.PUT('/api/plan-items/{id}', {
        params: { path: { id: item.id } },
        body: {
          number: values.number.trim(),
          titleEn: values.titleEn.trim(),
          titleZh: values.titleZh.trim(),
          dueMonth: values.dueMonth.trim(),
          ...(item.kind === 'deliverable' ? { type: values.type } : {}),
          ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        },
      }),
    ),
  linkDocument: (itemId: string, documentId: string, requiredStatus: DocumentStatus, requiresReviewResponded = false) =>
    unwrap<unknown>(
      api.POST('/api/plan-items/{id}/documents', {
        params: { path: { id: itemId } },
        body: { documentId, requiredStatus, requiresReviewResponded },
      }),
    ),
  unlinkDocument: (itemId: string, documentId: string) =>
    unwrap<void>(
      api.DELETE('/api/plan-items/{id}/documents/{documentId}', { params: { path: { id: itemId, documentId } } }),
    ),
};
