import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LIBRARY_LIMITS, type LibraryFileDetailDto, type UpdateLibraryFileRequest } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import {
  Badge,
  DataTable,
  ErrorMessage,
  Field,
  FormError,
  Loading,
  SubmitButton,
  fieldError,
  formatDateTime,
  parseTags,
  useAction,
  useApiMutation,
} from '@roundtable/web-ui';
import { formatSize } from './library-upload';
import { UploadForm } from './upload.form';
import { libraryCommands, libraryHrefs, libraryKeys, useLibraryFile } from './library.queries';
import { libraryMessages } from './library.messages';

function EditDetails({ file, onSaved }: { file: LibraryFileDetailDto; onSaved: () => void }) {
  const { t } = useMessages(libraryMessages);
  const [editing, setEditing] = useState(false);
  const [description, setDescription] = useState(file.description);
  const [tags, setTags] = useState(file.tags.join(', '));
  const save = useAction(async () => {
    const body: UpdateLibraryFileRequest = { description, tags: parseTags(tags) };
    await libraryCommands.update(file.id, body);
    setEditing(false);
    onSaved();
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }
  if (!editing) {
    return (
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setEditing(true)}
        data-testid="library-edit"
      >
        {t('library.edit')}
      </button>
    );
  }
  return (
    <form className="form card" onSubmit={onSubmit} noValidate data-testid="library-edit-form">
      <Field label={t('library.description')} error={fieldError(save.error, 'description')}>
        {(props) => (
          <textarea
            {...props}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={3}
            maxLength={LIBRARY_LIMITS.descriptionMax}
          />
        )}
      </Field>
      <Field
        label={t('library.tags')}
        error={fieldError(save.error, 'tags')}
        hint={t('library.tagsHint', { max: LIBRARY_LIMITS.tagsMax })}
      >
        {(props) => (
          <input {...props} value={tags} onChange={(e) => setTags(e.target.value)} data-testid="library-edit-tags" />
        )}
      </Field>
      <FormError error={save.error} />
      <div className="button-row">
        <SubmitButton pending={save.pending} label={t('library.save')} testId="library-edit-save" />
        <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeleteFile({ file }: { file: LibraryFileDetailDto }) {
  const { t } = useMessages(libraryMessages);
  const navigate = useNavigate();
  const remove = useApiMutation(async () => {
    if (!window.confirm(t('library.deleteConfirm', { name: file.name }))) return;
    await libraryCommands.remove(file.id);
    navigate('/library', { replace: true });
  }, [libraryKeys.all]);
  return (
    <>
      <button
        type="button"
        className="link-button link-button--danger"
        onClick={() => void remove.run()}
        disabled={remove.pending}
        data-testid="library-delete"
      >
        {t('library.delete')}
      </button>
      <FormError error={remove.error} />
    </>
  );
}

function FileDetail({ file, reload }: { file: LibraryFileDetailDto; reload: () => void }) {
  const { t } = useMessages(libraryMessages);
  const { locale } = useLocale();
  useEffect(() => {
    document.title = `${file.name} · ${t('app.name')}`;
  }, [file.name, t]);
  return (
    <>
      <header className="page__header page__header--split">
        <div>
          <p className="eyebrow">{file.workingGroupCode ?? t('library.projectLevel')}</p>
          <h1 data-testid="library-file-name">{file.name}</h1>
          {file.description ? (
            <p className="prose prewrap" data-testid="library-file-description">
              {file.description}
            </p>
          ) : null}
          <p className="tag-list" data-testid="library-file-tags">
            {file.tags.map((tag) => (
              <Link key={tag} className="tag" to={`/library?tag=${encodeURIComponent(tag)}`}>
                {tag}
              </Link>
            ))}
          </p>
        </div>
        <div className="button-row">
          <a
            className="button button--primary"
            href={libraryHrefs.download(file.id)}
            download
            data-testid="library-download-latest"
          >
            {t('library.downloadLatest')}
          </a>
          {file.canEdit ? <EditDetails file={file} onSaved={reload} /> : null}
          {file.canDelete ? <DeleteFile file={file} /> : null}
        </div>
      </header>
      <section className="section" aria-labelledby="library-versions">
        <h2 id="library-versions">{t('library.versionsTitle')}</h2>
        <DataTable
          testId="library-versions"
          headers={[
            t('library.version'),
            t('library.name'),
            t('library.size'),
            t('library.uploadedBy'),
            t('library.uploadedAt'),
            t('library.note'),
            t('library.sha256'),
            '',
          ]}
        >
          {file.versions.map((version) => (
            <tr key={version.id} data-testid="library-version">
              <td>
                v{version.number}{' '}
                {version.number === file.latest.number ? <Badge tone="info">{t('library.newest')}</Badge> : null}
              </td>
              <td>{version.fileName}</td>
              <td>{formatSize(version.sizeBytes, locale)}</td>
              <td>{version.uploadedBy ?? '—'}</td>
              <td>{formatDateTime(version.uploadedAt, locale)}</td>
              <td className="prewrap" data-testid="library-version-note-text">
                {version.note || '—'}
              </td>
              <td>
                <code title={version.sha256}>{version.sha256.slice(0, 12)}…</code>
              </td>
              <td>
                <a
                  href={libraryHrefs.versionDownload(file.id, version.id)}
                  download
                  data-testid="library-version-download"
                >
                  {t('library.download')}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      {file.canUpload ? (
        <section className="section">
          <UploadForm
            projectId={file.projectId}
            fileId={file.id}
            fileName={file.name}
            maxUploadBytes={file.maxUploadBytes}
            onUploaded={reload}
          />
        </section>
      ) : null}
    </>
  );
}

/** One library file: description, tags, every version with who/when/size/SHA-256, downloads, new version. */
export function LibraryFilePage() {
  const { t } = useMessages(libraryMessages);
  const { id } = useParams<{ id: string }>();
  const file = useLibraryFile(id);
  return (
    <main className="page" id="main">
      <p>
        <Link to="/library" className="back-link">
          ← {t('library.back')}
        </Link>
      </p>
      {file.state === 'loading' ? <Loading /> : null}
      {file.state === 'error' ? <ErrorMessage error={file.error} onRetry={file.reload} /> : null}
      {file.state === 'ready' ? <FileDetail file={file.data} reload={file.reload} /> : null}
    </main>
  );
}
