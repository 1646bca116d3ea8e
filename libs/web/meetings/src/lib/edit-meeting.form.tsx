import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { MeetingDto, UpdateMeetingRequest } from '@roundtable/contracts';
import { toLocal } from '@roundtable/domain';
import { usePeople } from '@roundtable/web-projects';
import { FormError, SubmitButton, fieldError, useApiMutation } from '@roundtable/web-ui';
import { InviteeChecklist } from './invitee-checklist';
import {
  MeetingWhatFields,
  MeetingWhenFields,
  MeetingWhereFields,
  meetingFieldsBody,
  type MeetingFieldValues,
} from './meeting-form.fields';
import { meetingCommands, meetingKeys } from './meetings.queries';
import { useMessages } from '@roundtable/web-i18n';
import { meetingsMessages } from './meetings.messages';

/**
 * Changes the whole meeting (or series): what, when (in the meeting's zone), where, who. Saving mails
 * an update to those kept, an invitation to those added and a cancellation to those removed.
 */
export function EditMeetingForm({ meeting, onSaved }: { meeting: MeetingDto; onSaved: (m: MeetingDto) => void }) {
  const { t } = useMessages(meetingsMessages);
  const local = toLocal(new Date(meeting.start), meeting.timeZone);
  const form = useForm<MeetingFieldValues>({
    defaultValues: {
      title: meeting.title,
      description: meeting.description,
      date: local.date,
      time: local.time,
      duration: String(meeting.durationMinutes),
      onlineUrl: meeting.onlineUrl ?? '',
      place: meeting.place ?? '',
      reminder: meeting.reminderMinutesBefore,
    },
  });
  const [invited, setInvited] = useState(new Set(meeting.invitees.map((i) => i.personId)));
  const people = usePeople({ workingGroupId: meeting.workingGroupId ?? undefined });
  // Current invitees first (some may be guests from other groups), then the rest of the group.
  const candidates = [
    ...meeting.invitees.map((i) => ({ id: i.personId, displayName: i.displayName, timeZone: i.timeZone })),
    ...(people.state === 'ready' ? people.data : []).filter((p) => !meeting.invitees.some((i) => i.personId === p.id)),
  ];
  const save = useApiMutation(
    async (values: MeetingFieldValues) => {
      const body: UpdateMeetingRequest = { ...meetingFieldsBody(values), inviteePersonIds: [...invited] };
      onSaved(await meetingCommands.update(meeting.id, body));
    },
    [meetingKeys.all],
  );
  return (
    <FormProvider {...form}>
      <form className="form" data-testid="meeting-edit-form" onSubmit={form.handleSubmit((values) => save.run(values))}>
        <MeetingWhatFields error={save.error} />
        <MeetingWhenFields error={save.error} timeLabel={t('meetings.edit.time', { zone: meeting.timeZone })} />
        {meeting.rrule ? <p className="muted">{t('meetings.edit.seriesNote')}</p> : null}
        <MeetingWhereFields error={save.error} />
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
    </FormProvider>
  );
}
