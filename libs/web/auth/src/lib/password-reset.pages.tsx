import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorCode, type PasswordResetConfirmRequest, type PasswordResetRequest } from '@roundtable/contracts';
import { ApiError, Field, FormError, PublicShell, SubmitButton, fieldError, useAction } from '@roundtable/web-ui';
import { authCommands } from './auth.queries';
import { useMessages } from '@roundtable/web-i18n';
import { authMessages } from './auth.messages';
import styles from './auth.module.css';

/** /forgot-password: asks for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useMessages(authMessages);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const request = useAction(async (body: PasswordResetRequest) => {
    await authCommands.requestPasswordReset(body);
    setSent(true);
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void request.run({ email: email.trim() });
  }

  return (
    <PublicShell>
      <section className={`card ${styles.card}`}>
        <h1>{t('auth.forgot.title')}</h1>
        {sent ? (
          <p role="status" data-testid="reset-requested">
            {t('auth.forgot.sent', { email: email.trim() })}
          </p>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
            <p className="muted">{t('auth.forgot.intro')}</p>
            <FormError error={request.error} />
            <Field label={t('auth.login.email')} error={fieldError(request.error, 'email')}>
              {(props) => (
                <input
                  {...props}
                  name="email"
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <SubmitButton pending={request.pending} label={t('auth.forgot.submit')} pendingLabel={t('form.saving')} />
          </form>
        )}
        <p>
          <Link to="/login">{t('auth.forgot.backToLogin')}</Link>
        </p>
      </section>
    </PublicShell>
  );
}

/** /reset-password/:token, the link from the e-mail: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useMessages(authMessages);
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const confirm = useAction(async (body: PasswordResetConfirmRequest) => {
    await authCommands.confirmPasswordReset(body);
    setDone(true);
  });
  const linkInvalid = confirm.error instanceof ApiError && confirm.error.code === ErrorCode.ResetLinkInvalid;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password === repeat) void confirm.run({ token, password });
  }

  return (
    <PublicShell>
      <section className={`card ${styles.card}`}>
        <h1>{t('auth.reset.title')}</h1>
        {done ? (
          <p role="status" data-testid="reset-done">
            {t('auth.reset.done')} <Link to="/login">{t('auth.login.submit')}</Link>
          </p>
        ) : linkInvalid ? (
          <div data-testid="reset-link-invalid">
            <p>{t('errors.RESET_LINK_INVALID')}</p>
            <Link to="/forgot-password">{t('auth.reset.askAgain')}</Link>
          </div>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate data-testid="reset-password-form">
            <FormError error={confirm.error} />
            <NewPasswordFields
              password={password}
              repeat={repeat}
              onPassword={setPassword}
              onRepeat={setRepeat}
              error={fieldError(confirm.error, 'password')}
              mismatch={mismatch}
            />
            <SubmitButton pending={confirm.pending} label={t('auth.reset.submit')} pendingLabel={t('form.saving')} />
          </form>
        )}
      </section>
    </PublicShell>
  );
}

/** A new password typed twice, with the policy as a hint (shared by the reset and account pages). */
export function NewPasswordFields(props: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  error?: string;
  mismatch: boolean;
}) {
  const { t } = useMessages(authMessages);
  return (
    <>
      <Field label={t('auth.password.new')} error={props.error} hint={t('auth.password.rules')}>
        {(field) => (
          <input
            {...field}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={props.password}
            onChange={(e) => props.onPassword(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('auth.password.repeat')} error={props.mismatch ? t('auth.password.mismatch') : undefined}>
        {(field) => (
          <input
            {...field}
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            required
            value={props.repeat}
            onChange={(e) => props.onRepeat(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
