import { useTranslation } from 'react-i18next';
import { DocumentStatus } from '@roundtable/contracts';
import { FormError, apiRequest, useAction } from '@roundtable/web-ui';
import { documentStatusLabel } from './labels';

const LIFECYCLE = Object.values(DocumentStatus);

/**
 * Moves a document through its lifecycle (outline → draft → in review → final). Shown to the group's
 * co-chairs and the coordinators; the server checks the same rule.
 */
export function DocumentStatusSelect({
  documentId,
  status,
  onChanged,
}: {
  documentId: string;
  status: DocumentStatus;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const change = useAction(async (next: string) => {
    await apiRequest(`/api/documents/${documentId}/status`, { method: 'PUT', body: { status: next } });
    onChanged();
  });
  return (
    <>
      <label className="inline-field">
        <span>{t('home.documents.status')}</span>
        <select
          value={status}
          disabled={change.pending}
          onChange={(event) => void change.run(event.target.value)}
          data-testid="document-status-select"
        >
          {LIFECYCLE.map((value) => (
            <option key={value} value={value}>
              {documentStatusLabel(t, value)}
            </option>
          ))}
        </select>
      </label>
      <FormError error={change.error} />
    </>
  );
}
