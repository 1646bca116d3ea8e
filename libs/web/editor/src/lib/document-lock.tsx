import { useState, type FormEvent } from 'react';
import type { DocumentDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Field, FormError, fieldError, formatDateTime, SubmitButton, useAction } from '@roundtable/web-ui';
import { editorCommands } from './editor.queries';
import { editorMessages } from './editor.messages';
import { commentsMessages } from './comments.messages';

/** Locked documents say so (when and why); coordinators lock (with a reason) and unlock them. */
export function DocumentLock({ document, onChanged }: { document: DocumentDto; onChanged: () => void }) {
  const { t } = useMessages(editorMessages);
  const { t: tComments } = useMessages(commentsMessages);
  const { locale } = useLocale();
  const [reason, setReason] = useState<string | null>(null);
  const lock = useAction(async (value: string) => {
    await editorCommands.lock(document.id, value);
    setReason(null);
    onChanged();
  });
  const unlock = useAction(async () => {
    // Unlocking approved minutes makes them a draft again, needing every approval anew (ADR 015).
    if (document.type === 'minutes' && !window.confirm(t('editor.lock.confirmUnlockMinutes'))) return;
    await editorCommands.unlock(document.id);
    onChanged();
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (reason?.trim()) void lock.run(reason);
  }

  return (
    <div className="document-lock" data-testid="document-lock">
      {document.locked ? (
        <div className="alert alert--info" role="note" data-testid="locked-banner">
          <p>
            {t('editor.lock.locked', {
              date: formatDateTime(document.locked.at, locale),
              reason: document.locked.reason,
            })}
          </p>
          {document.canLock ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void unlock.run()}
              disabled={unlock.pending}
              data-testid="unlock-document"
            >
              {t('editor.lock.unlock')}
            </button>
          ) : null}
          <FormError error={unlock.error} />
        </div>
      ) : document.canLock && reason === null ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setReason('')}
          data-testid="lock-document"
        >
          {t('editor.lock.lock')}
        </button>
      ) : document.canLock && reason !== null ? (
        <form className="form document-lock__form" onSubmit={onSubmit} data-testid="lock-form">
          <Field
            label={t('editor.lock.reasonLabel')}
            hint={t('editor.lock.reasonHint')}
            error={fieldError(lock.error, 'reason')}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
                required
              />
            )}
          </Field>
          <FormError error={lock.error && !fieldError(lock.error, 'reason') ? lock.error : null} />
          <div className="button-row">
            <SubmitButton
              pending={lock.pending}
              disabled={!reason.trim()}
              label={t('editor.lock.submit')}
              testId="lock-submit"
            />
            <button type="button" className="button button--secondary" onClick={() => setReason(null)}>
              {tComments('comments.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
