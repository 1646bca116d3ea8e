import { Link } from 'react-router-dom';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { useInvalidateLibrary, useLibrary } from './library.queries';
import { LibraryFileList } from './library-file.list';
import { UploadForm } from './upload.form';
import { useMessages } from '@roundtable/web-i18n';
import { libraryMessages } from './library.messages';

/** A working group's working documents on its page; the whole project's library is one link away. */
export function WorkingGroupLibrary({ projectId, groupId }: { projectId: string; groupId: string }) {
  const { t } = useMessages(libraryMessages);
  const list = useLibrary(projectId, { workingGroupId: groupId });
  const invalidateLibrary = useInvalidateLibrary();
  return (
    <section className="section" aria-labelledby="wg-library" data-testid="wg-library">
      <div className="section__header">
        <h2 id="wg-library">{t('library.groupTitle')}</h2>
        <Link to={`/library?projectId=${encodeURIComponent(projectId)}`}>{t('library.allFiles')}</Link>
      </div>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' ? (
        <>
          <LibraryFileList files={list.data.files} showGroup={false} />
          {list.data.uploadTargets.includes(groupId) ? (
            <UploadForm
              projectId={projectId}
              targets={[{ id: groupId, label: '' }]}
              maxUploadBytes={list.data.maxUploadBytes}
              onUploaded={() => void invalidateLibrary()}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
