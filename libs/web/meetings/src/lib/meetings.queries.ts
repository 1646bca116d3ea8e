import type {
  ActionItemDto,
  ActionStatusDto,
  CalendarFeedDto,
  CreateMeetingRequest,
  FindTimeRequest,
  FindTimeResponse,
  MeetingDto,
  MeetingSummaryDto,
  MinutesArchiveEntryDto,
  MinutesDto,
  MinutesSummaryDto,
  RsvpResponse,
  UpdateMeetingRequest,
  WorkingHoursDto,
} from '@roundtable/contracts';
import { api, unwrap, useApiQuery } from '@roundtable/web-ui';

/**
 * Query keys of the meetings feature. Every change to a meeting, its minutes or action items invalidates
 * `meetingKeys.all` (only the queries on screen refetch); the viewer's own settings have their own keys.
 */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: (projectId: string, workingGroupId: string) => ['meetings', 'list', projectId, workingGroupId] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
  minutesOf: (meetingId: string) => ['meetings', 'detail', meetingId, 'minutes'] as const,
  openActions: (meetingId: string) => ['meetings', 'detail', meetingId, 'open-actions'] as const,
  minutes: (id: string) => ['meetings', 'minutes', id] as const,
  archive: (projectId: string, filter: ArchiveFilter) => ['meetings', 'archive', projectId, filter] as const,
  myActions: ['meetings', 'my-actions'] as const,
  calendarFeed: ['me', 'calendar-feed'] as const,
  workingHours: ['me', 'working-hours'] as const,
};

export interface ArchiveFilter {
  q: string;
  workingGroupId: string;
  from: string;
  to: string;
}

// ---- queries

export function useProjectMeetings(projectId: string | null, workingGroupId: string) {
  return useApiQuery(
    meetingKeys.list(projectId ?? '', workingGroupId),
    (signal) =>
      unwrap<MeetingSummaryDto[]>(
        api.GET('/api/projects/{id}/meetings', {
          // The server's @Query('workingGroupId') is optional but published as required: hence the cast.
          params: {
            path: { id: projectId ?? '' },
            query: (workingGroupId ? { workingGroupId } : {}) as { workingGroupId: string },
          },
          signal,
        }),
      ),
    projectId !== null,
  );
}

export function useMeeting(id: string) {
  return useApiQuery(meetingKeys.detail(id), (signal) =>
    unwrap<MeetingDto>(api.GET('/api/meetings/{id}', { params: { path: { id } }, signal })),
  );
}

export function useMeetingMinutes(meetingId: string) {
  return useApiQuery(meetingKeys.minutesOf(meetingId), (signal) =>
    unwrap<MinutesSummaryDto[]>(api.GET('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } }, signal })),
  );
}

export function useOpenActions(meetingId: string) {
  return useApiQuery(meetingKeys.openActions(meetingId), (signal) =>
    unwrap<ActionItemDto[]>(
      // `before` is optional (published as required); the page asks for every open action.
      api.GET('/api/meetings/{id}/open-actions', {
        params: { path: { id: meetingId }, query: {} as { before: string } },
        signal,
      }),
    ),
  );
}

export function useMinutes(id: string) {
  return useApiQuery(meetingKeys.minutes(id), (signal) =>
    unwrap<MinutesDto>(api.GET('/api/minutes/{id}', { params: { path: { id } }, signal })),
  );
}

export function useMinutesArchive(projectId: string | null, filter: ArchiveFilter) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== ''));
  return useApiQuery(
    meetingKeys.archive(projectId ?? '', filter),
    (signal) =>
      unwrap<MinutesArchiveEntryDto[]>(
        api.GET('/api/projects/{id}/minutes', {
          // The server's ArchiveQueryDto does not declare its fields to OpenAPI yet, hence the cast.
          params: { path: { id: projectId ?? '' }, query: query as never },
          signal,
        }),
      ),
    projectId !== null,
  );
}

export function useMyActions() {
  return useApiQuery(meetingKeys.myActions, (signal) =>
    unwrap<ActionItemDto[]>(api.GET('/api/me/actions', { signal })),
  );
}

export function useCalendarFeed() {
  return useApiQuery(meetingKeys.calendarFeed, (signal) =>
    unwrap<CalendarFeedDto>(api.GET('/api/me/calendar-feed', { signal })),
  );
}

export function useWorkingHours() {
  return useApiQuery(meetingKeys.workingHours, (signal) =>
    unwrap<WorkingHoursDto>(api.GET('/api/me/working-hours', { signal })),
  );
}

/** The link that downloads a meeting's .ics (a plain navigation, not a fetch). */
export function meetingIcsHref(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/meeting.ics`;
}

// ---- changes (pair each with the keys it invalidates: useApiMutation(fn, [meetingKeys.all]))

export const meetingCommands = {
  schedule: (projectId: string, body: CreateMeetingRequest) =>
    unwrap<MeetingDto>(api.POST('/api/projects/{id}/meetings', { params: { path: { id: projectId } }, body })),
  findTime: (projectId: string, body: FindTimeRequest) =>
    unwrap<FindTimeResponse>(
      api.POST('/api/projects/{id}/meetings/find-a-time', { params: { path: { id: projectId } }, body }),
    ),
  update: (id: string, body: UpdateMeetingRequest) =>
    unwrap<MeetingDto>(api.PATCH('/api/meetings/{id}', { params: { path: { id } }, body })),
  cancel: (id: string) => unwrap<MeetingDto>(api.POST('/api/meetings/{id}/cancel', { params: { path: { id } } })),
  rsvp: (id: string, response: RsvpResponse) =>
    unwrap<MeetingDto>(api.PUT('/api/meetings/{id}/rsvp', { params: { path: { id } }, body: { response } })),
  moveOccurrence: (id: string, originalStart: string, start: string) =>
    unwrap<MeetingDto>(
      api.PUT('/api/meetings/{id}/occurrences/{originalStart}', {
        params: { path: { id, originalStart } },
        body: { start },
      }),
    ),
  cancelOccurrence: (id: string, originalStart: string) =>
    unwrap<MeetingDto>(
      api.POST('/api/meetings/{id}/occurrences/{originalStart}/cancel', { params: { path: { id, originalStart } } }),
    ),
  attendance: (id: string, occurrenceStart: string, personIds: string[]) =>
    unwrap<MeetingDto>(
      api.PUT('/api/meetings/{id}/attendance', { params: { path: { id } }, body: { occurrenceStart, personIds } }),
    ),
  startMinutes: (meetingId: string, occurrenceStart: string) =>
    unwrap<MinutesDto>(
      api.POST('/api/meetings/{id}/minutes', { params: { path: { id: meetingId } }, body: { occurrenceStart } }),
    ),
  circulateMinutes: (id: string, commentDays: number) =>
    unwrap<MinutesDto>(api.POST('/api/minutes/{id}/circulate', { params: { path: { id } }, body: { commentDays } })),
  approveMinutes: (id: string) =>
    unwrap<MinutesDto>(api.POST('/api/minutes/{id}/approvals', { params: { path: { id } } })),
  addDecision: (minutesId: string, body: { text: string; agendaItemId: string | null }) =>
    unwrap<unknown>(api.POST('/api/minutes/{id}/decisions', { params: { path: { id: minutesId } }, body })),
  addAction: (
    minutesId: string,
    body: { text: string; ownerPersonId: string; dueOn: string | null; agendaItemId: string | null },
  ) => unwrap<ActionItemDto>(api.POST('/api/minutes/{id}/actions', { params: { path: { id: minutesId } }, body })),
  setActionStatus: (id: string, status: ActionStatusDto) =>
    unwrap<ActionItemDto>(api.PATCH('/api/actions/{id}', { params: { path: { id } }, body: { status } })),
  makeCalendarFeed: () => unwrap<CalendarFeedDto>(api.POST('/api/me/calendar-feed')),
  revokeCalendarFeed: () => unwrap<CalendarFeedDto>(api.DELETE('/api/me/calendar-feed')),
  saveWorkingHours: (body: { workStart: string; workEnd: string }) =>
    unwrap<WorkingHoursDto>(api.PUT('/api/me/working-hours', { body })),
};
