import type { Actor } from '@roundtable/domain';
import type { ItemRow, LinkedDocumentRow } from './plan.repository';
import {
  currentMonthOf,
  presentDeadline,
  presentDocument,
  presentItem,
  presentWorkingGroupReadiness,
  toCsv,
} from './plan.presenter';

const project = { id: 'p1', startDate: '2020-01-01', durationMonths: 36 };

const row: ItemRow = {
  id: 'd1',
  kind: 'deliverable',
  number: 'D2.2',
  title_en: 'Position papers',
  title_zh: '立场文件',
  due_month: 24,
  means_of_verification: null,
  lead_partner_id: 'pa1',
  lead_partner: 'ISS',
  type: 'report',
  dissemination: 'PU',
  status: 'in-progress',
  wp_code: 'WP2',
  task_code: null,
};

function link(over: Partial<LinkedDocumentRow>): LinkedDocumentRow {
  return {
    item_id: 'd1',
    document_id: 'doc1',
    required_status: 'final',
    status: 'final',
    type: 'position-paper',
    title_en: 'Paper',
    title_zh: '文件',
    working_group_id: 'wg1',
    wg_code: 'WG1',
    changed_at: null,
    changed_by: null,
    ...over,
  } as LinkedDocumentRow;
}

describe('plan presenter', () => {
  it('dates an item from its project month and counts only its own documents towards readiness', () => {
    const links = [
      link({ document_id: 'doc1', status: 'final', wg_code: 'WG2' }),
      link({ document_id: 'doc2', status: 'draft', wg_code: 'WG1' }),
      link({ item_id: 'other', document_id: 'doc3', status: 'final', wg_code: 'WG9' }),
    ];
    const item = presentItem(project, row, links, '2021-12-01');
    expect(item.dueDate).toBe('2021-12-31');
    expect(item.daysLeft).toBe(30);
    expect(item.readiness).toMatchObject({ readyCount: 1, total: 2, ready: false });
    expect(item.risk).toBe('at-risk');
    expect(item.workingGroupCodes).toEqual(['WG1', 'WG2']);
    expect(item.leadPartner).toEqual({ id: 'pa1', shortName: 'ISS' });
  });

  it('calls a delivered deliverable done and an overdue open one overdue', () => {
    expect(presentItem(project, { ...row, status: 'submitted' }, [], '2022-06-01').risk).toBe('done');
    expect(presentItem(project, row, [], '2022-06-01').risk).toBe('overdue');
  });

  it('counts each document of a group once, towards the most demanding state an open item needs', () => {
    const links = [
      link({ item_id: 'a', document_id: 'doc1', status: 'draft', required_status: 'draft' }),
      link({ item_id: 'b', document_id: 'doc1', status: 'draft', required_status: 'final' }),
      link({ item_id: 'closed', document_id: 'doc2', status: 'outline', required_status: 'final' }),
    ];
    const [wg] = presentWorkingGroupReadiness([{ id: 'wg1', code: 'WG1' }], links, new Set(['a', 'b']));
    expect(wg).toMatchObject({ workingGroupId: 'wg1', readyCount: 0, total: 1 });
  });

  it('offers the status change only to whom the policy allows', () => {
    const coordinator: Actor = { platformRole: 'member', coordinatedProjectIds: ['p1'], memberships: [] };
    const member: Actor = {
      platformRole: 'member',
      coordinatedProjectIds: [],
      memberships: [{ projectId: 'p1', workingGroupId: 'wg1', role: 'expert' }],
    };
    expect(presentDocument(link({}), coordinator, 'p1').canSetStatus).toBe(true);
    expect(presentDocument(link({}), member, 'p1').canSetStatus).toBe(false);
  });

  it('has no current month outside the project', () => {
    expect(currentMonthOf(project, '2020-01-15')).toBe(1);
    expect(currentMonthOf(project, '2019-12-31')).toBeNull();
  });

  it('dates a deadline and keeps the re-baseline count', () => {
    const deadline = presentDeadline({
      project_id: 'p1',
      start_date: '2020-01-01',
      duration_months: 36,
      id: 'd1',
      kind: 'milestone',
      number: 'MS1',
      title_en: 'Kick-off',
      title_zh: '启动',
      due_month: 1,
      rebaselines: 2,
      rebaselined_at: new Date('2020-01-10T00:00:00Z'),
    });
    expect(deadline).toMatchObject({
      dueDate: '2020-01-31',
      rebaselines: 2,
      rebaselinedAt: '2020-01-10T00:00:00.000Z',
    });
  });

  it('writes the CSV with a BOM, the month as Mn and the readiness in percent', () => {
    const csv = toCsv([presentItem(project, row, [link({ status: 'draft' })], '2021-01-01')]);
    expect(csv.startsWith('\uFEFFkind,number,')).toBe(true);
    expect(csv).toContain('deliverable,D2.2,Position papers,立场文件,WP2,,ISS,report,PU,M24,2021-12-31,in-progress,');
  });
});
