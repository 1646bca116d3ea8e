import { useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { ApiError, uploadFile } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { figuresMessages } from './figures.messages';
import styles from './figures.module.css';

const IMAGE_TYPES = /\.(png|jpe?g)$/i;

/**
 * Uploads an image into the document's library (the library's own route and checks) and inserts a figure that
 * names it by file and version id, with its caption (ADR 038).
 */
export function FigureForm({ editor, uploadPath, onDone }: { editor: Editor; uploadPath: string; onDone: () => void }) {
  const { t } = useMessages(figuresMessages);
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !IMAGE_TYPES.test(file.name)) {
      setError(t('figures.form.noFile'));
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const uploaded = await uploadFile(uploadPath, file, { tags: 'figure' }, setProgress);
      const version = uploaded.versions[0];
      editor
        .chain()
        .focus()
        .insertFigure({ fileId: uploaded.id, versionId: version.id, caption: caption.trim() })
        .run();
      onDone();
    } catch (caught) {
      setProgress(null);
      setError(t('figures.form.failed', { reason: caught instanceof ApiError ? caught.message : String(caught) }));
    }
  };
  return (
    <form
      className={styles.figureForm}
      onSubmit={submit}
      data-testid="figure-form"
      aria-label={t('figures.form.title')}
    >
      <label>
        <span>{t('figures.form.file')}</span>
        <input
          type="file"
          accept=".png,.jpg,.jpeg,image/png,image/jpeg"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          data-testid="figure-file"
        />
      </label>
      <label>
        <span>{t('figures.form.caption')}</span>
        <input
          type="text"
          value={caption}
          maxLength={500}
          placeholder={t('figures.form.captionPlaceholder')}
          onChange={(event) => setCaption(event.target.value)}
          data-testid="figure-caption"
        />
      </label>
      <p className={styles.hint}>{t('figures.form.hint')}</p>
      <button type="submit" className="button button--small" disabled={progress !== null} data-testid="figure-insert">
        {progress === null
          ? t('figures.form.insert')
          : t('figures.form.uploading', { percent: Math.round(progress * 100) })}
      </button>
      <button type="button" className="link-button" onClick={onDone}>
        {t('figures.form.cancel')}
      </button>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
