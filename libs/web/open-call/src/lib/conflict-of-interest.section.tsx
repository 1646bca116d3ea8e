import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ApplicationDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { Field, FormError, SubmitButton, fieldError, formatDateTime, useApiMutation } from '@roundtable/web-ui';
import { conflictOfInterestMessages } from './conflict-of-interest.messages';
import { declareConflict, openCallKeys } from './open-call.queries';

/** Whether the viewer declared a conflict of interest with the application (then they neither review nor decide). */
export function declaredByMe(application: ApplicationDto): boolean {
  return (application.conflicts ?? []).some((c) => c.mine);
}

/**
 * The conflicts of interest reviewers declared on an application (coordinators see them all), and, for a reviewer
 * who has not declared one, the form to declare it — after a confirmation, since it withdraws their review.
 */
export function ConflictOfInterestSection({ application }: { application: ApplicationDto }) {
  const { t } = useMessages(conflictOfInterestMessages);
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const form = useForm<{ statement: string }>({ defaultValues: { statement: '' } });
  const save = useApiMutation(
    ({ statement }: { statement: string }) => declareConflict(application.id, statement.trim()),
    [openCallKeys.applications(application.callId)],
  );
  const conflicts = application.conflicts ?? [];
  return (
    <div data-testid="conflicts-of-interest">
      {conflicts.length > 0 ? (
        <>
          <h4>{t('conflictOfInterest.heading')}</h4>
          <ul className="review-list">
            {conflicts.map((conflict, index) => (
              <li key={`${conflict.reviewerName}-${index}`} data-testid="declared-conflict">
                <strong>
                  {t('conflictOfInterest.by', {
                    name: conflict.reviewerName,
                    date: formatDateTime(conflict.declaredAt, locale),
                  })}
                </strong>
                <span className="muted"> — {conflict.statement}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {declaredByMe(application) ? (
        <p className="alert alert--info" role="status" data-testid="conflict-mine">
          {t('conflictOfInterest.mine')}
        </p>
      ) : application.status === 'submitted' && !open ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setOpen(true)}
          data-testid="conflict-declare"
        >
          {t('conflictOfInterest.declare')}
        </button>
      ) : application.status === 'submitted' ? (
        <form
          className="form"
          noValidate
          data-testid="conflict-form"
          onSubmit={form.handleSubmit(async (values) => {
            if (!window.confirm(t('conflictOfInterest.confirm'))) return;
            if (await save.run(values)) setOpen(false);
          })}
        >
          <FormError error={save.error} />
          <Field
            label={t('conflictOfInterest.statement')}
            hint={t('conflictOfInterest.statementHint')}
            error={fieldError(save.error, 'statement')}
          >
            {(props) => (
              <textarea
                {...props}
                rows={2}
                maxLength={2000}
                {...form.register('statement')}
                data-testid="conflict-statement"
              />
            )}
          </Field>
          <div className="button-row">
            <SubmitButton pending={save.pending} label={t('conflictOfInterest.submit')} testId="conflict-submit" />
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('conflictOfInterest.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
