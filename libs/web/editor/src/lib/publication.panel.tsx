import { useState, type FormEvent } from 'react';
import { publicationPath, type DocumentDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Field, FormError, fieldError, formatDateTime, SubmitButton, useApiMutation } from '@roundtable/web-ui';
import { useVersions } from './editor.queries';
import { publicationMessages } from './publication.messages';
import { publicationCommands, publicationKeys, useDocumentPublication } from './publication.queries';

/**
 * Where the document is published (`/p/{slug}`, ADR 031); coordinators publish a version (named versions, or
 * the current text of a final document) with the authors they name, and unpublish, each after a confirmation.
 */
export function PublicationPanel({ document }: { document: DocumentDto }) {
  const { t } = useMessages(publicationMessages);
  const { locale } = useLocale();
  const resource = useDocumentPublication(document.id);
  const [form, setForm] = useState<{ versionId: string; authors: string[] } | null>(null);
  const invalidates = [publicationKeys.document(document.id)];
  const publish = useApiMutation(
    (versionId: string, authors: string[]) =>
      publicationCommands.publish(document.id, versionId === 'current' ? null : versionId, authors),
    invalidates,
  );
  const unpublish = useApiMutation(() => publicationCommands.unpublish(document.id), invalidates);
  if (resource.state !== 'ready') return null;
  const publication = resource.data;
  if (!publication.canPublish && !publication.published) return null;
  const latest = publication.versions[0];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!form || !window.confirm(t('publication.confirmPublish'))) return;
    if (await publish.run(form.versionId, form.authors)) setForm(null);
  }

  return (
    <section className="card publication-panel" data-testid="publication-panel" aria-labelledby="publication-title">
      <h2 id="publication-title">{t('publication.title')}</h2>
      {publication.published && latest && publication.slug ? (
        <p data-testid="publication-status">
          {t('publication.publishedAt', {
            path: publicationPath(publication.slug),
            number: latest.number,
            date: formatDateTime(latest.publishedAt, locale),
          })}{' '}
          <a href={publicationPath(publication.slug)} data-testid="publication-link">
            {publicationPath(publication.slug)}
          </a>
        </p>
      ) : publication.withdrawnAt ? (
        <p data-testid="publication-status">
          {t('publication.withdrawn', { date: formatDateTime(publication.withdrawnAt, locale) })}
        </p>
      ) : (
        <p data-testid="publication-status">{t('publication.notPublished')}</p>
      )}
      {publication.slug && publication.versions.length > 0 ? (
        <details>
          <summary>{t('publication.versions')}</summary>
          <ul>
            {publication.versions.map((v) => (
              <li key={v.number}>
                <a href={publicationPath(publication.slug as string, v.number)}>
                  {t('publication.versionLine', {
                    number: v.number,
                    name: v.versionName,
                    date: formatDateTime(v.publishedAt, locale),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {publication.canPublish && form === null ? (
        <p className="publication-panel__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setForm({ versionId: document.status === 'final' ? 'current' : '', authors: [] })}
            data-testid="publish-document"
          >
            {publication.published ? t('publication.publishAgain') : t('publication.publish')}
          </button>{' '}
          {publication.published ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={unpublish.pending}
              onClick={() => {
                if (window.confirm(t('publication.confirmUnpublish'))) void unpublish.run();
              }}
              data-testid="unpublish-document"
            >
              {t('publication.unpublish')}
            </button>
          ) : null}
        </p>
      ) : null}
      {publication.canPublish && form !== null ? (
        <form className="form" onSubmit={(event) => void onSubmit(event)} data-testid="publish-form">
          <VersionChoice
            documentId={document.id}
            final={document.status === 'final'}
            value={form.versionId}
            error={fieldError(publish.error, 'versionId')}
            onChange={(versionId) => setForm({ ...form, versionId })}
          />
          <fieldset>
            <legend>{t('publication.authorsLabel')}</legend>
            <p className="form__hint">{t('publication.authorsHint')}</p>
            {publication.authorCandidates.map((person) => (
              <label key={person.personId} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.authors.includes(person.personId)}
                  onChange={(event) =>
                    setForm({
                      ...form,
                      authors: event.target.checked
                        ? [...form.authors, person.personId]
                        : form.authors.filter((id) => id !== person.personId),
                    })
                  }
                />{' '}
                {person.name}
              </label>
            ))}
          </fieldset>
          <FormError error={publish.error} />
          <SubmitButton pending={publish.pending} testId="publish-submit" label={t('publication.submit')} />
          <button type="button" className="button button--secondary" onClick={() => setForm(null)}>
            {t('publication.cancel')}
          </button>
        </form>
      ) : null}
      <FormError error={unpublish.error} />
    </section>
  );
}

function VersionChoice(props: {
  documentId: string;
  final: boolean;
  value: string;
  error: string | undefined;
  onChange: (versionId: string) => void;
}) {
  const { t } = useMessages(publicationMessages);
  const { locale } = useLocale();
  const versions = useVersions(props.documentId);
  const named =
    versions.state === 'ready' ? versions.data.filter((v) => v.kind === 'named' || v.kind === 'approved') : [];
  return (
    <Field label={t('publication.versionLabel')} error={props.error}>
      {(field) => (
        <select {...field} value={props.value} onChange={(event) => props.onChange(event.target.value)} required>
          <option value="" disabled>
            —
          </option>
          {props.final ? <option value="current">{t('publication.currentFinal')}</option> : null}
          {named.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name ?? v.kind} · {formatDateTime(v.createdAt, locale)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
