import type { ReactNode } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { UpdateMeetingRequest } from '@roundtable/contracts';
import { Field, fieldError } from '@roundtable/web-ui';
import { ReminderOffsetField } from './reminder-offset.field';
import { useMessages } from '@roundtable/web-i18n';
import { meetingsMessages } from './meetings.messages';

/**
 * The fields scheduling and editing a meeting share (react-hook-form; the form's `FormProvider` holds them):
 * what, when (wall-clock date and time in the meeting's zone) and where, with the server's error for each.
 */
export interface MeetingFieldValues {
  title: string;
  description: string;
  date: string;
  time: string;
  duration: string;
  onlineUrl: string;
  place: string;
  reminder: number;
}

/** The request fields the shared values make (trimmed; empty link and place are none). */
export function meetingFieldsBody(
  values: MeetingFieldValues,
): Required<
  Pick<
    UpdateMeetingRequest,
    'title' | 'description' | 'start' | 'durationMinutes' | 'onlineUrl' | 'place' | 'reminderMinutesBefore'
  >
> {
  return {
    title: values.title.trim(),
    description: values.description,
    start: `${values.date}T${values.time}`,
    durationMinutes: Number(values.duration),
    onlineUrl: values.onlineUrl.trim() || null,
    place: values.place.trim() || null,
    reminderMinutesBefore: values.reminder,
  };
}

export function MeetingWhatFields({ error }: { error: unknown }) {
  const { t } = useMessages(meetingsMessages);
  const { register } = useFormContext<MeetingFieldValues>();
  return (
    <>
      <Field label={t('meetings.form.title')} error={fieldError(error, 'title')}>
        {(props) => <input {...props} {...register('title')} required maxLength={200} data-testid="meeting-title" />}
      </Field>
      <Field label={t('meetings.form.description')} error={fieldError(error, 'description')}>
        {(props) => <textarea {...props} {...register('description')} rows={3} />}
      </Field>
    </>
  );
}

/** Date, time (labelled with the zone when it is fixed), an optional zone picker, and the duration. */
export function MeetingWhenFields({
  error,
  timeLabel,
  zoneField,
}: {
  error: unknown;
  timeLabel: string;
  zoneField?: ReactNode;
}) {
  const { t } = useMessages(meetingsMessages);
  const { register } = useFormContext<MeetingFieldValues>();
  return (
    <div className="form__row">
      <Field label={t('meetings.form.date')} error={fieldError(error, 'start')}>
        {(props) => <input {...props} type="date" {...register('date')} required data-testid="meeting-date" />}
      </Field>
      <Field label={timeLabel}>
        {(props) => <input {...props} type="time" {...register('time')} required data-testid="meeting-time" />}
      </Field>
      {zoneField}
      <Field label={t('meetings.form.duration')} error={fieldError(error, 'durationMinutes')}>
        {(props) => <input {...props} type="number" min={1} max={1440} {...register('duration')} required />}
      </Field>
    </div>
  );
}

export function MeetingWhereFields({ error }: { error: unknown }) {
  const { t } = useMessages(meetingsMessages);
  const { register, control } = useFormContext<MeetingFieldValues>();
  return (
    <div className="form__row">
      <Field label={t('meetings.form.onlineUrl')} error={fieldError(error, 'onlineUrl')}>
        {(props) => <input {...props} type="url" {...register('onlineUrl')} placeholder="https://" />}
      </Field>
      <Field label={t('meetings.form.place')} error={fieldError(error, 'place')}>
        {(props) => <input {...props} {...register('place')} />}
      </Field>
      <Controller
        control={control}
        name="reminder"
        render={({ field }) => (
          <ReminderOffsetField
            value={field.value}
            onChange={field.onChange}
            error={fieldError(error, 'reminderMinutesBefore')}
          />
        )}
      />
    </div>
  );
}
