/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PartnerDetailDto, PersonDto, WorkingGroupDetailDto } from '@roundtable/contracts';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { PartnerForm } from './partner.form';
import { WorkingGroupForm } from './working-group.form';
import { HeadcountForm } from './headcount.section';

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

const PARTNERS: PartnerDetailDto[] = [
  { id: 'partner-ucsc', shortName: 'UCSC', fullName: 'Università Cattolica', country: 'IT', people: [] },
  { id: 'partner-bgi', shortName: 'BGI', fullName: 'BGI Group', country: 'CN', people: [] },
];

const GROUP: WorkingGroupDetailDto = {
  id: 'group-4',
  projectId: 'project-1',
  code: 'WG4',
  title: { en: 'Data sharing', zh: '数据共享' },
  aim: { en: 'Findable data', zh: '可发现的数据' },
  guidingPartners: [{ id: 'partner-ucsc', shortName: 'UCSC', fullName: 'Università Cattolica', country: 'IT' }],
  myRole: null,
  dimensions: [
    {
      position: 1,
      title: { en: 'Standards', zh: '标准' },
      focus: { en: 'FAIR', zh: 'FAIR 原则' },
      goal: { en: 'Checklist', zh: '清单' },
    },
  ],
  members: [],
  documents: [],
  vacancies: [],
};

function withQueries(node: React.ReactNode) {
  return <QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>;
}

beforeAll(() => initI18n('en'));
afterEach(() => jest.restoreAllMocks());

describe('WorkingGroupForm', () => {
  it('creates a group with a dimension and a guiding partner, texts trimmed', async () => {
    const calls = serve(({ method, path }) =>
      method === 'POST' && path === '/api/projects/project-1/working-groups'
        ? { status: 201, body: { ...GROUP, id: 'group-new' } }
        : { status: 200, body: [] },
    );
    const onSaved = jest.fn();
    render(
      withQueries(
        <WorkingGroupForm
          projectId="project-1"
          group={null}
          partners={PARTNERS}
          onSaved={onSaved}
          onCancel={jest.fn()}
        />,
      ),
    );
    const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
    type('group-code', ' WG4 ');
    type('group-title-en', 'Data sharing');
    type('group-title-zh', '数据共享');
    type('group-aim-en', 'Findable data');
    type('group-aim-zh', '可发现的数据');
    fireEvent.click(screen.getByTestId('dimension-add'));
    type('dimension-0-title-en', 'Standards');
    type('dimension-0-title-zh', '标准');
    type('dimension-0-focus-en', 'FAIR');
    type('dimension-0-focus-zh', 'FAIR 原则');
    type('dimension-0-goal-en', 'Checklist');
    type('dimension-0-goal-zh', '清单');
    fireEvent.click(screen.getByTestId('guiding-partner-BGI'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('working-group-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'group-new' })));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      code: 'WG4',
      title: { en: 'Data sharing', zh: '数据共享' },
      aim: { en: 'Findable data', zh: '可发现的数据' },
      dimensions: [
        {
          title: { en: 'Standards', zh: '标准' },
          focus: { en: 'FAIR', zh: 'FAIR 原则' },
          goal: { en: 'Checklist', zh: '清单' },
        },
      ],
      guidingPartnerIds: ['partner-bgi'],
    });
  });

  it('removes a dimension only after confirming, and shows the field error the server names', async () => {
    const calls = serve(({ method }) =>
      method === 'PUT'
        ? {
            status: 400,
            body: {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: 'Invalid code',
              fields: [{ field: 'code', code: 'codeTaken', message: 'code WG1 is already used' }],
            },
          }
        : { status: 200, body: [] },
    );
    const confirm = jest.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    window.confirm = confirm;
    render(
      withQueries(
        <WorkingGroupForm
          projectId="project-1"
          group={GROUP}
          partners={PARTNERS}
          onSaved={jest.fn()}
          onCancel={jest.fn()}
        />,
      ),
    );
    fireEvent.click(screen.getByTestId('dimension-remove-0'));
    expect(screen.getAllByTestId('dimension')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('dimension-remove-0'));
    expect(screen.queryAllByTestId('dimension')).toHaveLength(0);
    expect(confirm).toHaveBeenCalledTimes(2);

    fireEvent.change(screen.getByTestId('group-code'), { target: { value: 'WG1' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('working-group-save'));
    });
    expect((await screen.findByTestId('field-error')).textContent).toContain(
      'Another working group already uses this code.',
    );
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/working-groups/group-4');
    expect(put?.body).toMatchObject({ code: 'WG1', dimensions: [], guidingPartnerIds: ['partner-ucsc'] });
  });
});

describe('PartnerForm', () => {
  const PEOPLE = [
    { id: 'person-1', displayName: 'Expert One' },
    { id: 'person-2', displayName: 'Expert Two' },
  ] as PersonDto[];

  it('adds a partner with its country and people', async () => {
    const calls = serve(({ method }) =>
      method === 'POST'
        ? { status: 201, body: { ...PARTNERS[0], id: 'partner-new', shortName: 'Charité', people: [] } }
        : { status: 200, body: [] },
    );
    const onSaved = jest.fn();
    render(
      withQueries(
        <PartnerForm projectId="project-1" partner={null} people={PEOPLE} onSaved={onSaved} onCancel={jest.fn()} />,
      ),
    );
    fireEvent.change(screen.getByTestId('partner-short-name'), { target: { value: 'Charité ' } });
    fireEvent.change(screen.getByTestId('partner-full-name'), { target: { value: 'Charité Berlin' } });
    fireEvent.change(screen.getByTestId('partner-country'), { target: { value: 'DE' } });
    fireEvent.click(screen.getByTestId('partner-person-person-2'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('partner-save'));
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/projects/project-1/partners',
      body: { shortName: 'Charité', fullName: 'Charité Berlin', country: 'DE', personIds: ['person-2'] },
    });
  });

  it('asks before taking people away from a partner, and sends nothing when declined', async () => {
    const calls = serve(() => ({ status: 200, body: PARTNERS[0] }));
    const confirm = jest.fn().mockReturnValue(false);
    window.confirm = confirm;
    const partner = { ...PARTNERS[0], people: [{ id: 'person-1', displayName: 'Expert One', country: 'IT' }] };
    render(
      withQueries(
        <PartnerForm
          projectId="project-1"
          partner={partner}
          people={PEOPLE}
          onSaved={jest.fn()}
          onCancel={jest.fn()}
        />,
      ),
    );
    fireEvent.click(screen.getByTestId('partner-person-person-1'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('partner-save'));
    });
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('Remove 1 people'));
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });
});

describe('HeadcountForm', () => {
  it('stores the headcount target as a number', async () => {
    const calls = serve(() => ({ status: 200, body: { headcount: 35 } }));
    render(withQueries(<HeadcountForm projectId="project-1" target={null} />));
    fireEvent.change(screen.getByTestId('headcount-input'), { target: { value: '35' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('headcount-save'));
    });
    expect(await screen.findByText('Headcount target saved.')).toBeTruthy();
    expect(calls).toEqual([
      { method: 'PUT', path: '/api/projects/project-1/headcount-target', body: { headcount: 35 } },
    ]);
  });
});
