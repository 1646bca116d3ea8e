import type { Actor } from '@roundtable/domain';
import {
  approvalCheckFor,
  excerpt,
  presentAction,
  presentArchiveEntry,
  presentMinutes,
  presentSummary,
  type MinutesFacts,
} from './minutes.presenter';
import type { ActionRow } from './action-items.repository';
import type { MinutesRow } from './minutes.repository';

const project = 'p1';
const group = 'g1';

const row = (over: Partial<MinutesRow> = {}): MinutesRow => ({
  id: 'm1',
  meeting_id: 'meeting1',
  occurrence_start: new Date('2026-03-10T09:00:00Z'),
  document_id: 'd1',
  status: 'circulated',
  circulated_at: new Date('2026-03-11T10:00:00Z'),
  comments_until: new Date('2026-03-18T10:00:00Z'),
  approved_at: null,
  approved_version_id: null,
  project_id: project,
  working_group_id: group,
  working_group_code: 'WG1',
  meeting_title: 'Monthly meeting',
  time_zone: 'Europe/Rome',
  ...over,
});

const action = (over: Partial<ActionRow> = {}): ActionRow => ({
  id: 'a1',
  minutes_id: 'm1',
  meeting_id: 'meeting1',
  meeting_title: 'Monthly meeting',
  project_id: project,
  working_group_id: group,
  working_group_code: 'WG1',
  occurrence_start: new Date('2026-03-10T09:00:00Z'),
  text: 'Draft section 2',
  owner_person_id: 'owner',
  owner_name: 'WG1 member',
  due_on: '2026-03-20',
  status: 'open',
  agenda_item_id: null,
  agenda_item_title: null,
  ...over,
});

const member = (personId: string, role: 'expert' | 'co-chair' = 'expert'): Actor => ({
  platformRole: 'member',
  personId,
  coordinatedProjectIds: [],
  memberships: [{ projectId: project, workingGroupId: group, role }],
});
const coordinator: Actor = {
  platformRole: 'coordinator',
  personId: 'coord',
  coordinatedProjectIds: [project],
  memberships: [],
};
const viewer = (actor: Actor, userId = `user-${actor.personId}`) => ({
  user: { id: userId, personId: actor.personId ?? null },
  actor,
});

const coChairs = { workingGroupId: group, coChairPersonIds: ['chair1', 'chair2'] };

const facts = (over: Partial<MinutesFacts> = {}): MinutesFacts => ({
  row: row(),
  approvals: [],
  decisions: [],
  actions: [],
  approvers: coChairs,
  access: 'write',
  ...over,
});

describe('presentSummary', () => {
  it('turns the row into the DTO with ISO instants and a null approval date until approved', () => {
    expect(presentSummary(row())).toEqual({
      id: 'm1',
      meetingId: 'meeting1',
      meetingTitle: 'Monthly meeting',
      meetingTimeZone: 'Europe/Rome',
      projectId: project,
      workingGroupId: group,
      workingGroupCode: 'WG1',
      occurrenceStart: '2026-03-10T09:00:00.000Z',
      documentId: 'd1',
      status: 'circulated',
      approvedAt: null,
    });
    expect(presentSummary(row({ approved_at: new Date('2026-03-19T08:00:00Z') })).approvedAt).toBe(
      '2026-03-19T08:00:00.000Z',
    );
  });
});

describe('presentAction', () => {
  it('flags an open action past its due date as overdue on the given day, and a done one never', () => {
    expect(presentAction(action(), member('x'), '2026-03-21').overdue).toBe(true);
    expect(presentAction(action(), member('x'), '2026-03-20').overdue).toBe(false);
    expect(presentAction(action({ status: 'done' }), member('x'), '2026-03-21').overdue).toBe(false);
  });

  it('lets the owner, the co-chairs and coordinators set the status, and nobody else', () => {
    expect(presentAction(action(), member('owner'), '2026-03-01').canSetStatus).toBe(true);
    expect(presentAction(action(), member('chair1', 'co-chair'), '2026-03-01').canSetStatus).toBe(true);
    expect(presentAction(action(), coordinator, '2026-03-01').canSetStatus).toBe(true);
    expect(presentAction(action(), member('someone-else'), '2026-03-01').canSetStatus).toBe(false);
  });
});

describe('approvalCheckFor', () => {
  it('counts WG approvals per person: the same co-chair under another account has approved already', () => {
    const recorded = [{ user_id: 'other-account', person_id: 'chair1' }];
    expect(approvalCheckFor(row(), viewer(member('chair1', 'co-chair')), coChairs, recorded)).toEqual({
      ok: false,
      reason: 'already-approved',
    });
    expect(approvalCheckFor(row(), viewer(member('chair2', 'co-chair')), coChairs, recorded)).toEqual({
      ok: true,
      complete: true,
    });
  });

  it('lets one coordinator approve a project event, and not a group member', () => {
    const event = row({ working_group_id: null, working_group_code: null });
    const none = { workingGroupId: null, coChairPersonIds: [] };
    expect(approvalCheckFor(event, viewer(coordinator), none, [])).toEqual({ ok: true, complete: true });
    expect(approvalCheckFor(event, viewer(member('chair1', 'co-chair')), none, [])).toMatchObject({ ok: false });
  });
});

describe('presentMinutes', () => {
  it('offers approval to a co-chair who has not approved circulated minutes, and editing to writers', () => {
    const dto = presentMinutes(
      facts({
        approvals: [
          { user_id: 'u1', person_id: 'chair1', name: 'WG1 co-chair', approved_at: new Date('2026-03-12T08:00:00Z') },
        ],
        decisions: [
          {
            id: 'dec1',
            text: 'Adopt the outline',
            agenda_item_id: null,
            title: null,
            created_at: new Date('2026-03-10T10:00:00Z'),
          },
        ],
        actions: [action()],
      }),
      viewer(member('chair2', 'co-chair')),
      '2026-03-12',
    );
    expect(dto).toMatchObject({
      circulatedAt: '2026-03-11T10:00:00.000Z',
      commentsUntil: '2026-03-18T10:00:00.000Z',
      approvals: [
        { userId: 'u1', personId: 'chair1', displayName: 'WG1 co-chair', approvedAt: '2026-03-12T08:00:00.000Z' },
      ],
      approvalsNeeded: 2,
      decisions: [
        {
          id: 'dec1',
          text: 'Adopt the outline',
          agendaItemId: null,
          agendaItemTitle: null,
          createdAt: '2026-03-10T10:00:00.000Z',
        },
      ],
      canManage: true,
      canEditItems: true,
      canApprove: true,
    });
    expect(dto.actions.map((a) => a.id)).toEqual(['a1']);
  });

  it('offers nothing to change on approved minutes, even to a coordinator with write access', () => {
    const dto = presentMinutes(
      facts({ row: row({ status: 'approved', approved_at: new Date('2026-03-19T08:00:00Z') }) }),
      viewer(coordinator),
      '2026-03-20',
    );
    expect(dto).toMatchObject({ canManage: false, canEditItems: false, canApprove: false });
  });

  it('does not let a reader edit decisions or action items, nor a plain member manage or approve', () => {
    const dto = presentMinutes(facts({ access: 'read' }), viewer(member('m')), '2026-03-12');
    expect(dto).toMatchObject({ canManage: false, canEditItems: false, canApprove: false });
  });
});

describe('excerpt', () => {
  const long = `${'lorem '.repeat(40)}the decision on data sharing ${'ipsum '.repeat(40)}`;

  it('cuts about 200 characters around the first match, marking what was left out', () => {
    const cut = excerpt(long, 'DATA sharing');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain('data sharing');
    expect(cut.length).toBe(202);
  });

  it('starts at the beginning without a query and flattens white space', () => {
    expect(excerpt('First line\n\n  second line', '')).toBe('First line second line');
  });

  it('gives archive entries the excerpt of their frozen text', () => {
    expect(presentArchiveEntry({ ...row({ status: 'approved' }), text: 'Agreed:  the plan' }, 'plan')).toMatchObject({
      id: 'm1',
      status: 'approved',
      excerpt: 'Agreed: the plan',
    });
  });
});
