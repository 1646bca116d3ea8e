import type { ActionItemDto, DocumentDto, PlanItemDto } from '@roundtable/contracts';
import type { MeetingRecord } from '@roundtable/api-meetings';
import type { PendingMinutes } from '@roundtable/api-minutes';
import { presentStart, type StartFacts } from './start.presenter';

const NONE: StartFacts = {
  personId: 'person-1',
  meetings: [],
  actions: [],
  documents: [],
  deadlines: new Map(),
  mentions: { items: [], total: 0 },
  minutes: [],
  applications: [],
  risks: null,
};

const action = (id: string, status: ActionItemDto['status'], overdue = false) =>
  ({ id, status, overdue, dueOn: '2026-03-15' }) as ActionItemDto;

const document = (id: string, access: DocumentDto['access'], updatedAt: string, locked = false) =>
  ({
    id,
    access,
    updatedAt,
    locked: locked ? { at: updatedAt, reason: 'x' } : null,
    title: { en: id, zh: id },
    type: 'position-paper',
    workingGroupCode: 'WG1',
    status: 'draft',
  }) as DocumentDto;

const item = (id: string, dueDate: string, risk: PlanItemDto['risk']) =>
  ({ id, number: id.toUpperCase(), title: { en: id, zh: id }, dueDate, risk }) as PlanItemDto;

const pending = (id: string, canApprove: boolean, coordinated: boolean): PendingMinutes => ({
  summary: {
    id,
    meetingId: 'm',
    meetingTitle: 'Review',
    meetingTimeZone: 'Europe/Rome',
    projectId: 'p',
    workingGroupId: 'g',
    workingGroupCode: 'WG1',
    occurrenceStart: '2026-03-10T09:00:00.000Z',
    documentId: 'd',
    status: 'circulated',
    approvedAt: null,
  },
  commentsUntil: null,
  approvals: 1,
  approvalsNeeded: 2,
  canApprove,
  coordinated,
});

describe('presentStart', () => {
  it('bounds every list and keeps the total', () => {
    const actions = Array.from({ length: 8 }, (_, i) => action(`a${i}`, 'open'));
    const page = presentStart({ ...NONE, actions: [...actions, action('done', 'done')] }, 5);
    expect(page.actions.items.map((a) => a.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(page.actions.total).toBe(8);
  });

  it('lists the meetings with the invitees’ zones and my answer', () => {
    const record = {
      meeting: { id: 'm1', title: 'Sprint', timeZone: 'Europe/Rome' },
      workingGroupCode: 'WG1',
      invitees: [
        { person_id: 'person-1', time_zone: 'Europe/Rome', rsvp: 'yes' },
        { person_id: 'person-2', time_zone: 'Asia/Shanghai', rsvp: null },
      ],
    } as unknown as MeetingRecord;
    const occurrence = {
      originalStart: new Date('2026-03-21T09:00:00Z'),
      start: new Date('2026-03-21T09:00:00Z'),
      end: new Date('2026-03-21T10:00:00Z'),
      cancelled: false,
      changed: false,
    };
    expect(presentStart({ ...NONE, meetings: [{ record, occurrence }] }, 5).meetings.items).toEqual([
      {
        meetingId: 'm1',
        title: 'Sprint',
        workingGroupCode: 'WG1',
        start: '2026-03-21T09:00:00.000Z',
        end: '2026-03-21T10:00:00.000Z',
        timeZone: 'Europe/Rome',
        inviteeZones: ['Asia/Shanghai', 'Europe/Rome'],
        myRsvp: 'yes',
      },
    ]);
  });

  it('lists the documents I may edit, those counting toward a deadline first, soonest first', () => {
    const page = presentStart(
      {
        ...NONE,
        documents: [
          document('recent', 'write', '2026-03-19T00:00:00Z'),
          document('read-only', 'read', '2026-03-19T00:00:00Z'),
          document('locked', 'write', '2026-03-19T00:00:00Z', true),
          document('later', 'write', '2026-01-01T00:00:00Z'),
          document('sooner', 'write', '2026-01-01T00:00:00Z'),
        ],
        deadlines: new Map([
          ['later', item('d2', '2026-09-30', 'on-track')],
          ['sooner', item('d1', '2026-06-30', 'at-risk')],
        ]),
      },
      5,
    );
    expect(page.documents.items.map((d) => [d.id, d.deadline?.number ?? null])).toEqual([
      ['sooner', 'D1'],
      ['later', 'D2'],
      ['recent', null],
    ]);
  });

  it('asks for the approvals the reader still owes; coordinators see every pending minutes and the overdue items', () => {
    const page = presentStart(
      {
        ...NONE,
        minutes: [pending('mine', true, false), pending('theirs', false, true)],
        risks: {
          items: [item('d1', '2026-01-31', 'overdue'), item('d2', '2026-06-30', 'at-risk')],
          overdueActions: [action('late', 'open', true)],
          vacancies: [],
        },
      },
      5,
    );
    expect(page.requests.items.map((r) => (r.kind === 'minutes-approval' ? r.minutesId : r.kind))).toEqual(['mine']);
    expect(page.risks?.minutesAwaitingApproval.items.map((m) => m.minutesId)).toEqual(['theirs']);
    expect(page.risks?.overdueItems.items.map((i) => i.planItemId)).toEqual(['d1']);
    expect(page.risks?.overdueActions.total).toBe(1);
  });

  it('has no risks for someone who coordinates nothing', () => {
    expect(presentStart(NONE, 5).risks).toBeNull();
  });
});
