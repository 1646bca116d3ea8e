import { Link } from 'react-router-dom';
import type { LibraryFileDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { DataTable, formatDateTime } from '@roundtable/web-ui';
import { formatSize } from './library-upload';
import { libraryHrefs } from './library.queries';
import { libraryMessages } from './library.messages';
import styles from './library.module.css';

/** The files of a library view: name (to the detail page), group, tags, size, versions, last update, download. */
export function LibraryFileList({
  files,
  showGroup,
  onTag,
}: {
  files: LibraryFileDto[];
  showGroup: boolean;
  onTag?: (tag: string) => void;
}) {
  const { t } = useMessages(libraryMessages);
  const { locale } = useLocale();
  if (files.length === 0)
    return (
      <p className="muted" data-testid="library-empty">
        {t('library.empty')}
      </p>
    );
  return (
    <DataTable
      testId="library-files"
      headers={[
        t('library.name'),
        showGroup ? t('library.group') : null,
        t('library.tags'),
        t('library.size'),
        t('library.versions'),
        t('library.updated'),
        '',
      ]}
    >
      {files.map((file) => (
        <tr key={file.id} data-testid="library-file" data-name={file.name}>
          <td>
            <Link to={`/library/${file.id}`} data-testid="library-file-link">
              {file.name}
            </Link>
            {file.description ? <div className={`muted ${styles.description}`}>{file.description}</div> : null}
          </td>
          {showGroup ? <td>{file.workingGroupCode ?? t('library.projectLevel')}</td> : null}
          <td>
            <span className="tag-list">
              {file.tags.map((tag) =>
                onTag ? (
                  <button
                    key={tag}
                    type="button"
                    className="tag link-button"
                    onClick={() => onTag(tag)}
                    data-testid="library-tag"
                  >
                    {tag}
                  </button>
                ) : (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ),
              )}
            </span>
          </td>
          <td>{formatSize(file.latest.sizeBytes, locale)}</td>
          <td data-testid="library-version-count">{file.versionCount}</td>
          <td>{formatDateTime(file.updatedAt, locale)}</td>
          <td>
            <a href={libraryHrefs.download(file.id)} download data-testid="library-download">
              {t('library.download')}
            </a>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
