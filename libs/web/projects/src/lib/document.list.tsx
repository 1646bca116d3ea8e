import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DocumentDto } from '@roundtable/contracts';
import { useLocale } from '@roundtable/web-i18n';
import { Badge } from '@roundtable/web-ui';
import { DocumentStatusSelect } from './document-status.select';
import { accessLabel, documentStatusLabel, documentTypeLabel } from './labels';
import styles from './projects.module.css';

/**
 * Documents as a list of cards: title (link to the editor), type, status, WG and access badges. With
 * `onStatusChanged` (the group's co-chairs and coordinators) the status is a lifecycle control.
 */
export function DocumentList({
  documents,
  emptyText,
  onStatusChanged,
}: {
  documents: DocumentDto[];
  emptyText: string;
  onStatusChanged?: () => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (documents.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className={styles.documentList} data-testid="document-list">
      {documents.map((document) => (
        <li key={document.id} className={styles.documentItem}>
          <Link to={`/documents/${document.id}`} className={styles.documentTitle} data-testid="document-link">
            {pick(document.title)}
          </Link>
          <dl className={styles.documentMeta}>
            <div>
              <dt className="visually-hidden">{t('home.documents.type')}</dt>
              <dd>{documentTypeLabel(t, document.type)}</dd>
            </div>
            <div>
              <dt className="visually-hidden">{t('home.documents.workingGroup')}</dt>
              <dd>{document.workingGroupCode ?? t('home.documents.projectLevel')}</dd>
            </div>
            <div>
              <dt className="visually-hidden">{t('home.documents.status')}</dt>
              <dd data-testid="document-status" data-status={document.status}>
                {onStatusChanged ? (
                  <DocumentStatusSelect documentId={document.id} status={document.status} onChanged={onStatusChanged} />
                ) : (
                  <Badge tone={document.status === 'final' ? 'success' : 'info'}>
                    {documentStatusLabel(t, document.status)}
                  </Badge>
                )}
              </dd>
            </div>
            <div>
              <dt className="visually-hidden">{t('home.documents.access')}</dt>
              <dd>
                <Badge tone={document.access === 'write' ? 'success' : 'neutral'}>
                  <span data-testid="document-access" data-access={document.access}>
                    {accessLabel(t, document.access)}
                  </span>
                </Badge>
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
