import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorCode } from '@roundtable/contracts';
import { ApiError, LanguageSwitch, Loading, errorMessage } from '@roundtable/web-ui';
import { useSession } from './session.context';
import type { LoginLocationState } from './require-auth';
import { safeRedirect } from './safe-redirect';
import { useMessages } from '@roundtable/web-i18n';
import { authMessages } from './auth.messages';
import styles from './auth.module.css';

type Field = 'email' | 'password';

export function LoginPage() {
  const { t } = useMessages(authMessages);
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  // `?next=` (links in invitation pages and emails) wins over the page RequireAuth bounced us from.
  const redirectTo = safeRedirect(searchParams.get('next') ?? (location.state as LoginLocationState | null)?.from);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field | 'other', true>>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);

  if (state.status === 'authenticated' && !submitting) return <Navigate to={redirectTo} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    setFieldErrors({});
    try {
      await login({ email: email.trim(), password });
      navigate(redirectTo, { replace: true });
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === ErrorCode.ValidationFailed) {
        const next: Partial<Record<Field | 'other', true>> = {};
        for (const field of caught.fields) {
          if (field.field === 'email' || field.field === 'password') next[field.field] = true;
          else next.other = true;
        }
        setFieldErrors(next);
      }
    } finally {
      setSubmitting(false);
    }
  }

  const emailErrorId = `${id}-email-error`;
  const passwordErrorId = `${id}-password-error`;

  return (
    <div className="login">
      <header className="login__header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className={styles.main} id="main">
        <section className={`card ${styles.card}`} aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`}>{t('auth.login.title')}</h1>
          <p className="muted">{t('auth.login.intro')}</p>
          {state.status === 'loading' ? <Loading label={t('auth.checkingSession')} /> : null}
          {error ? (
            <div className="alert alert--error" role="alert" tabIndex={-1} ref={alertRef} data-testid="login-error">
              <p>{errorMessage(t, error)}</p>
              {fieldErrors.other ? <p>{t('auth.fieldErrors.other')}</p> : null}
            </div>
          ) : null}
          <form className="form" onSubmit={onSubmit} noValidate>
            <div className="form__field">
              <label htmlFor={`${id}-email`}>{t('auth.login.email')}</label>
              <input
                id={`${id}-email`}
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                aria-invalid={fieldErrors.email ? true : undefined}
                aria-describedby={fieldErrors.email ? emailErrorId : undefined}
              />
              {fieldErrors.email ? (
                <p className="form__error" id={emailErrorId}>
                  {t('auth.fieldErrors.email')}
                </p>
              ) : null}
            </div>
            <div className="form__field">
              <label htmlFor={`${id}-password`}>{t('auth.login.password')}</label>
              <input
                id={`${id}-password`}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={fieldErrors.password ? passwordErrorId : undefined}
              />
              {fieldErrors.password ? (
                <p className="form__error" id={passwordErrorId}>
                  {t('auth.fieldErrors.password')}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--primary" disabled={submitting} aria-busy={submitting}>
              {submitting ? t('auth.login.submitting') : t('auth.login.submit')}
            </button>
          </form>
          <p>
            <Link to="/forgot-password" data-testid="forgot-password-link">
              {t('auth.login.forgot')}
            </Link>
          </p>
          <p>
            <Link to="/privacy" data-testid="privacy-link">
              {t('auth.login.privacy')}
            </Link>
          </p>
        </section>
      </main>
    </div>
  );
}
