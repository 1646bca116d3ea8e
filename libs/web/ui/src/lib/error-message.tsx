import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@roundtable/contracts';
import type { SharedT } from '@roundtable/web-i18n';
import { ApiError } from './http';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Plain-words, translated message for any error thrown by an API call (any feature's `t` will do). */
export function errorMessage(t: SharedT, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === ErrorCode.TooManyAttempts && error.retryAfterSeconds) {
      return t('errors.tooManyAttemptsRetry', { seconds: Math.ceil(error.retryAfterSeconds) });
    }
    if (error.code === 'network') return t('errors.network');
    if (KNOWN_CODES.has(error.code)) return t(`errors.${error.code as ErrorCode}`);
  }
  return t('errors.unknown');
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p>{errorMessage(t, error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      ) : null}
    </div>
  );
}
