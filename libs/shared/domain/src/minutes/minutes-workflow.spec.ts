import { documentAccess, can, type Actor } from '../access-policy';
import {
  actionReminderDue,
  approvalsNeeded,
  canTransition,
  carriedActions,
  checkApproval,
  commentsUntil,
  isApprover,
  isCalendarDate,
  isOverdue,
  type MinutesApprovers,
} from './minutes-workflow';

const wg: MinutesApprovers = { workingGroupId: 'wg1', coChairPersonIds: ['eu', 'cn'] };
const event: MinutesApprovers = { workingGroupId: null, coChairPersonIds: [] };
const coChair = (personId: string) => ({ personId, coordinator: false });
const coordinator = { personId: 'coord', coordinator: true };

describe('minutes status machine', () => {
  it('circulates only drafts and approves only circulated minutes', () => {
    expect(canTransition('draft', 'circulate')).toBe(true);
    expect(canTransition('circulated', 'circulate')).toBe(false);
    expect(canTransition('approved', 'circulate')).toBe(false);
    expect(canTransition('circulated', 'approve')).toBe(true);
    expect(canTransition('draft', 'approve')).toBe(false);
    expect(canTransition('approved', 'approve')).toBe(false);
  });

  it('reopens only approved minutes (unlocking them returns them to draft)', () => {
    expect(canTransition('approved', 'reopen')).toBe(true);
    expect(canTransition('circulated', 'reopen')).toBe(false);
    expect(canTransition('draft', 'reopen')).toBe(false);
  });
});

describe('who approves minutes', () => {
  it('takes the group co-chairs for WG minutes, not coordinators', () => {
    expect(isApprover(wg, coChair('eu'))).toBe(true);
    expect(isApprover(wg, coChair('member'))).toBe(false);
    expect(isApprover(wg, coordinator)).toBe(false);
    expect(isApprover(wg, { personId: null, coordinator: false })).toBe(false);
  });

  it('takes a coordinator alone for project events', () => {
    expect(isApprover(event, coordinator)).toBe(true);
    expect(isApprover(event, coChair('eu'))).toBe(false);
    expect(approvalsNeeded(event)).toBe(1);
  });

  it('needs both co-chairs, or every co-chair a group has when it has fewer', () => {
    expect(approvalsNeeded(wg)).toBe(2);
    expect(approvalsNeeded({ workingGroupId: 'wg1', coChairPersonIds: ['eu'] })).toBe(1);
    expect(approvalsNeeded({ workingGroupId: 'wg1', coChairPersonIds: ['a', 'b', 'c'] })).toBe(2);
  });
});

describe('checkApproval', () => {
  const base = { status: 'circulated' as const, approvers: wg, recorded: [] as string[] };

  it('records the first co-chair without completing, the second completes', () => {
    expect(checkApproval({ ...base, approver: coChair('eu'), approverKey: 'eu' })).toEqual({
      ok: true,
      complete: false,
    });
    expect(checkApproval({ ...base, recorded: ['eu'], approver: coChair('cn'), approverKey: 'cn' })).toEqual({
      ok: true,
      complete: true,
    });
  });

  it('refuses approving twice', () => {
    expect(checkApproval({ ...base, recorded: ['eu'], approver: coChair('eu'), approverKey: 'eu' })).toEqual({
      ok: false,
      reason: 'already-approved',
    });
  });

  it('refuses approvals outside circulation, before checking the approver', () => {
    expect(checkApproval({ ...base, status: 'draft', approver: coChair('eu'), approverKey: 'eu' })).toEqual({
      ok: false,
      reason: 'not-circulated',
    });
    expect(checkApproval({ ...base, status: 'approved', approver: coChair('cn'), approverKey: 'cn' })).toEqual({
      ok: false,
      reason: 'not-circulated',
    });
  });

  it('refuses non-approvers', () => {
    expect(checkApproval({ ...base, approver: coChair('member'), approverKey: 'member' })).toEqual({
      ok: false,
      reason: 'not-an-approver',
    });
    expect(checkApproval({ ...base, approver: coordinator, approverKey: 'coord' })).toEqual({
      ok: false,
      reason: 'not-an-approver',
    });
    // Whatever the state: a non-approver learns that first.
    expect(checkApproval({ ...base, status: 'draft', approver: coChair('member'), approverKey: 'member' })).toEqual({
      ok: false,
      reason: 'not-an-approver',
    });
  });

  it('does not count an approval by a co-chair who has since stepped down', () => {
    const now = { workingGroupId: 'wg1', coChairPersonIds: ['cn', 'new'] };
    expect(
      checkApproval({ ...base, approvers: now, recorded: ['eu'], approver: coChair('cn'), approverKey: 'cn' }),
    ).toEqual({ ok: true, complete: false });
  });

  it('completes project-event minutes with one coordinator', () => {
    expect(
      checkApproval({ status: 'circulated', approvers: event, recorded: [], approver: coordinator, approverKey: 'u1' }),
    ).toEqual({ ok: true, complete: true });
  });
});

describe('comment window, dates and overdue', () => {
  it('ends the comment window whole days after circulation (default 7)', () => {
    expect(commentsUntil(new Date('2021-03-01T10:00:00Z')).toISOString()).toBe('2021-03-08T10:00:00.000Z');
    expect(commentsUntil(new Date('2021-03-01T10:00:00Z'), 3).toISOString()).toBe('2021-03-04T10:00:00.000Z');
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2021-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2021-13-01')).toBe(false);
    expect(isCalendarDate('21-01-01')).toBe(false);
    expect(isCalendarDate('2021-01-01T00:00:00Z')).toBe(false);
  });

  it('flags open actions due before today, not done or dropped ones, not the due day itself', () => {
    expect(isOverdue({ status: 'open', dueOn: '2021-04-01' }, '2021-04-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2021-04-02' }, '2021-04-02')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2021-04-01' }, '2021-04-02')).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: '2021-04-01' }, '2021-04-02')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2021-04-02')).toBe(false);
  });

  it('reminds an open action from two days before its due date up to that date, never after or when closed', () => {
    const open = { status: 'open' as const, dueOn: '2021-03-01' };
    expect(actionReminderDue(open, '2021-02-26')).toBe(false);
    expect(actionReminderDue(open, '2021-02-27')).toBe(true);
    expect(actionReminderDue(open, '2021-03-01')).toBe(true);
    expect(actionReminderDue(open, '2021-03-02')).toBe(false);
    expect(actionReminderDue({ ...open, status: 'done' }, '2021-02-28')).toBe(false);
    expect(actionReminderDue({ status: 'open', dueOn: null }, '2021-02-28')).toBe(false);
    expect(actionReminderDue(open, '2021-02-25', 5)).toBe(true);
  });

  it('carries open actions of earlier occurrences only', () => {
    const actions = [
      { id: 'a', status: 'open' as const, occurrenceStart: new Date('2021-03-01T09:00:00Z') },
      { id: 'b', status: 'done' as const, occurrenceStart: new Date('2021-03-01T09:00:00Z') },
      { id: 'c', status: 'open' as const, occurrenceStart: new Date('2021-04-05T08:00:00Z') },
    ];
    expect(carriedActions(actions, new Date('2021-04-05T08:00:00Z')).map((a) => a.id)).toEqual(['a']);
  });
});

describe('access to minutes', () => {
  const member = (workingGroupId: string, role: 'co-chair' | 'expert' | 'observer'): Actor => ({
    platformRole: 'member',
    personId: 'p',
    coordinatedProjectIds: [],
    memberships: [{ projectId: 'P', workingGroupId, role }],
  });
  const draft = (invited: boolean) => ({ projectId: 'P', workingGroupId: 'wg1', restricted: { invited } });

  it('hides draft minutes from other groups unless invited (then read only)', () => {
    expect(documentAccess(member('wg2', 'expert'), draft(false))).toBe('none');
    expect(documentAccess(member('wg2', 'expert'), draft(true))).toBe('read');
    expect(documentAccess(member('wg1', 'expert'), draft(false))).toBe('write');
    expect(documentAccess(member('wg1', 'observer'), draft(false))).toBe('read');
  });

  it('shares approved minutes with every group, read only once locked', () => {
    const approved = { projectId: 'P', workingGroupId: 'wg1', restricted: null, lockedAt: '2021-03-10T00:00:00Z' };
    expect(documentAccess(member('wg2', 'observer'), approved)).toBe('read');
    expect(documentAccess(member('wg1', 'co-chair'), approved)).toBe('read');
  });

  it('lets coordinators see drafts and invitees edit project-event drafts', () => {
    const coord: Actor = { platformRole: 'member', personId: 'c', coordinatedProjectIds: ['P'], memberships: [] };
    expect(documentAccess(coord, draft(false))).toBe('write');
    expect(
      documentAccess(member('wg2', 'expert'), { projectId: 'P', workingGroupId: null, restricted: { invited: true } }),
    ).toBe('write');
    expect(
      documentAccess(member('wg2', 'expert'), { projectId: 'P', workingGroupId: null, restricted: { invited: false } }),
    ).toBe('none');
  });

  it('lets only co-chairs approve WG minutes, coordinators project events; owners set their action status', () => {
    const coord: Actor = { platformRole: 'member', personId: 'c', coordinatedProjectIds: ['P'], memberships: [] };
    expect(can(member('wg1', 'co-chair'), 'minutes.approve', { projectId: 'P', workingGroupIds: ['wg1'] })).toBe(true);
    expect(can(coord, 'minutes.approve', { projectId: 'P', workingGroupIds: ['wg1'] })).toBe(false);
    expect(can(coord, 'minutes.approve', { projectId: 'P', workingGroupIds: [] })).toBe(true);
    expect(
      can(member('wg1', 'expert'), 'action.setStatus', { projectId: 'P', workingGroupIds: ['wg1'], personId: 'p' }),
    ).toBe(true);
    expect(
      can(member('wg1', 'expert'), 'action.setStatus', { projectId: 'P', workingGroupIds: ['wg1'], personId: 'q' }),
    ).toBe(false);
    expect(can(member('wg1', 'expert'), 'minutes.manage', { projectId: 'P', workingGroupIds: ['wg1'] })).toBe(false);
  });
});
