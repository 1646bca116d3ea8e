import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ChangePasswordRequest } from '@roundtable/contracts';
import { Field, FormError, SubmitButton, fieldError, useAction } from '@roundtable/web-ui';
import { authCommands } from './auth.queries';
import { NewPasswordFields } from './password-reset.pages';
import { useCurrentUser, useSession } from './session.context';
import { useMessages } from '@roundtable/web-i18n';
import { authMessages } from './auth.messages';

/**
 * /account: change the password (other sessions end) and sign out everywhere. `onSignedOut` clears what this
 * browser keeps for the user (offline copies of papers), as the header's sign-out does.
 */
export function AccountPage({ onSignedOut }: { onSignedOut?: () => Promise<void> }) {
  const { t } = useMessages(authMessages);
  const user = useCurrentUser();
  const { logoutEverywhere } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);

  const change = useAction(async (body: ChangePasswordRequest) => {
    await authCommands.changePassword(body);
    setChanged(true);
    setCurrent('');
    setPassword('');
    setRepeat('');
  });
  const everywhere = useAction(async () => {
    await logoutEverywhere();
    await onSignedOut?.().catch(() => undefined);
    navigate('/login', { replace: true });
  });

  function onChange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    setMismatch(password !== repeat);
    if (password === repeat) void change.run({ currentPassword: current, newPassword: password });
  }

  return (
    <main className="page" id="main">
      <h1>{t('auth.account.title')}</h1>
      <p className="muted">{t('nav.signedInAs', { name: `${user.displayName} <${user.email}>` })}</p>
      <section className="card" aria-labelledby="change-password-title">
        <h2 id="change-password-title">{t('auth.account.changePassword')}</h2>
        <p className="muted">{t('auth.account.changeIntro')}</p>
        {changed ? (
          <p className="alert alert--success" role="status" data-testid="password-changed">
            {t('auth.account.changed')}
          </p>
        ) : null}
        <form className="form" onSubmit={onChange} noValidate data-testid="change-password-form">
          <FormError error={change.error} />
          <Field label={t('auth.password.current')} error={fieldError(change.error, 'currentPassword')}>
            {(props) => (
              <input
                {...props}
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
              />
            )}
          </Field>
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            error={fieldError(change.error, 'newPassword')}
            mismatch={mismatch}
          />
          <SubmitButton
            pending={change.pending}
            label={t('auth.account.changeSubmit')}
            pendingLabel={t('form.saving')}
            testId="change-password-submit"
          />
        </form>
      </section>
      <section className="card" aria-labelledby="sign-out-everywhere-title">
        <h2 id="sign-out-everywhere-title">{t('auth.account.everywhere')}</h2>
        <p className="muted">{t('auth.account.everywhereIntro')}</p>
        <FormError error={everywhere.error} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void everywhere.run()}
          disabled={everywhere.pending}
          data-testid="sign-out-everywhere"
        >
          {t('auth.account.everywhereSubmit')}
        </button>
      </section>
    </main>
  );
}
