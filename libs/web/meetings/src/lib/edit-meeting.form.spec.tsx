/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MeetingDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { EditMeetingForm } from './edit-meeting.form';
import { fakeApi } from './fake-api.testing';
import { meetingKeys } from './meetings.queries';

const MEETING: MeetingDto = {
  id: 'meeting-1',
  projectId: 'project-1',
  workingGroupId: 'group-1',
  workingGroupCode: 'WG1',
  type: 'wg-meeting',
  title: 'Monthly call',
  start: '2027-03-10T09:00:00.000Z',
  timeZone: 'Europe/Rome',
  durationMinutes: 60,
  rrule: null,
  status: 'scheduled',
  next: null,
  invited: true,
  myRsvp: null,
  description: 'Agenda to follow',
  onlineUrl: null,
  place: null,
  sequence: 0,
  reminderMinutesBefore: 1440,
  organizer: null,
  agenda: [],
  invitees: [
    { personId: 'person-1', displayName: 'Co-chair One', timeZone: 'Europe/Rome' } as MeetingDto['invitees'][0],
  ],
  occurrences: [],
  dstShifts: [],
  canManage: true,
};

beforeAll(() => initI18n('en'));

describe('EditMeetingForm', () => {
  it('sends the shared fields, trimmed, with the start in the meeting zone, and refetches the meetings on screen', async () => {
    const calls = fakeApi(({ method, path }) => {
      if (method === 'GET' && path === '/api/people') return { status: 200, body: [] };
      if (method === 'PATCH' && path === '/api/meetings/meeting-1')
        return { status: 200, body: { ...MEETING, title: 'Renamed call' } };
      if (method === 'GET' && path === '/api/projects/project-1/meetings') return { status: 200, body: [] };
      return { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'no' } };
    });
    const queryClient = createQueryClient();
    // A meetings list already in the cache, watched by a page: the save must mark it stale and refetch it.
    queryClient.setQueryData(meetingKeys.list('project-1', ''), []);
    const onSaved = jest.fn();
    render(
      <QueryClientProvider client={queryClient}>
        <EditMeetingForm meeting={MEETING} onSaved={onSaved} />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByTestId('meeting-title'), { target: { value: '  Renamed call  ' } });
    fireEvent.change(screen.getByTestId('meeting-time'), { target: { value: '11:30' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('meeting-edit-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ title: 'Renamed call' })));
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({
      title: 'Renamed call',
      description: 'Agenda to follow',
      start: '2027-03-10T11:30',
      durationMinutes: 60,
      onlineUrl: null,
      place: null,
      reminderMinutesBefore: 1440,
      inviteePersonIds: ['person-1'],
    });
    expect(queryClient.getQueryState(meetingKeys.list('project-1', ''))?.isInvalidated).toBe(true);
  });

  it("shows the server's field error, translated from its code, beside the field it names and keeps what was typed", async () => {
    fakeApi(({ method }) =>
      method === 'PATCH'
        ? {
            status: 400,
            body: {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'Invalid input',
              fields: [
                {
                  field: 'place',
                  code: 'maxLength',
                  params: { max: 300 },
                  message: 'place must be 300 characters or fewer',
                },
              ],
            },
          }
        : { status: 200, body: [] },
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <EditMeetingForm meeting={MEETING} onSaved={jest.fn()} />
      </QueryClientProvider>,
    );
    const place = screen.getByLabelText('Place');
    fireEvent.change(place, { target: { value: 'Room 4' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('meeting-edit-save'));
    });
    const error = await screen.findByTestId('field-error');
    // The client shows the code's sentence in the reader's language, not the server's English.
    expect(error.textContent).toContain('Use at most 300 characters.');
    expect(place.getAttribute('aria-invalid')).toBe('true');
    expect((place as HTMLInputElement).value).toBe('Room 4');
  });
});
