import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { MINUTES_LIMITS, type AgendaItemDto, type MinutesDto } from '@roundtable/contracts';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { meetingCommands, meetingKeys, useMeeting } from '../meetings.queries';
import { minutesMessages } from './minutes.messages';

/** The meeting's agenda items (what decisions and actions link to) and its invitees (who may own an action). */
function useMeetingChoices(meetingId: string) {
  const meeting = useMeeting(meetingId);
  return meeting.state === 'ready' ? meeting.data : { agenda: [], invitees: [] };
}

/** The agenda item a decision or an action belongs to (none: "—"). */
function AgendaField({
  agenda,
  error,
  register,
  testId,
}: {
  agenda: readonly AgendaItemDto[];
  error: unknown;
  register: UseFormRegisterReturn<'agendaItemId'>;
  testId: string;
}) {
  const { t } = useMessages(minutesMessages);
  return (
    <Field label={t('minutes.agendaLink')} error={fieldError(error, 'agendaItemId')}>
      {(props) => (
        <select {...props} {...register} data-testid={testId}>
          <option value="">—</option>
          {agenda.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface DecisionValues {
  text: string;
  agendaItemId: string;
}

/** Records a decision in the minutes (react-hook-form with the shared fields); the minutes on screen refetch. */
export function DecisionForm({ minutes }: { minutes: MinutesDto }) {
  const { t } = useMessages(minutesMessages);
  const { agenda } = useMeetingChoices(minutes.meetingId);
  const form = useForm<DecisionValues>({ defaultValues: { text: '', agendaItemId: '' } });
  const add = useApiMutation(
    async (values: DecisionValues) => {
      await meetingCommands.addDecision(minutes.id, {
        text: values.text.trim(),
        agendaItemId: values.agendaItemId || null,
      });
      form.reset();
    },
    [meetingKeys.all],
  );
  return (
    <form className="form" data-testid="decision-form" onSubmit={form.handleSubmit((values) => add.run(values))}>
      <Field label={t('minutes.decisions.new')} error={fieldError(add.error, 'text')}>
        {(props) => (
          <input {...props} {...form.register('text')} maxLength={MINUTES_LIMITS.textMax} data-testid="decision-text" />
        )}
      </Field>
      <AgendaField
        agenda={agenda}
        error={add.error}
        register={form.register('agendaItemId')}
        testId="decision-agenda"
      />
      <FormError error={add.error} />
      <SubmitButton pending={add.pending} label={t('minutes.decisions.add')} testId="decision-add" />
    </form>
  );
}

interface ActionValues {
  text: string;
  ownerPersonId: string;
  dueOn: string;
  agendaItemId: string;
}

/** Records an action item: what, whose (among the meeting's invitees), by when, under which agenda item. */
export function ActionItemForm({ minutes }: { minutes: MinutesDto }) {
  const { t } = useMessages(minutesMessages);
  const { agenda, invitees } = useMeetingChoices(minutes.meetingId);
  const form = useForm<ActionValues>({ defaultValues: { text: '', ownerPersonId: '', dueOn: '', agendaItemId: '' } });
  const add = useApiMutation(
    async (values: ActionValues) => {
      await meetingCommands.addAction(minutes.id, {
        text: values.text.trim(),
        ownerPersonId: values.ownerPersonId,
        dueOn: values.dueOn || null,
        agendaItemId: values.agendaItemId || null,
      });
      form.reset();
    },
    [meetingKeys.all],
  );
  return (
    <form className="form" data-testid="action-form" onSubmit={form.handleSubmit((values) => add.run(values))}>
      <Field label={t('minutes.actions.new')} error={fieldError(add.error, 'text')}>
        {(props) => (
          <input {...props} {...form.register('text')} maxLength={MINUTES_LIMITS.textMax} data-testid="action-text" />
        )}
      </Field>
      <div className="form__row">
        <Field label={t('minutes.actions.owner')} error={fieldError(add.error, 'ownerPersonId')}>
          {(props) => (
            <select {...props} {...form.register('ownerPersonId')} data-testid="action-owner">
              <option value="">—</option>
              {invitees.map((invitee) => (
                <option key={invitee.personId} value={invitee.personId}>
                  {invitee.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('minutes.actions.dueOn')} error={fieldError(add.error, 'dueOn')}>
          {(props) => <input {...props} type="date" {...form.register('dueOn')} data-testid="action-due" />}
        </Field>
      </div>
      <AgendaField agenda={agenda} error={add.error} register={form.register('agendaItemId')} testId="action-agenda" />
      <FormError error={add.error} />
      <SubmitButton pending={add.pending} label={t('minutes.actions.add')} testId="action-add" />
    </form>
  );
}
