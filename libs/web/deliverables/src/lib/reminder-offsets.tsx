import { useState, type FormEvent } from 'react';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { planCommands, planKeys } from './plan.queries';
import { planMessages } from './plan.messages';

/** When reminder e-mails go out; coordinators can change the days ("30, 7, 1"). */
export function ReminderOffsets({
  projectId,
  offsets,
  canManage,
}: {
  projectId: string;
  offsets: number[];
  canManage: boolean;
}) {
  const { t } = useMessages(planMessages);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(offsets.join(', '));
  const save = useApiMutation(async () => {
    const parsed = text
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(Number);
    await planCommands.setReminderOffsets(projectId, parsed);
    setEditing(false);
  }, [planKeys.all]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }
  const summary = offsets.length ? t('plan.reminders.summary', { days: offsets.join(', ') }) : t('plan.reminders.none');
  return (
    <div className="reminder-offsets" data-testid="reminder-offsets">
      {editing ? (
        <form className="form form--inline" onSubmit={onSubmit} noValidate>
          <Field label={t('plan.reminders.label')} error={fieldError(save.error, 'offsets')}>
            {(props) => (
              <input
                {...props}
                value={text}
                onChange={(e) => setText(e.target.value)}
                name="offsets"
                inputMode="numeric"
              />
            )}
          </Field>
          <FormError error={save.error} />
          <SubmitButton pending={save.pending} label={t('plan.reminders.save')} />
        </form>
      ) : (
        <p className="muted">
          {summary}{' '}
          {canManage ? (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('plan.reminders.change')}
            </button>
          ) : null}
        </p>
      )}
    </div>
  );
}
