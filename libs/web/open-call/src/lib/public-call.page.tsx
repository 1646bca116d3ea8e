import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import {
  ErrorCode,
  SECTORS,
  type ExpertCallDto,
  type Sector,
  type SubmitApplicationRequest,
  type SubmitApplicationResponse,
} from '@roundtable/contracts';
import { COUNTRY_CODES } from '@roundtable/domain';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { sectorLabel } from '@roundtable/web-projects';
import {
  ApiError,
  ErrorMessage,
  Field,
  FormError,
  Loading,
  PublicShell,
  countryName,
  fieldError,
  formatDateTime,
  parseTags,
  useAction,
  SubmitButton,
} from '@roundtable/web-ui';
import { openCallCommands, usePublicCall } from './open-call.queries';
import { applyMessages } from './open-call.messages';
import styles from './open-call.module.css';

type Form = Omit<SubmitApplicationRequest, 'expertise' | 'sector' | 'website' | 'locale'> & {
  expertise: string;
  sector: Sector | '';
  website: string;
};

const EMPTY: Form = {
  name: '',
  email: '',
  country: '',
  affiliation: '',
  sector: '',
  expertise: '',
  preferredWorkingGroupIds: [],
  motivation: '',
  conflictOfInterest: '',
  consentGdpr: false,
  consentPipl: false,
  website: '',
};

function ClosedMessage() {
  const { t } = useMessages(applyMessages);
  return (
    <div className="alert alert--warning" role="status" data-testid="call-closed">
      <p>{t('apply.closed')}</p>
    </div>
  );
}

function ApplyForm({ call, onClosed }: { call: ExpertCallDto; onClosed: () => void }) {
  const { t } = useMessages(applyMessages);
  const { locale, pick } = useLocale();
  const id = useId();
  const [form, setForm] = useState<Form>(EMPTY);
  const [missingConsent, setMissingConsent] = useState(false);
  const [result, setResult] = useState<SubmitApplicationResponse | null>(null);
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );

  const submit = useAction(async () => {
    const body: SubmitApplicationRequest = {
      name: form.name.trim(),
      email: form.email.trim(),
      country: form.country,
      affiliation: form.affiliation.trim(),
      sector: form.sector as Sector,
      expertise: parseTags(form.expertise),
      preferredWorkingGroupIds: form.preferredWorkingGroupIds,
      motivation: form.motivation.trim(),
      conflictOfInterest: form.conflictOfInterest.trim(),
      consentGdpr: form.consentGdpr,
      consentPipl: form.consentPipl,
      website: form.website,
      locale,
    };
    try {
      const response = await openCallCommands.apply(call.id, body);
      setResult(response);
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.CallClosed) onClosed();
      throw error;
    }
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.consentGdpr || !form.consentPipl) {
      setMissingConsent(true);
      return;
    }
    setMissingConsent(false);
    void submit.run();
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((prev) => ({ ...prev, [key]: value }));
  const err = (field: string) => fieldError(submit.error, field);
  const tooMany = submit.error instanceof ApiError && submit.error.status === 429;

  if (result) {
    return (
      <div className="alert alert--success" role="status" data-testid="apply-success">
        <div>
          <p>
            <strong>{t('apply.checkEmailTitle')}</strong>
          </p>
          <p>{t('apply.checkEmailBody', { email: form.email.trim() })}</p>
        </div>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="apply-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('apply.formHeading')}</h2>
      {tooMany ? (
        <div className="alert alert--error" role="alert" data-testid="apply-too-many">
          <p>{t('apply.tooMany')}</p>
        </div>
      ) : (
        <FormError error={submit.error} testId="apply-error" />
      )}
      <div className="form__row">
        <Field label={t('apply.name')} error={err('name')}>
          {(props) => (
            <input
              {...props}
              name="name"
              autoComplete="name"
              required
              value={form.name}
              onChange={(e) => set('name', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('apply.email')} error={err('email')} hint={t('apply.emailHint')}>
          {(props) => (
            <input
              {...props}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={form.email}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('apply.country')} error={err('country')}>
          {(props) => (
            <select
              {...props}
              name="country"
              required
              value={form.country}
              onChange={(e) => set('country', e.target.value)}
            >
              <option value="">{t('form.choose')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('apply.affiliation')} error={err('affiliation')}>
          {(props) => (
            <input
              {...props}
              name="affiliation"
              autoComplete="organization"
              required
              value={form.affiliation}
              onChange={(e) => set('affiliation', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('apply.sector')} error={err('sector')}>
          {(props) => (
            <select
              {...props}
              name="sector"
              required
              value={form.sector}
              onChange={(e) => set('sector', e.target.value as Sector | '')}
            >
              <option value="">{t('form.choose')}</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {sectorLabel(t, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('apply.expertise')} error={err('expertise')} hint={t('apply.expertiseHint')}>
        {(props) => (
          <input
            {...props}
            name="expertise"
            value={form.expertise}
            onChange={(e) => set('expertise', e.target.value)}
          />
        )}
      </Field>
      <fieldset className="fieldset" aria-describedby={err('preferredWorkingGroupIds') ? `${id}-wg-error` : undefined}>
        <legend>{t('apply.preferred')}</legend>
        <p className="form__hint">{t('apply.preferredHint')}</p>
        <div className={styles.checkboxGrid}>
          {call.workingGroups.map((group) => (
            <label key={group.id} className="checkbox">
              <input
                type="checkbox"
                name="preferredWorkingGroupIds"
                value={group.id}
                checked={form.preferredWorkingGroupIds.includes(group.id)}
                onChange={(e) =>
                  set(
                    'preferredWorkingGroupIds',
                    e.target.checked
                      ? [...form.preferredWorkingGroupIds, group.id]
                      : form.preferredWorkingGroupIds.filter((g) => g !== group.id),
                  )
                }
              />
              <span>
                <strong>{group.code}</strong> {pick(group.title)}
              </span>
            </label>
          ))}
        </div>
        {err('preferredWorkingGroupIds') ? (
          <p className="form__error" id={`${id}-wg-error`}>
            {t('form.fieldInvalid', { message: err('preferredWorkingGroupIds') })}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('apply.motivation')} error={err('motivation')}>
        {(props) => (
          <textarea
            {...props}
            name="motivation"
            rows={6}
            required
            value={form.motivation}
            onChange={(e) => set('motivation', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('apply.conflictOfInterest')} error={err('conflictOfInterest')} hint={t('apply.conflictHint')}>
        {(props) => (
          <textarea
            {...props}
            name="conflictOfInterest"
            rows={3}
            required
            value={form.conflictOfInterest}
            onChange={(e) => set('conflictOfInterest', e.target.value)}
          />
        )}
      </Field>
      {/* Honeypot: people never see or fill it; bots that fill every input are ignored by the server. */}
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor={`${id}-website`}>{t('apply.website')}</label>
        <input
          id={`${id}-website`}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={form.website}
          onChange={(e) => set('website', e.target.value)}
        />
      </div>
      <fieldset className={`fieldset ${styles.consent}`}>
        <legend>{t('apply.consentHeading')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            name="consentGdpr"
            checked={form.consentGdpr}
            onChange={(e) => set('consentGdpr', e.target.checked)}
            aria-invalid={(missingConsent && !form.consentGdpr) || err('consentGdpr') ? true : undefined}
          />
          <span>{t('apply.consentGdpr')}</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="consentPipl"
            checked={form.consentPipl}
            onChange={(e) => set('consentPipl', e.target.checked)}
            aria-invalid={(missingConsent && !form.consentPipl) || err('consentPipl') ? true : undefined}
          />
          <span>{t('apply.consentPipl')}</span>
        </label>
        {missingConsent || err('consentGdpr') || err('consentPipl') ? (
          <p className="form__error" role="alert" data-testid="consent-error">
            {t('apply.consentRequired')}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton
        pending={submit.pending}
        label={t('apply.submit')}
        pendingLabel={t('apply.submitting')}
        testId="apply-submit"
      />
    </form>
  );
}

/** Public page of an open call for experts: the call and the application form (no sign-in). */
export function PublicCallPage() {
  const { t } = useMessages(applyMessages);
  const { locale, pick } = useLocale();
  const { callId = '' } = useParams<{ callId: string }>();
  const call = usePublicCall(callId);
  const [closedNow, setClosedNow] = useState(false);

  useEffect(() => {
    document.title = `${call.state === 'ready' ? pick(call.data.title) : t('apply.title')} · ${t('app.name')}`;
  }, [call.state, call.data, pick, t]);

  const closedByServer = call.state === 'error' && call.error.code === ErrorCode.CallClosed;

  return (
    <PublicShell wide>
      {call.state === 'loading' ? <Loading /> : null}
      {call.state === 'error' && !closedByServer ? <ErrorMessage error={call.error} onRetry={call.reload} /> : null}
      {closedByServer ? (
        <section className="card">
          <h1>{t('apply.title')}</h1>
          <ClosedMessage />
        </section>
      ) : null}
      {call.state === 'ready' ? (
        <article className="card" data-testid="public-call">
          <p className="eyebrow">{t('apply.title')}</p>
          <h1>{pick(call.data.title)}</h1>
          <p className="prose prewrap">{pick(call.data.description)}</p>
          <h2>{t('apply.eligibility')}</h2>
          <p className="prose prewrap">{pick(call.data.eligibility)}</p>
          <p>
            <strong>{t('apply.closesAt')}</strong> {formatDateTime(call.data.closesAt, locale)}
          </p>
          {call.data.open && !closedNow ? (
            <ApplyForm call={call.data} onClosed={() => setClosedNow(true)} />
          ) : (
            <ClosedMessage />
          )}
        </article>
      ) : null}
    </PublicShell>
  );
}
