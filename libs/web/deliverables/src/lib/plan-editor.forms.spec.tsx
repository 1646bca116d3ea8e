/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { PlanItemDetailDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { EditPlanItemForm } from './plan-editor.forms';

interface Call {
  method: string;
  path: string;
  body: unknown;
}

/** Replaces fetch with one that answers like the server would and records each call. */
function serve(answer: (call: Call) => { status: number; body?: unknown }): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const text = await request.text();
    const call = { method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : null };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return calls;
}

const ITEM: PlanItemDetailDto = {
  id: 'item-1',
  kind: 'deliverable',
  number: 'D2.2',
  title: { en: 'Survey', zh: '调查' },
  workPackageCode: null,
  taskCode: null,
  dueMonth: 18,
  dueDate: '2027-06-30',
  meansOfVerification: null,
  leadPartner: null,
  type: 'report',
  dissemination: 'PU',
  status: 'planned',
  readiness: { share: 0, readyCount: 0, total: 0, ready: false },
  risk: 'on-track',
  daysLeft: 200,
  workingGroupCodes: [],
  documents: [],
  statusHistory: [],
  rebaselines: [],
  nextStatuses: [],
  canManage: true,
};

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const save = () =>
  act(async () => {
    fireEvent.click(screen.getByTestId('plan-edit-save'));
  });

beforeAll(() => initI18n('en'));

describe('EditPlanItemForm', () => {
  it('starts from the item and sends the edited number, titles, month, type and reason, trimmed', async () => {
    const calls = serve(({ method }) =>
      method === 'PUT'
        ? { status: 200, body: { ...ITEM, number: 'D2.3', title: { en: 'Survey report', zh: '调查' }, dueMonth: 20 } }
        : { status: 200, body: [] },
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <EditPlanItemForm item={ITEM} />
      </QueryClientProvider>,
    );
    expect((screen.getByTestId('plan-edit-number') as HTMLInputElement).value).toBe('D2.2');
    expect((screen.getByTestId('plan-edit-due') as HTMLInputElement).value).toBe('M18');
    type('plan-edit-number', ' D2.3 ');
    type('plan-edit-title-en', 'Survey report ');
    type('plan-edit-due', 'M20');
    type('plan-edit-type', 'other');
    type('plan-edit-reason', ' Fieldwork takes longer ');
    await save();
    expect(await screen.findByRole('status')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Changes saved.');
    expect(calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      path: '/api/plan-items/item-1',
      body: {
        number: 'D2.3',
        titleEn: 'Survey report',
        titleZh: '调查',
        dueMonth: 'M20',
        type: 'other',
        reason: 'Fieldwork takes longer',
      },
    });
    expect((screen.getByTestId('plan-edit-reason') as HTMLInputElement).value).toBe('');
  });

  it('offers no type for a milestone and shows the field the server names on a taken number', async () => {
    const calls = serve(({ method }) =>
      method === 'PUT'
        ? {
            status: 409,
            body: {
              statusCode: 409,
              code: 'CONFLICT',
              message: 'MS1 already exists in this project',
              fields: [{ field: 'number', message: 'MS1 already exists in this project' }],
            },
          }
        : { status: 200, body: [] },
    );
    const milestone: PlanItemDetailDto = { ...ITEM, kind: 'milestone', number: 'MS5', type: null, status: null };
    render(
      <QueryClientProvider client={createQueryClient()}>
        <EditPlanItemForm item={milestone} />
      </QueryClientProvider>,
    );
    expect(screen.queryByTestId('plan-edit-type')).toBeNull();
    type('plan-edit-number', 'MS1');
    await save();
    const fieldErrors = await screen.findAllByTestId('field-error');
    expect(fieldErrors.length).toBeGreaterThan(0);
    expect(screen.queryByRole('status')).toBeNull();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      number: 'MS1',
      titleEn: 'Survey',
      titleZh: '调查',
      dueMonth: 'M18',
    });
  });
});
