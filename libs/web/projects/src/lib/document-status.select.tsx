import { useTranslation } from 'react-i18next';
import { DocumentStatus } from '@roundtable/contracts';
import { FormError, useApiMutation } from '@roundtable/web-ui';
import { projectCommands, projectKeys } from './projects.queries';
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
  const change = useApiMutation(
    async (next: string) => {
      await projectCommands.setDocumentStatus(documentId, next as DocumentStatus);
      onChanged();
    },
    // Documents appear in lists and on their group's page.
    [projectKeys.documents, projectKeys.workingGroups],
  );
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
