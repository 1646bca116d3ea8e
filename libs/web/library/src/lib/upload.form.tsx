import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorCode, LIBRARY_EXTENSIONS, LIBRARY_LIMITS, type LibraryFileDetailDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ApiError, Field, FormError, SubmitButton, fieldError, useAction } from '@roundtable/web-ui';
import { ACCEPT, formatSize, precheck, uploadFile, uploadFields } from './library-upload';
import { libraryHrefs } from './library.queries';
import { libraryMessages } from './library.messages';
import styles from './library.module.css';

/** The translated reason a file was refused, or the server's words for other field errors. */
export function useFileError(error: unknown, maxBytes: number): string | undefined {
  const { t } = useMessages(libraryMessages);
  const { locale } = useLocale();
  if (error instanceof ApiError && error.code === ErrorCode.PayloadTooLarge)
    return t('library.errors.tooLarge', { max: formatSize(maxBytes, locale) });
  if (error instanceof ApiError && error.code === ErrorCode.UnsupportedFileType) {
    return t('library.errors.type', { types: [...new Set(Object.keys(LIBRARY_EXTENSIONS))].join(', ') });
  }
  if (error instanceof ApiError && error.fields.some((f) => f.field === 'file' && f.code === 'fileEmpty'))
    return t('library.errors.empty');
  return fieldError(error, 'file');
}

export interface UploadTarget {
  /** null: the project level. */
  id: string | null;
  label: string;
}

/**
 * Uploads a new file (to one of `targets`) or, with `fileId`, a new version. Shows progress while sending
 * and the reason in the reader's language when refused; checks type and size before sending.
 */
export function UploadForm({
  projectId,
  targets,
  fileId,
  fileName,
  maxUploadBytes,
  onUploaded,
}: {
  projectId: string;
  targets?: UploadTarget[];
  fileId?: string;
  /** With `fileId`: the name the file keeps whatever the upload is called. */
  fileName?: string;
  maxUploadBytes: number;
  onUploaded: (file: LibraryFileDetailDto) => void;
}) {
  const { t } = useMessages(libraryMessages);
  const { locale } = useLocale();
  const formId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState<string>(targets?.[0]?.id ?? '');
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const upload = useAction(async () => {
    if (!file)
      throw new ApiError(400, ErrorCode.ValidationFailed, 'no file', [
        { field: 'file', code: 'fileRequired', message: t('library.errors.noFile') },
      ]);
    const refused = precheck(file, maxUploadBytes);
    if (refused) throw refused;
    const path = libraryHrefs.upload({ fileId, workingGroupId: target, projectId });
    const fields = uploadFields(fileId ? 'version' : 'file', { description, tags, note });
    setProgress(0);
    try {
      const created = await uploadFile(path, file, fields, setProgress);
      setFile(null);
      setDescription('');
      setTags('');
      setNote('');
      if (input.current) input.current.value = '';
      onUploaded(created);
    } finally {
      setProgress(null);
    }
  });
  const fileError = useFileError(upload.error, maxUploadBytes);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void upload.run();
  }

  return (
    <form
      className="form card"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${formId}-title`}
      data-testid={fileId ? 'library-version-form' : 'library-upload-form'}
    >
      <h3 id={`${formId}-title`}>{fileId ? t('library.upload.newVersion') : t('library.upload.title')}</h3>
      {targets && targets.length > 1 ? (
        <Field label={t('library.upload.target')}>
          {(props) => (
            <select
              {...props}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              name="target"
              data-testid="library-upload-target"
            >
              {targets.map((option) => (
                <option key={option.id ?? ''} value={option.id ?? ''}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field
        label={t('library.upload.file')}
        error={fileError}
        hint={t('library.upload.hint', { max: formatSize(maxUploadBytes, locale) })}
      >
        {(props) => (
          <input
            {...props}
            ref={input}
            type="file"
            name="file"
            accept={ACCEPT}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
            data-testid="library-file-input"
          />
        )}
      </Field>
      {fileId ? (
        <Field
          label={t('library.upload.note')}
          error={fieldError(upload.error, 'note')}
          hint={t('library.upload.noteHint', { name: fileName ?? '' })}
        >
          {(props) => (
            <textarea
              {...props}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              name="note"
              rows={2}
              maxLength={LIBRARY_LIMITS.versionNoteMax}
              data-testid="library-version-note"
            />
          )}
        </Field>
      ) : (
        <>
          <Field label={t('library.description')} error={fieldError(upload.error, 'description')}>
            {(props) => (
              <textarea
                {...props}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                name="description"
                rows={2}
                maxLength={LIBRARY_LIMITS.descriptionMax}
                data-testid="library-description-input"
              />
            )}
          </Field>
          <Field
            label={t('library.tags')}
            error={fieldError(upload.error, 'tags')}
            hint={t('library.tagsHint', { max: LIBRARY_LIMITS.tagsMax })}
          >
            {(props) => (
              <input
                {...props}
                value={tags}
                onChange={(e) => setTags(e.target.value)}
                name="tags"
                data-testid="library-tags-input"
              />
            )}
          </Field>
        </>
      )}
      {progress !== null ? (
        <p className={styles.progress} data-testid="library-upload-progress">
          <progress max={1} value={progress} aria-label={t('library.upload.progress')} /> {Math.round(progress * 100)} %
        </p>
      ) : null}
      {upload.error && !(upload.error instanceof ApiError && upload.error.fields.length > 0) ? (
        <FormError error={upload.error} testId="library-upload-error" />
      ) : null}
      <SubmitButton
        pending={upload.pending}
        label={fileId ? t('library.upload.sendVersion') : t('library.upload.send')}
        pendingLabel={t('library.upload.sending')}
        testId="library-upload-submit"
      />
    </form>
  );
}
