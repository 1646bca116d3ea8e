/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { PersonDto, UserDto, WorkingGroupDto } from '@roundtable/contracts';
import { RequireAuth, SessionProvider } from '@roundtable/web-auth';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { fakeApi } from './fake-api.testing';
import { ScheduleMeetingPage } from './schedule-meeting.page';

const COORDINATOR: UserDto = {
  id: 'user-1',
  email: 'coordinator@example.org',
  displayName: 'Coordinator',
  platformRole: 'coordinator',
  locale: 'en',
  color: '#336699',
};
const GROUP = {
  id: 'group-1',
  projectId: 'project-1',
  code: 'WG1',
  title: { en: 'Group one', zh: '第一组' },
  aim: { en: 'Aim', zh: '目标' },
  guidingPartners: [],
  myRole: null,
} as unknown as WorkingGroupDto;
const PERSON = { id: 'person-1', displayName: 'Expert One', timeZone: 'Asia/Shanghai' } as PersonDto;

function fakeServer() {
  const answers: Record<string, unknown> = {
    'GET /api/auth/session': { user: COORDINATOR },
    'GET /api/working-groups': [GROUP],
    'GET /api/documents': [],
    'GET /api/people': [PERSON],
    'POST /api/projects/project-1/meetings': { id: 'meeting-9' },
  };
  return fakeApi(({ method, path }) => {
    const body = answers[`${method} ${path}`];
    return body === undefined
      ? { status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'no' } }
      : { status: 200, body };
  });
}

function renderPage() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionProvider>
        <MemoryRouter initialEntries={['/meetings/new?projectId=project-1']}>
          <Routes>
            <Route
              path="/meetings/new"
              element={
                <RequireAuth>
                  <ScheduleMeetingPage />
                </RequireAuth>
              }
            />
            <Route path="/meetings/:id" element={<p data-testid="meeting-page">meeting page</p>} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

beforeAll(() => initI18n('en'));

describe('ScheduleMeetingPage', () => {
  it('shows the recurrence fields a repeat needs, previews the series and sends its rule', async () => {
    const calls = fakeServer();
    renderPage();
    await screen.findByText('Expert One', { exact: false }, { timeout: 10_000 });
    expect(screen.queryByLabelText('Every N weeks')).toBeNull();
    expect(screen.queryByTestId('meeting-count')).toBeNull();

    fireEvent.change(screen.getByTestId('meeting-title'), { target: { value: 'Fortnightly call' } });
    fireEvent.change(screen.getByTestId('meeting-date'), { target: { value: '2027-03-01' } });
    fireEvent.change(screen.getByTestId('meeting-repeat'), { target: { value: 'weekly' } });
    fireEvent.change(await screen.findByLabelText('Every N weeks'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('meeting-count'), { target: { value: '3' } });
    expect(screen.getByTestId('series-preview').textContent).toMatch(/^3 meetings, the last on /);

    await act(async () => {
      fireEvent.click(screen.getByTestId('meeting-submit'));
    });
    await screen.findByTestId('meeting-page');
    const created = calls.find((c) => c.method === 'POST');
    expect(created?.body).toMatchObject({
      workingGroupId: 'group-1',
      type: 'wg-meeting',
      title: 'Fortnightly call',
      start: '2027-03-01T10:00',
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=3',
      inviteePersonIds: ['person-1'],
    });
  });

  it('offers "last weekday of the month" only for a monthly series starting in the last week', async () => {
    fakeServer();
    renderPage();
    await screen.findByText('Expert One', { exact: false }, { timeout: 10_000 });
    fireEvent.change(screen.getByTestId('meeting-repeat'), { target: { value: 'monthly' } });
    fireEvent.change(screen.getByTestId('meeting-date'), { target: { value: '2027-03-10' } });
    const lastLabel = () => screen.queryByRole('checkbox', { name: /last/i });
    expect(lastLabel()).toBeNull();
    fireEvent.change(screen.getByTestId('meeting-date'), { target: { value: '2027-03-29' } });
    await waitFor(() => expect(lastLabel()).not.toBeNull());
  });
});
