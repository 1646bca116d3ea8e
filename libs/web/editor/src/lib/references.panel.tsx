import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { REFERENCE_IMPORT_FORMATS, type ReferenceImportFormat } from '@roundtable/contracts';
import { CITATION_SETTINGS_MAP, CITATION_STYLES, REFERENCES_MAP, isCitationStyle } from '@roundtable/editor-schema';
import { useMessages } from '@roundtable/web-i18n';
import { ApiError, FormError, useAction } from '@roundtable/web-ui';
import { InlineContent, useReferenceEntries } from './citation.picker';
import { citationsMessages } from './citations.messages';
import { detectFormat, referencesCommands } from './references.queries';
import styles from './citations.module.css';

const ERROR_CODES = ['referencesUnreadable', 'referencesEmpty', 'referencesTooMany', 'doiMissing'] as const;

/**
 * The document's reference list beside the text (ADR 039): its style, its formatted entries (cited or not)
 * and, for writers, removing one and adding more (BibTeX or RIS pasted or from a file, or a DOI). Style and
 * removals are edits of the shared Y.Doc; imports go through the API, which parses them on the server.
 */
export function ReferencesPanel({
  editor,
  ydoc,
  documentId,
  canWrite,
}: {
  editor: Editor;
  ydoc: Y.Doc;
  documentId: string;
  canWrite: boolean;
}) {
  const { t } = useMessages(citationsMessages);
  const { entries, style } = useReferenceEntries(editor);
  // What a Remove button names: the title, else the DOI (a DOI added without its details has no title).
  const titles = new Map(
    [...ydoc.getMap<{ title?: unknown; DOI?: unknown }>(REFERENCES_MAP).entries()].map(([id, item]) => [
      id,
      String(item?.title || item?.DOI || id),
    ]),
  );
  return (
    <section className={styles.panel} aria-labelledby="references-title" data-testid="references">
      <h2 id="references-title" className="section-title">
        {t('citations.panel.title')}
      </h2>
      <label className={styles.style}>
        <span>{t('citations.panel.style')}</span>
        <select
          value={style}
          disabled={!canWrite}
          data-testid="citation-style"
          onChange={(event) => {
            if (isCitationStyle(event.target.value))
              ydoc.getMap(CITATION_SETTINGS_MAP).set('style', event.target.value);
          }}
        >
          {CITATION_STYLES.map((s) => (
            <option key={s} value={s}>
              {t(`citations.panel.styles.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {entries.length === 0 ? (
        <p className={styles.hint}>{t('citations.panel.empty')}</p>
      ) : (
        <ul className={styles.entries} data-testid="reference-entries">
          {entries.map((entry) => (
            <li key={entry.id} data-reference-id={entry.id} data-cited={entry.cited ? 'true' : 'false'}>
              <span className={styles.entryText}>
                <InlineContent content={entry.content} />
                {entry.cited ? null : <span className={styles.uncited}> · {t('citations.panel.uncited')}</span>}
              </span>
              {canWrite ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('citations.panel.removeLabel', { title: titles.get(entry.id) ?? entry.text })}
                  data-testid={`reference-remove-${entry.id}`}
                  onClick={() => ydoc.getMap(REFERENCES_MAP).delete(entry.id)}
                >
                  {t('citations.panel.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? <ImportForm documentId={documentId} /> : null}
    </section>
  );
}

function ImportForm({ documentId }: { documentId: string }) {
  const { t } = useMessages(citationsMessages);
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ReferenceImportFormat>('bibtex');
  const [done, setDone] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const action = useAction((f: ReferenceImportFormat, value: string) =>
    referencesCommands.import(documentId, f, value),
  );
  const change = (value: string, fileName = '') => {
    setText(value);
    setFormat(detectFormat(value, fileName));
    setDone(null);
    action.reset();
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (chosen) change(await chosen.text(), chosen.name);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await action.run(format, text);
    if (!result) return;
    setText('');
    if (file.current) file.current.value = '';
    setDone(
      [
        t('citations.import.added', { count: result.added.length }),
        format === 'doi' && !result.resolved ? t('citations.import.doiUnresolved') : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };
  const code = action.error instanceof ApiError ? action.error.fields.find((f) => f.field === 'text')?.code : undefined;
  const known = ERROR_CODES.find((c) => c === code);
  return (
    <form className={styles.importForm} onSubmit={submit} data-testid="references-import">
      <h3>{t('citations.import.title')}</h3>
      <label>
        <span>{t('citations.import.text')}</span>
        <textarea
          value={text}
          rows={4}
          placeholder={t('citations.import.placeholder')}
          aria-invalid={known ? true : undefined}
          aria-describedby={known ? 'references-import-error' : undefined}
          data-testid="references-import-text"
          onChange={(event) => change(event.target.value)}
        />
      </label>
      <div className={styles.importRow}>
        <label>
          <span>{t('citations.import.format')}</span>
          <select
            value={format}
            data-testid="references-import-format"
            onChange={(event) => setFormat(event.target.value as ReferenceImportFormat)}
          >
            {REFERENCE_IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`citations.import.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('citations.import.file')}</span>
          <input ref={file} type="file" accept=".bib,.ris,.txt,text/plain" onChange={(e) => void readFile(e)} />
        </label>
        <button
          type="submit"
          className="button button--small"
          disabled={action.pending || text.trim() === ''}
          data-testid="references-import-submit"
        >
          {t('citations.import.submit')}
        </button>
      </div>
      {known ? (
        <p id="references-import-error" className="form__error" role="alert">
          {t(`citations.errors.${known}`)}
        </p>
      ) : action.error ? (
        <FormError error={action.error} />
      ) : null}
      {done ? (
        <p role="status" data-testid="references-import-done">
          {done}
        </p>
      ) : null}
    </form>
  );
}
