import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDto, UpdateMeetingRequest } from '@roundtable/contracts';
import { toLocal } from '@roundtable/domain';
import { usePeople } from '@roundtable/web-projects';
import { Field, FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { meetingCommands, meetingKeys } from './meetings.queries';
import { InviteeChecklist } from './invitee-checklist';
import { ReminderOffsetField } from './reminder-offset.field';

/**
 * Changes the whole meeting (or series): what, when (in the meeting's zone), where, who. Saving mails
 * an update to those kept, an invitation to those added and a cancellation to those removed.
 */
export function EditMeetingForm({ meeting, onSaved }: { meeting: MeetingDto; onSaved: (m: MeetingDto) => void }) {
  const { t } = useTranslation();
  const local = toLocal(new Date(meeting.start), meeting.timeZone);
  const [title, setTitle] = useState(meeting.title);
  const [description, setDescription] = useState(meeting.description);
  const [date, setDate] = useState(local.date);
  const [time, setTime] = useState(local.time);
  const [duration, setDuration] = useState(String(meeting.durationMinutes));
  const [onlineUrl, setOnlineUrl] = useState(meeting.onlineUrl ?? '');
  const [reminder, setReminder] = useState(meeting.reminderMinutesBefore);
  const [place, setPlace] = useState(meeting.place ?? '');
  const [invited, setInvited] = useState(new Set(meeting.invitees.map((i) => i.personId)));
  const people = usePeople({ workingGroupId: meeting.workingGroupId ?? undefined });
  // Current invitees first (some may be guests from other groups), then the rest of the group.
  const candidates = [
    ...meeting.invitees.map((i) => ({ id: i.personId, displayName: i.displayName, timeZone: i.timeZone })),
    ...(people.state === 'ready' ? people.data : []).filter((p) => !meeting.invitees.some((i) => i.personId === p.id)),
  ];
  const save = useApiMutation(async () => {
    const body: UpdateMeetingRequest = {
      title: title.trim(),
      description,
      start: `${date}T${time}`,
      durationMinutes: Number(duration),
      onlineUrl: onlineUrl.trim() || null,
      place: place.trim() || null,
      reminderMinutesBefore: reminder,
      inviteePersonIds: [...invited],
    };
    onSaved(await meetingCommands.update(meeting.id, body));
  }, [meetingKeys.all]);
  return (
    <form
      className="form"
      data-testid="meeting-edit-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <Field label={t('meetings.form.title')} error={fieldError(save.error, 'title')}>
        {(props) => (
          <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        )}
      </Field>
      <Field label={t('meetings.form.description')} error={fieldError(save.error, 'description')}>
        {(props) => (
          <textarea {...props} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        )}
      </Field>
      <div className="form__row">
        <Field label={t('meetings.form.date')} error={fieldError(save.error, 'start')}>
          {(props) => <input {...props} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />}
        </Field>
        <Field label={t('meetings.edit.time', { zone: meeting.timeZone })}>
          {(props) => <input {...props} type="time" value={time} onChange={(e) => setTime(e.target.value)} required />}
        </Field>
        <Field label={t('meetings.form.duration')} error={fieldError(save.error, 'durationMinutes')}>
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={1440}
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              required
            />
          )}
        </Field>
      </div>
      {meeting.rrule ? <p className="muted">{t('meetings.edit.seriesNote')}</p> : null}
      <div className="form__row">
        <Field label={t('meetings.form.onlineUrl')} error={fieldError(save.error, 'onlineUrl')}>
          {(props) => <input {...props} type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} />}
        </Field>
        <Field label={t('meetings.form.place')} error={fieldError(save.error, 'place')}>
          {(props) => <input {...props} value={place} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <ReminderOffsetField
          value={reminder}
          onChange={setReminder}
          error={fieldError(save.error, 'reminderMinutesBefore')}
        />
      </div>
      <InviteeChecklist
        people={candidates}
        isInvited={(id) => invited.has(id)}
        onToggle={(id, on) => {
          const next = new Set(invited);
          if (on) next.add(id);
          else next.delete(id);
          setInvited(next);
        }}
        error={fieldError(save.error, 'inviteePersonIds')}
      />
      <FormError error={save.error} />
      <SubmitButton
        pending={save.pending}
        label={t('meetings.edit.save')}
        pendingLabel={t('meetings.edit.saving')}
        testId="meeting-edit-save"
      />
    </form>
  );
}
