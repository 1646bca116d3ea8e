import { useState, type FormEvent } from 'react';
import { VERSION_LIMITS, type DocumentVersionSummaryDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, Field, FormError, Loading, fieldError, formatDateTime, useAction } from '@roundtable/web-ui';
import { editorCommands, useVersion, useVersionDiff, useVersions } from './editor.queries';
import { ExportMenu } from './export.menu';
import { versionsMessages, type VersionsT } from './versions.messages';
import styles from './versions.module.css';

/** A diff line's colour by its operation (unchanged lines have none). */
const DIFF_LINE: Record<'equal' | 'insert' | 'delete', string> = {
  equal: '',
  insert: styles.diffLineInsert,
  delete: styles.diffLineDelete,
};

type Selection = { mode: 'view'; versionId: string } | { mode: 'diff'; versionId: string } | null;

/** The "Version history" toggle and, when open, the panel. Mounted once below the editor. */
export function VersionsToggle({ documentId, canWrite }: { documentId: string; canWrite: boolean }) {
  const { t } = useMessages(versionsMessages);
  const [open, setOpen] = useState(false);
  return (
    <section className={styles.versions} aria-label={t('versions.title')}>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        data-testid="versions-toggle"
        onClick={() => setOpen((value) => !value)}
      >
        {open ? t('versions.hide') : t('versions.show')}
      </button>
      {open ? <VersionsPanel documentId={documentId} canWrite={canWrite} /> : null}
    </section>
  );
}

/** Lists a document's versions; lets writers name the current state and restore a version. */
export function VersionsPanel({ documentId, canWrite }: { documentId: string; canWrite: boolean }) {
  const { t } = useMessages(versionsMessages);
  const { locale } = useLocale();
  const list = useVersions(documentId);
  const [selection, setSelection] = useState<Selection>(null);
  // Pages after the first, loaded on demand ("Show older versions"); the first page reloads after a change.
  const [older, setOlder] = useState<{
    after: DocumentVersionSummaryDto[] | null;
    pages: DocumentVersionSummaryDto[][];
  }>({ after: null, pages: [] });
  const firstPage = list.state === 'ready' ? list.data : null;
  const pages = older.after === firstPage ? older.pages : [];
  const versions = firstPage ? [...firstPage, ...pages.flat()] : [];
  const lastPage = pages.length > 0 ? pages[pages.length - 1] : firstPage;
  const mayHaveOlder = (lastPage?.length ?? 0) === VERSION_LIMITS.pageSize;
  const loadOlder = useAction(async () => {
    const last = versions[versions.length - 1];
    const page = await editorCommands.olderVersions(documentId, last.id);
    setOlder({ after: firstPage, pages: [...pages, page] });
  });
  const restore = useAction((versionId: string) => editorCommands.restoreVersion(documentId, versionId));

  async function onRestore(version: DocumentVersionSummaryDto) {
    if (!window.confirm(t('versions.restoreConfirm', { label: versionLabel(t, version) }))) return;
    const done = await restore.run(version.id);
    if (done) {
      setSelection(null);
      list.reload();
    }
  }

  return (
    <div className={styles.versionsPanel} data-testid="versions-panel">
      <h2>{t('versions.title')}</h2>
      {canWrite ? <NameVersionForm documentId={documentId} onNamed={list.reload} /> : null}
      <FormError error={restore.error} testId="version-restore-error" />
      {list.state === 'loading' ? <Loading label={t('versions.loading')} /> : null}
      {list.state === 'error' ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.state === 'ready' && versions.length === 0 ? (
        <p className="versions__empty">{t('versions.empty')}</p>
      ) : null}
      {list.state === 'ready' && versions.length > 0 ? (
        <ol className={styles.versionsList}>
          {versions.map((version) => (
            <li key={version.id} className={styles.versionsRow} data-testid="version-row" data-kind={version.kind}>
              <span className={styles.versionsLabel}>{versionLabel(t, version)}</span>
              <span className={styles.versionsMeta}>
                {formatDateTime(version.createdAt, locale)}
                {version.createdBy ? ` · ${version.createdBy}` : ''}
              </span>
              <span className="button-row">
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-pressed={selection?.mode === 'view' && selection.versionId === version.id}
                  onClick={() => setSelection({ mode: 'view', versionId: version.id })}
                >
                  {t('versions.view')}
                </button>
                <button
                  type="button"
                  className="button button--small button--secondary"
                  aria-pressed={selection?.mode === 'diff' && selection.versionId === version.id}
                  onClick={() => setSelection({ mode: 'diff', versionId: version.id })}
                >
                  {t('versions.compare')}
                </button>
                <ExportMenu documentId={documentId} versionId={version.id} />
                {canWrite ? (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    data-testid="version-restore"
                    disabled={restore.pending}
                    aria-busy={restore.pending}
                    onClick={() => void onRestore(version)}
                  >
                    {t('versions.restore')}
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {list.state === 'ready' && mayHaveOlder ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void loadOlder.run()}
          disabled={loadOlder.pending}
          aria-busy={loadOlder.pending}
          data-testid="versions-older"
        >
          {t('versions.older')}
        </button>
      ) : null}
      <FormError error={loadOlder.error} />
      {selection?.mode === 'view' ? <VersionView documentId={documentId} versionId={selection.versionId} /> : null}
      {selection?.mode === 'diff' ? <VersionDiff documentId={documentId} versionId={selection.versionId} /> : null}
    </div>
  );
}

function NameVersionForm({ documentId, onNamed }: { documentId: string; onNamed: () => void }) {
  const { t } = useMessages(versionsMessages);
  const [name, setName] = useState('');
  const save = useAction((value: string) => editorCommands.nameVersion(documentId, value));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (await save.run(name)) {
      setName('');
      onNamed();
    }
  }

  return (
    <form className="form versions__form" data-testid="version-name-form" onSubmit={(event) => void onSubmit(event)}>
      <Field
        label={t('versions.nameLabel')}
        hint={t('versions.nameHint', { max: VERSION_LIMITS.nameMax })}
        error={fieldError(save.error, 'name')}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={name}
            maxLength={VERSION_LIMITS.nameMax}
            placeholder={t('versions.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
            required
          />
        )}
      </Field>
      <FormError error={save.error && !fieldError(save.error, 'name') ? save.error : null} />
      <button
        type="submit"
        className="button button--primary"
        disabled={save.pending || !name.trim()}
        aria-busy={save.pending}
      >
        {t('versions.nameSubmit')}
      </button>
    </form>
  );
}

function VersionView({ documentId, versionId }: { documentId: string; versionId: string }) {
  const { t } = useMessages(versionsMessages);
  const version = useVersion(documentId, versionId);
  if (version.state === 'loading') return <Loading label={t('versions.loading')} />;
  if (version.state === 'error') return <ErrorMessage error={version.error} onRetry={version.reload} />;
  return (
    <div className="versions__view" data-testid="version-view">
      <h3>{versionLabel(t, version.data)}</h3>
      {/*
        dangerouslySetInnerHTML only because this HTML is our own server's rendering of the version through
        the shared editor schema (@tiptap/html generateHTML): it can only contain the schema's nodes and marks,
        with text escaped, never HTML typed by a user.
      */}
      <div
        className={`editor__content ${styles.versionsHtml}`}
        aria-readonly="true"
        dangerouslySetInnerHTML={{ __html: version.data.html }}
      />
    </div>
  );
}

function VersionDiff({ documentId, versionId }: { documentId: string; versionId: string }) {
  const { t } = useMessages(versionsMessages);
  const diff = useVersionDiff(documentId, versionId);
  if (diff.state === 'loading') return <Loading label={t('versions.loading')} />;
  if (diff.state === 'error') return <ErrorMessage error={diff.error} onRetry={diff.reload} />;
  const changed = diff.data.some((entry) => entry.op !== 'equal');
  return (
    <div className="versions__diff" data-testid="version-diff">
      <h3>{t('versions.diffTitle')}</h3>
      {changed ? null : <p>{t('versions.noChanges')}</p>}
      <pre className={styles.diff} aria-label={t('versions.diffTitle')}>
        {diff.data.map((entry, index) => (
          <div key={index} className={`${styles.diffLine} ${DIFF_LINE[entry.op]}`} data-op={entry.op}>
            <span className={styles.diffSign} aria-hidden="true">
              {entry.op === 'insert' ? '+' : entry.op === 'delete' ? '−' : ' '}
            </span>
            {entry.op !== 'equal' ? <span className="visually-hidden">{t(`versions.op.${entry.op}`)} </span> : null}
            {entry.text || '\u00a0'}
          </div>
        ))}
      </pre>
    </div>
  );
}

function versionLabel(t: VersionsT, version: DocumentVersionSummaryDto): string {
  return version.name ?? t(`versions.kind.${version.kind}`);
}
