import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { REQUIRED_CONSENT_PURPOSES, type ConsentDto, type DataExportDto } from '@roundtable/contracts';
import { useSession } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import {
  ErrorMessage,
  Field,
  FormError,
  Loading,
  SubmitButton,
  fieldError,
  formatDateTime,
  useApiMutation,
} from '@roundtable/web-ui';
import { privacyMessages } from './privacy.messages';
import { dataExportHref, privacyCommands, privacyKeys, useMyDataExports, useMyPrivacy } from './privacy.queries';
import styles from './privacy.module.css';

function ConsentRow({ consent }: { consent: ConsentDto }) {
  const { t } = useMessages(privacyMessages);
  const change = useApiMutation(
    (granted: boolean) => privacyCommands.setConsent(consent.purpose, granted),
    [privacyKeys.mine],
  );
  const required = REQUIRED_CONSENT_PURPOSES.includes(consent.purpose);
  const answer = consent.granted === null ? 'unasked' : consent.granted ? 'yes' : 'no';
  return (
    <li className={`card ${styles.consent}`} data-testid="consent" data-purpose={consent.purpose} data-answer={answer}>
      <div>
        <strong>{t(`privacy.purpose.${consent.purpose}`)}</strong>
        <p className="muted">{t(`privacy.answer.${answer}`)}</p>
        {required ? <p className="muted">{t('privacy.required')}</p> : null}
        <FormError error={change.error} />
      </div>
      <div className="button-row">
        {consent.granted !== true ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={change.pending}
            onClick={() => void change.run(true)}
          >
            {t('privacy.give')}
          </button>
        ) : null}
        {consent.granted !== false && !required ? (
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={change.pending}
            onClick={() => void change.run(false)}
            data-testid="consent-withdraw"
          >
            {t('privacy.withdraw')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

function ExportRow({ item }: { item: DataExportDto }) {
  const { t } = useMessages(privacyMessages);
  const { locale } = useLocale();
  const revoke = useApiMutation(() => privacyCommands.revokeExport(item.id), [privacyKeys.exports]);
  return (
    <li data-testid="data-export" data-state={item.revoked ? 'revoked' : item.state}>
      {item.revoked ? t('privacy.exportRevoked') : t(`privacy.exportState.${item.state}`)} ·{' '}
      {formatDateTime(item.createdAt, locale)}
      {!item.revoked && item.state === 'done' ? (
        <>
          {' · '}
          <a href={dataExportHref(item.id)} download data-testid="data-export-download">
            {t('privacy.exportDownload')}
          </a>
          {' · '}
          <span className="muted">
            {t('privacy.exportExpires', { time: formatDateTime(item.expiresAt, locale) })}
          </span>{' '}
          <button type="button" className="link-button" disabled={revoke.pending} onClick={() => void revoke.run()}>
            {t('privacy.exportRevoke')}
          </button>
        </>
      ) : null}
      <FormError error={revoke.error} />
    </li>
  );
}

function ExportSection() {
  const { t } = useMessages(privacyMessages);
  const exports = useMyDataExports();
  const request = useApiMutation(privacyCommands.requestExport, [privacyKeys.exports]);
  const building =
    exports.state === 'ready' &&
    exports.data.some((e) => !e.revoked && (e.state === 'queued' || e.state === 'running'));
  const { reload } = exports;
  // While one is being prepared, ask again every two seconds.
  useEffect(() => {
    if (!building) return;
    const timer = setInterval(reload, 2000);
    return () => clearInterval(timer);
  }, [building, reload]);
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('privacy.exportTitle')}</h2>
      <p className="muted">{t('privacy.exportIntro')}</p>
      <FormError error={request.error} />
      <button
        type="button"
        className="button button--primary"
        disabled={request.pending || building}
        onClick={() => void request.run()}
        data-testid="data-export-request"
      >
        {t('privacy.exportRequest')}
      </button>
      {exports.state === 'loading' ? <Loading /> : null}
      {exports.state === 'error' ? <ErrorMessage error={exports.error} onRetry={exports.reload} /> : null}
      {exports.state === 'ready' ? (
        exports.data.length === 0 ? (
          <p className="muted">{t('privacy.exportNone')}</p>
        ) : (
          <ul className={styles.exports}>
            {exports.data.map((item) => (
              <ExportRow key={item.id} item={item} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function EraseSection({ onSignedOut }: { onSignedOut?: () => Promise<void> }) {
  const { t } = useMessages(privacyMessages);
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  // Nothing to refetch: the session ends with the answer.
  const erase = useApiMutation(privacyCommands.erase, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await erase.run(password);
    if (result === undefined) return;
    await onSignedOut?.().catch(() => undefined);
    navigate(`/privacy?erased=${result.formerMember}`, { replace: true });
    await refresh();
  }

  return (
    <section className={`card ${styles.danger}`} aria-labelledby="erase-title">
      <h2 id="erase-title">{t('privacy.eraseTitle')}</h2>
      <p>{t('privacy.eraseIntro')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="erase-form">
        <FormError error={erase.error} />
        <Field label={t('privacy.erasePassword')} error={fieldError(erase.error, 'password')}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton
          pending={erase.pending}
          label={t('privacy.eraseConfirm')}
          pendingLabel={t('privacy.erasing')}
          testId="erase-submit"
        />
      </form>
    </section>
  );
}

/** /account/privacy: consents, own-data export and erasure (ADR 043). */
export function MyPrivacyPage({ onSignedOut }: { onSignedOut?: () => Promise<void> }) {
  const { t } = useMessages(privacyMessages);
  const mine = useMyPrivacy();

  useEffect(() => {
    document.title = `${t('privacy.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main">
      <h1>{t('privacy.title')}</h1>
      <p className="muted">
        {t('privacy.intro')} <Link to="/privacy">{t('privacy.readNotice')}</Link>
      </p>
      <section aria-labelledby="consents-title">
        <h2 id="consents-title">{t('privacy.consentsTitle')}</h2>
        {mine.state === 'loading' ? <Loading /> : null}
        {mine.state === 'error' ? <ErrorMessage error={mine.error} onRetry={mine.reload} /> : null}
        {mine.state === 'ready' ? (
          <>
            <p className="muted">{t('privacy.version', { version: mine.data.notice.version })}</p>
            <ul className={styles.consents}>
              {mine.data.consents.map((consent) => (
                <ConsentRow key={consent.purpose} consent={consent} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <ExportSection />
      <EraseSection onSignedOut={onSignedOut} />
    </main>
  );
}
