import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ErrorCode,
  type AcceptInvitationRequest,
  type InvitationPreviewDto,
  type Locale,
  type UserDto,
} from '@roundtable/contracts';
import { COUNTRY_CODES } from '@roundtable/domain';
import { authMessages, useSession } from '@roundtable/web-auth';
import { SUPPORTED_LOCALES, useLocale, useMessages } from '@roundtable/web-i18n';
import { roleLabel } from '@roundtable/web-projects';
import {
  ApiError,
  Field,
  FormError,
  Loading,
  PublicShell,
  countryName,
  errorMessage,
  fieldError,
  formatDateTime,
  useAction,
  SubmitButton,
} from '@roundtable/web-ui';
import { peopleCommands, useInvitationPreview } from './people.queries';
import { invitationMessages } from './people.messages';
import styles from './people.module.css';

interface AcceptResponse {
  user: UserDto;
  workingGroupId: string;
}

/** Why an invitation link cannot be used, in plain words. */
function InvitationProblem({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useMessages(invitationMessages);
  const known: Record<string, string> = {
    [ErrorCode.InvitationExpired]: t('invitation.expired'),
    [ErrorCode.InvitationUsed]: t('invitation.used'),
    [ErrorCode.NotFound]: t('invitation.notFound'),
    [ErrorCode.RouteNotFound]: t('invitation.notFound'),
  };
  const text = known[error.code] ?? errorMessage(t, error);
  return (
    <section className="card" data-testid="invitation-problem" data-code={error.code}>
      <h1>{t('invitation.problemTitle')}</h1>
      <p>{text}</p>
      <p className="muted">{t('invitation.askAgain')}</p>
      {error.code === 'network' || error.status >= 500 ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : (
        <p>
          <Link to="/login">{t('invitation.goToLogin')}</Link>
        </p>
      )}
    </section>
  );
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreviewDto }) {
  const { t } = useMessages(invitationMessages);
  const { t: authT } = useMessages(authMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { state, user, refresh, logout } = useSession();
  const [displayName, setDisplayName] = useState(preview.displayName ?? '');
  const [password, setPassword] = useState('');
  const [country, setCountry] = useState('');
  const [language, setLanguage] = useState<Locale>(locale);
  const countries = useMemo(
    () =>
      COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [locale],
  );
  const signedInAsInvitee = user !== null && user.email.toLowerCase() === preview.email.toLowerCase();
  const signedInAsOther = user !== null && !signedInAsInvitee;
  const next = `/invitations/${encodeURIComponent(token)}`;
  const loginHref = `/login?next=${encodeURIComponent(next)}`;

  const accept = useAction(async (body: AcceptInvitationRequest) => {
    const result: AcceptResponse = await peopleCommands.acceptInvitation(token, body);
    await refresh();
    navigate(`/working-groups/${encodeURIComponent(result.workingGroupId)}`, { replace: true });
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (preview.accountExists) {
      void accept.run({});
      return;
    }
    const body: AcceptInvitationRequest = { displayName: displayName.trim(), password, locale: language };
    if (country) body.country = country;
    void accept.run(body);
  }

  if (state.status === 'loading') return <Loading label={authT('auth.checkingSession')} />;

  if (preview.accountExists && !signedInAsInvitee) {
    return (
      <div className={`alert alert--info ${styles.signIn}`} data-testid="invitation-sign-in">
        <div>
          <p>{t('invitation.signInToAccept', { email: preview.email })}</p>
          {signedInAsOther ? (
            <p className="alert__detail">{t('invitation.signedInAsOther', { email: user.email })}</p>
          ) : null}
        </div>
        {signedInAsOther ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void logout().then(() => navigate(loginHref))}
          >
            {t('invitation.switchAccount')}
          </button>
        ) : (
          <Link className="button button--primary" to={loginHref} data-testid="invitation-login-link">
            {t('invitation.signIn')}
          </Link>
        )}
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="accept-invitation-form">
      <FormError error={accept.error} testId="accept-error" />
      {signedInAsOther && !preview.accountExists ? (
        <p className="alert alert--warning">{t('invitation.newAccountWhileSignedIn', { email: user.email })}</p>
      ) : null}
      {preview.accountExists ? (
        <p>{t('invitation.acceptAs', { email: preview.email })}</p>
      ) : (
        <>
          <p className="muted">{t('invitation.createAccount', { email: preview.email })}</p>
          <Field label={t('invitation.displayName')} error={fieldError(accept.error, 'displayName')}>
            {(props) => (
              <input
                {...props}
                name="displayName"
                autoComplete="name"
                required
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('invitation.password')}
            error={fieldError(accept.error, 'password')}
            hint={t('invitation.passwordHint')}
          >
            {(props) => (
              <input
                {...props}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={10}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('invitation.country')} error={fieldError(accept.error, 'country')} hint={t('form.optional')}>
            {(props) => (
              <select {...props} name="country" value={country} onChange={(e) => setCountry(e.target.value)}>
                <option value="">{t('form.choose')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('invitation.language')} error={fieldError(accept.error, 'locale')}>
            {(props) => (
              <select {...props} name="locale" value={language} onChange={(e) => setLanguage(e.target.value as Locale)}>
                {SUPPORTED_LOCALES.map((code) => (
                  <option key={code} value={code} lang={code}>
                    {t(`language.${code}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      <SubmitButton
        pending={accept.pending}
        label={t('invitation.accept')}
        pendingLabel={t('invitation.accepting')}
        testId="accept-invitation"
      />
    </form>
  );
}

/** Public page behind the link in an invitation email: preview, then join (creating an account if needed). */
export function InvitationPage() {
  const { t } = useMessages(invitationMessages);
  const { locale, pick } = useLocale();
  const { token = '' } = useParams<{ token: string }>();
  const preview = useInvitationPreview(token);

  useEffect(() => {
    document.title = `${t('invitation.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <PublicShell>
      {preview.state === 'loading' ? <Loading /> : null}
      {preview.state === 'error' ? <InvitationProblem error={preview.error} onRetry={preview.reload} /> : null}
      {preview.state === 'ready' ? (
        <section className="card" data-testid="invitation" aria-labelledby="invitation-title">
          <p className="eyebrow">{t('invitation.title')}</p>
          <h1 id="invitation-title">
            {t('invitation.heading', {
              code: preview.data.workingGroup.code,
              title: pick(preview.data.workingGroup.title),
            })}
          </h1>
          <dl className="facts">
            <div>
              <dt>{t('invitation.role')}</dt>
              <dd>{roleLabel(t, preview.data.role)}</dd>
            </div>
            <div>
              <dt>{t('invitation.email')}</dt>
              <dd>{preview.data.email}</dd>
            </div>
            <div>
              <dt>{t('invitation.expires')}</dt>
              <dd>{formatDateTime(preview.data.expiresAt, locale)}</dd>
            </div>
          </dl>
          <AcceptForm token={token} preview={preview.data} />
        </section>
      ) : null}
    </PublicShell>
  );
}
