import type { Actor } from './access-policy';
import { can } from './access-policy';
import {
  linkProgress,
  DELIVERABLE_TRANSITIONS,
  PlanRuleError,
  assertDeliverableTransition,
  canChangeDeliverableStatus,
  classifyRisk,
  daysUntil,
  documentProgress,
  documentStage,
  isDelivered,
  normaliseReminderOffsets,
  readiness,
  reminderOffsetDue,
} from './plan';
import { DELIVERABLE_STATUSES, type DeliverableStatus } from '@roundtable/contracts';

describe('deliverable status machine', () => {
  const legal: Array<[DeliverableStatus, DeliverableStatus]> = [
    ['planned', 'in-progress'],
    ['in-progress', 'internal-review'],
    ['internal-review', 'submitted'],
    ['internal-review', 'in-progress'],
    ['submitted', 'accepted'],
    ['submitted', 'rejected'],
    ['rejected', 'in-progress'],
  ];

  test.each(legal)('%s → %s is allowed', (from, to) => {
    expect(canChangeDeliverableStatus(from, to)).toBe(true);
    expect(() => assertDeliverableTransition(from, to)).not.toThrow();
  });

  const all = DELIVERABLE_STATUSES.flatMap((from) =>
    DELIVERABLE_STATUSES.map((to) => [from, to] as [DeliverableStatus, DeliverableStatus]),
  );
  const illegal = all.filter(([from, to]) => !legal.some(([f, t]) => f === from && t === to));

  test.each(illegal)('%s → %s is refused', (from, to) => {
    expect(canChangeDeliverableStatus(from, to)).toBe(false);
    expect(() => assertDeliverableTransition(from, to)).toThrow(PlanRuleError);
  });

  test('exactly the seven documented transitions exist', () => {
    expect(Object.values(DELIVERABLE_TRANSITIONS).flat()).toHaveLength(legal.length);
    expect(illegal).toHaveLength(36 - 7);
  });

  test('the refusal names both states and what is allowed instead', () => {
    expect(() => assertDeliverableTransition('planned', 'submitted')).toThrow(
      'from planned to submitted (allowed: in-progress)',
    );
    expect(() => assertDeliverableTransition('accepted', 'in-progress')).toThrow('it is final');
  });

  test('a status never goes to itself', () => {
    for (const status of DELIVERABLE_STATUSES) expect(canChangeDeliverableStatus(status, status)).toBe(false);
  });

  test('every status is reachable from planned', () => {
    const seen = new Set<DeliverableStatus>(['planned']);
    const queue: DeliverableStatus[] = ['planned'];
    while (queue.length) {
      for (const next of DELIVERABLE_TRANSITIONS[queue.shift() as DeliverableStatus]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...DELIVERABLE_STATUSES].sort());
  });

  test('submitted and accepted count as delivered, nothing else', () => {
    expect(DELIVERABLE_STATUSES.filter(isDelivered).sort()).toEqual(['accepted', 'submitted']);
  });
});

describe('readiness from documents', () => {
  test('stages run outline 1 … final 4', () => {
    expect(['outline', 'draft', 'in-review', 'final'].map((s) => documentStage(s as never))).toEqual([1, 2, 3, 4]);
    expect(() => documentStage('published' as never)).toThrow(PlanRuleError);
  });

  test.each([
    ['outline', 'final', 0.25],
    ['draft', 'final', 0.5],
    ['in-review', 'final', 0.75],
    ['final', 'final', 1],
    ['outline', 'draft', 0.5],
    ['draft', 'draft', 1],
    ['final', 'draft', 1],
    ['outline', 'outline', 1],
  ] as const)('a document in %s counts %s towards %s', (status, required, share) => {
    expect(documentProgress(status, required)).toBeCloseTo(share);
  });

  test('an item is ready when every document reached its required state', () => {
    expect(
      readiness([
        { status: 'final', required: 'final' },
        { status: 'draft', required: 'draft' },
      ]),
    ).toEqual({ share: 1, readyCount: 2, total: 2, ready: true });
  });

  test('six papers and a workplan: two drafts, four outlines and one final', () => {
    const docs = [
      ...Array.from({ length: 2 }, () => ({ status: 'draft' as const, required: 'final' as const })),
      ...Array.from({ length: 4 }, () => ({ status: 'outline' as const, required: 'final' as const })),
      { status: 'final' as const, required: 'final' as const },
    ];
    const result = readiness(docs);
    expect(result.readyCount).toBe(1);
    expect(result.total).toBe(7);
    expect(result.ready).toBe(false);
    expect(result.share).toBeCloseTo((2 * 0.5 + 4 * 0.25 + 1) / 7);
  });

  test('moving one paper from draft to final raises the share', () => {
    const before = readiness([
      { status: 'draft', required: 'final' },
      { status: 'outline', required: 'final' },
    ]);
    const after = readiness([
      { status: 'final', required: 'final' },
      { status: 'outline', required: 'final' },
    ]);
    expect(after.share).toBeGreaterThan(before.share);
    expect(after.readyCount).toBe(before.readyCount + 1);
  });

  test('without documents nothing is ready', () => {
    expect(readiness([])).toEqual({ share: 0, readyCount: 0, total: 0, ready: false });
  });
});

describe('risk colour', () => {
  const due = '2021-12-31';
  test.each([
    ['2021-11-30', false, false, 'on-track'], // 31 days left
    ['2021-12-01', false, false, 'at-risk'], // 30 days left
    ['2021-12-31', false, false, 'at-risk'], // due today
    ['2022-01-01', false, false, 'overdue'],
    ['2022-01-01', false, true, 'overdue'], // ready but never submitted
    ['2021-12-20', false, true, 'on-track'], // ready within the window
    ['2022-06-01', true, false, 'done'],
    ['2021-01-01', true, false, 'done'],
    ['2020-01-01', false, false, 'on-track'],
  ] as const)('today %s, done=%s, ready=%s → %s', (today, done, ready, risk) => {
    expect(classifyRisk({ dueDate: due, today, done, ready })).toBe(risk);
  });

  test('counts days across a leap day', () => {
    expect(daysUntil('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysUntil('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysUntil('2022-01-01', '2021-12-31')).toBe(-1);
    expect(() => daysUntil('2021-13-01', '2021-12-31')).toThrow(PlanRuleError);
  });
});

describe('reminder offsets', () => {
  const offsets = [30, 7, 1];
  test.each([
    ['2021-11-30', null], // 31 days left: not yet
    ['2021-12-01', 30],
    ['2021-12-20', 30], // 11 days left: still the 30-day reminder
    ['2021-12-24', 7],
    ['2021-12-29', 7], // 2 days left
    ['2021-12-30', 1],
    ['2021-12-31', 1], // due today
    ['2022-01-01', null], // past due
  ] as const)('on %s the due reminder for 2021-12-31 is %s', (today, offset) => {
    expect(reminderOffsetDue(offsets, '2021-12-31', today)).toBe(offset);
  });

  test('a clock that jumps past several offsets gets only the most urgent', () => {
    expect(reminderOffsetDue([30, 7, 1], '2021-12-31', '2021-12-31')).toBe(1);
  });

  test('without offsets nothing is due', () => {
    expect(reminderOffsetDue([], '2021-12-31', '2021-12-31')).toBeNull();
  });

  test('offsets are whole days 0–365, deduplicated, largest first', () => {
    expect(normaliseReminderOffsets([1, 7, 30, 7])).toEqual([30, 7, 1]);
    expect(() => normaliseReminderOffsets([-1])).toThrow(PlanRuleError);
    expect(() => normaliseReminderOffsets([1.5])).toThrow(PlanRuleError);
    expect(() => normaliseReminderOffsets([400])).toThrow(PlanRuleError);
    expect(() => normaliseReminderOffsets(Array.from({ length: 11 }, (_, i) => i))).toThrow(PlanRuleError);
  });
});

describe('plan permissions', () => {
  const P = 'p';
  const coordinator: Actor = { platformRole: 'coordinator', coordinatedProjectIds: [P], memberships: [] };
  const coChairA: Actor = {
    platformRole: 'member',
    coordinatedProjectIds: [],
    memberships: [{ projectId: P, workingGroupId: 'a', role: 'co-chair' }],
  };
  const expertA: Actor = {
    platformRole: 'member',
    coordinatedProjectIds: [],
    memberships: [{ projectId: P, workingGroupId: 'a', role: 'expert' }],
  };

  test('only coordinators manage the plan', () => {
    expect(can(coordinator, 'plan.manage', { projectId: P })).toBe(true);
    expect(can(coChairA, 'plan.manage', { projectId: P, workingGroupIds: ['a'] })).toBe(false);
    expect(can(coordinator, 'plan.manage', { projectId: 'other' })).toBe(false);
  });

  test("co-chairs set their own group's document lifecycle, not another group's nor project-level ones", () => {
    expect(can(coChairA, 'document.setStatus', { projectId: P, workingGroupIds: ['a'] })).toBe(true);
    expect(can(coChairA, 'document.setStatus', { projectId: P, workingGroupIds: ['b'] })).toBe(false);
    expect(can(coChairA, 'document.setStatus', { projectId: P, workingGroupIds: [] })).toBe(false);
    expect(can(expertA, 'document.setStatus', { projectId: P, workingGroupIds: ['a'] })).toBe(false);
    expect(can(coordinator, 'document.setStatus', { projectId: P, workingGroupIds: [] })).toBe(true);
  });
});

describe('readiness with a required responded review (ADR 041)', () => {
  it('counts the responded review as the second half of a link that requires it', () => {
    expect(linkProgress({ status: 'draft', required: 'draft' })).toBe(1);
    expect(linkProgress({ status: 'draft', required: 'draft', reviewRequired: true, reviewResponded: false })).toBe(
      0.5,
    );
    expect(linkProgress({ status: 'outline', required: 'draft', reviewRequired: true, reviewResponded: true })).toBe(
      0.75,
    );
    expect(
      readiness([
        { status: 'draft', required: 'draft', reviewRequired: true, reviewResponded: true },
        { status: 'final', required: 'draft', reviewRequired: true, reviewResponded: false },
      ]),
    ).toEqual({ share: 0.75, readyCount: 1, total: 2, ready: false });
  });
});
