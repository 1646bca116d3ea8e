import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorCode, type ApplicationConfirmationDto } from '@roundtable/contracts';
import { ApiError, FormError, PublicShell, errorMessage, useAction } from '@roundtable/web-ui';
import { openCallCommands } from './open-call.queries';
import { useMessages } from '@roundtable/web-i18n';
import { applyMessages } from './open-call.messages';

/**
 * The link in the confirmation mail. Confirming takes a click (a POST), never just opening the page, so mail
 * scanners that fetch links do not confirm applications on the applicant's behalf.
 */
export function ConfirmApplicationPage() {
  const { t } = useMessages(applyMessages);
  const { token = '' } = useParams<{ token: string }>();
  const [result, setResult] = useState<ApplicationConfirmationDto | null>(null);
  const confirm = useAction(async () => {
    setResult(await openCallCommands.confirm(token));
  });

  useEffect(() => {
    document.title = `${t('apply.confirm.title')} · ${t('app.name')}`;
  }, [t]);

  const error = confirm.error instanceof ApiError ? confirm.error : null;
  const problems: Record<string, string> = {
    [ErrorCode.ConfirmationExpired]: t('apply.confirm.expired'),
    [ErrorCode.ConfirmationUsed]: t('apply.confirm.used'),
    [ErrorCode.NotFound]: t('apply.confirm.notFound'),
    [ErrorCode.Conflict]: t('apply.confirm.decided'),
  };

  return (
    <PublicShell>
      <section className="card" data-testid="confirm-application">
        <h1>{t('apply.confirm.title')}</h1>
        {result ? (
          <div
            className="alert alert--success"
            role="status"
            data-testid="confirm-application-done"
            data-replaced={result.replaced ? 'true' : 'false'}
          >
            <div>
              <p>
                <strong>{t('apply.confirm.doneTitle')}</strong>
              </p>
              {result.replaced ? <p>{t('apply.confirm.replacedBody')}</p> : null}
              <p>{t('apply.confirm.doneBody')}</p>
              <p>
                <Link to={`/apply/${encodeURIComponent(result.callId)}`}>{t('apply.confirm.backToCall')}</Link>
              </p>
            </div>
          </div>
        ) : error && error.status < 500 && error.code !== 'network' ? (
          <div
            className="alert alert--warning"
            role="alert"
            data-testid="confirm-application-problem"
            data-code={error.code}
          >
            <p>
              <strong>{t('apply.confirm.problemTitle')}</strong>
            </p>
            <p>{problems[error.code] ?? errorMessage(t, error)}</p>
          </div>
        ) : (
          <>
            <p>{t('apply.confirm.intro')}</p>
            <FormError error={confirm.error} testId="confirm-application-error" />
            <button
              type="button"
              className="button button--primary"
              disabled={confirm.pending}
              aria-busy={confirm.pending}
              onClick={() => void confirm.run()}
              data-testid="confirm-application-button"
            >
              {confirm.pending ? t('apply.confirm.confirming') : t('apply.confirm.button')}
            </button>
          </>
        )}
      </section>
    </PublicShell>
  );
}
