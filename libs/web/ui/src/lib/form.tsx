import { useCallback, useId, useState, type ReactNode } from 'react';
import { getI18n, useTranslation } from 'react-i18next';
import { ErrorCode, type FieldError } from '@roundtable/contracts';
import { ApiError } from './http';
import { errorMessage } from './error-message';

/**
 * One field error as a plain sentence in the reader's language: `validation.<code>` with its params (a region
 * named in the reader's language), or a general sentence when the code is unknown — never the server's
 * developer text ("closesAt must be an ISO 8601 date-time").
 */
export function fieldErrorText(error: FieldError): string {
  const i18n = getI18n();
  if (!i18n) return error.message;
  const key = error.code && i18n.exists(`validation.${error.code}`) ? `validation.${error.code}` : 'validation.invalid';
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  if (typeof params.region === 'string') params.region = i18n.t(`region.${params.region}`);
  return i18n.t(key, params);
}

/** The translated error for one field of an answer (`field` or `field.sub`), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.fields.length === 0) return undefined;
  const hit = error.fields.find(
    (f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`),
  );
  return hit ? fieldErrorText(hit) : undefined;
}

/**
 * Translated alert for a failed form submission: the error's code, and the rule each coded field names, in the
 * reader's language. The server's English `message` is never shown (ADR 044).
 */
export function FormError({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  // Outside a validation failure, the fields say in the reader's language what the rule wants.
  const ruleFields =
    error instanceof ApiError && error.code !== ErrorCode.ValidationFailed && error.fields.some((f) => f.code)
      ? error.fields
      : [];
  const fieldCount = error instanceof ApiError && ruleFields.length === 0 ? error.fields.length : 0;
  return (
    <div
      className="alert alert--error"
      role="alert"
      data-testid={testId ?? 'form-error'}
      data-code={error instanceof ApiError ? error.code : undefined}
    >
      <div>
        <p>{errorMessage(t, error)}</p>
        {ruleFields.map((field) => (
          <p key={`${field.field}-${field.code ?? ''}`} className="alert__detail" data-field={field.field}>
            {fieldErrorText(field)}
          </p>
        ))}
        {fieldCount > 0 ? <p className="alert__detail">{t('form.checkFields')}</p> : null}
      </div>
    </div>
  );
}

/** One labelled form control with an optional hint and the server's error for it. */
export function Field({
  label,
  error,
  hint,
  className,
  children,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form__field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p className="form__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="form__error" id={errorId} data-testid="field-error">
          {t('form.fieldInvalid', { message: error })}
        </p>
      ) : null}
    </div>
  );
}

/** Runs an async action, tracking whether it is pending and the last error. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run(...args: A): Promise<R | undefined> {
    setPending(true);
    setError(null);
    try {
      return await action(...args);
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setPending(false);
    }
  }
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}

/** Splits "a, b; c" into trimmed, de-duplicated tags. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;，；\n]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The primary submit button of a form: disabled and announced as busy while the action runs. */
export function SubmitButton({
  pending,
  disabled,
  label,
  pendingLabel,
  testId,
}: {
  pending: boolean;
  disabled?: boolean;
  label: ReactNode;
  pendingLabel?: ReactNode;
  testId?: string;
}) {
  return (
    <div>
      <button
        type="submit"
        className="button button--primary"
        disabled={pending || disabled}
        aria-busy={pending}
        data-testid={testId}
      >
        {pending && pendingLabel ? pendingLabel : label}
      </button>
    </div>
  );
}
