/** @jest-environment @happy-dom/jest-environment */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { ActionItemDto, NotificationListDto, StartPageDto, UserDto } from '@roundtable/contracts';
import { RequireAuth, SessionProvider } from '@roundtable/web-auth';
import { initI18n } from '@roundtable/web-i18n';
import { createQueryClient } from '@roundtable/web-ui';
import { StartPage } from './start.page';

const EXPERT: UserDto = {
  id: 'user-1',
  email: 'wg1-expert@example.org',
  displayName: 'WG1 expert',
  platformRole: 'member',
  locale: 'en',
  color: '#336699',
} as UserDto;

const ACTION: ActionItemDto = {
  id: 'action-1',
  minutesId: 'minutes-1',
  meetingId: 'meeting-0',
  meetingTitle: 'Review',
  workingGroupId: 'group-1',
  workingGroupCode: 'WG1',
  occurrenceStart: '2026-03-10T09:00:00.000Z',
  text: 'Send the survey draft',
  ownerPersonId: 'person-1',
  ownerName: 'WG1 expert',
  dueOn: '2026-03-15',
  status: 'open',
  agendaItemId: null,
  agendaItemTitle: null,
  overdue: true,
  canSetStatus: true,
};

const EMPTY: StartPageDto = {
  meetings: { items: [], total: 0 },
  actions: { items: [], total: 0 },
  documents: { items: [], total: 0 },
  mentions: { items: [], total: 0 },
  requests: { items: [], total: 0 },
  risks: null,
};

const EXPERT_PAGE: StartPageDto = {
  ...EMPTY,
  meetings: {
    items: [
      {
        meetingId: 'meeting-1',
        title: 'Drafting sprint',
        workingGroupCode: 'WG1',
        start: '2026-03-21T09:00:00.000Z',
        end: '2026-03-21T10:00:00.000Z',
        timeZone: 'Europe/Rome',
        inviteeZones: ['Asia/Shanghai', 'Europe/Rome'],
        myRsvp: null,
      },
    ],
    total: 7,
  },
  actions: { items: [ACTION], total: 1 },
  documents: {
    items: [
      {
        id: 'doc-1',
        title: { en: 'Awareness paper', zh: '意识文件' },
        type: 'position-paper',
        workingGroupCode: 'WG1',
        status: 'draft',
        updatedAt: '2026-03-19T09:00:00.000Z',
        deadline: {
          planItemId: 'item-1',
          number: 'D2.1',
          title: { en: 'Paper', zh: '文件' },
          dueDate: '2026-06-30',
          risk: 'at-risk',
        },
      },
    ],
    total: 1,
  },
  mentions: {
    items: [
      {
        kind: 'mention',
        commentId: 'comment-1',
        threadId: 'thread-1',
        documentId: 'doc-1',
        documentTitle: { en: 'Awareness paper', zh: '意识文件' },
        authorName: 'WG1 China co-chair',
        excerpt: '@WG1 expert could you check this?',
        createdAt: '2026-03-19T10:00:00.000Z',
      },
    ],
    total: 1,
  },
};

const NOTIFICATIONS: NotificationListDto = {
  unread: 1,
  items: [
    {
      id: 'n-1',
      kind: 'mention',
      title: 'WG1 China co-chair mentioned you in Awareness paper',
      link: '/documents/doc-1?thread=t-1',
      createdAt: '2026-12-06T09:00:00.000Z',
      readAt: null,
    },
    {
      id: 'n-2',
      kind: 'minutes',
      title: 'Minutes for comments: WG1 December meeting',
      link: '/minutes/minutes-1',
      createdAt: '2026-12-05T09:00:00.000Z',
      readAt: '2026-12-05T10:00:00.000Z',
    },
  ],
};

function serve(
  page: StartPageDto,
  user: UserDto = EXPERT,
  notifications: NotificationListDto = { items: [], unread: 0 },
): string[] {
  const paths: string[] = [];
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const path = new URL((input as Request).url).pathname;
    paths.push(path);
    const body =
      path === '/api/auth/session'
        ? { user }
        : path === '/api/me/start'
          ? page
          : path === '/api/notifications'
            ? notifications
            : undefined;
    return new Response(JSON.stringify(body ?? { statusCode: 404, code: 'NOT_FOUND', message: 'no' }), {
      status: body ? 200 : 404,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return paths;
}

function renderPage() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionProvider>
        <MemoryRouter>
          <RequireAuth>
            <StartPage />
          </RequireAuth>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

const hrefs = (root: HTMLElement) =>
  within(root)
    .getAllByRole('link')
    .map((a) => a.getAttribute('href'));

describe('StartPage', () => {
  beforeEach(() => initI18n('en'));

  it('links every item to its thing: the meeting (in my zone and the counterpart zone), the overdue action, the document and its deadline, the mention', async () => {
    const paths = serve(EXPERT_PAGE, EXPERT, NOTIFICATIONS);
    renderPage();
    const meetings = await screen.findByTestId('start-meetings', undefined, { timeout: 10_000 });
    expect(paths).toContain('/api/me/start');
    expect(hrefs(meetings)).toEqual(['/meetings/meeting-1', '/meetings']);
    // 7 meetings in all, 1 shown: the link says how many the full list holds.
    expect(within(meetings).getByText('See all (7)')).toBeTruthy();
    // The reader's zone and the meeting's (Rome), not every invitee's.
    expect(meetings.textContent).toMatch(/Rome/);
    expect(meetings.querySelectorAll('[title]')).toHaveLength(2);

    const action = screen.getByTestId('start-action');
    expect(action.getAttribute('data-overdue')).toBe('true');
    expect(within(action).getByText('Overdue')).toBeTruthy();
    expect(hrefs(action)).toEqual(['/minutes/minutes-1']);

    const document = screen.getByTestId('start-document');
    expect(hrefs(document)).toEqual(['/documents/doc-1', '/plan/items/item-1']);
    expect(document.textContent).toContain('Draft');
    expect(document.textContent).toContain('counts toward D2.1');

    const mention = screen.getByTestId('start-mention');
    expect(mention.textContent).toContain('WG1 China co-chair mentioned you in Awareness paper');
    expect(hrefs(mention)).toEqual(['/documents/doc-1']);

    expect(screen.getByTestId('start-requests-empty').textContent).toBe(
      'Nothing is waiting for your approval or review.',
    );
    expect(screen.queryByTestId('start-risks')).toBeNull();
    // Only the unread notification, linking to its thread; the rest on the notifications page.
    const notification = await screen.findByTestId('start-notification');
    expect(screen.getAllByTestId('start-notification')).toHaveLength(1);
    expect(hrefs(notification)).toEqual(['/documents/doc-1?thread=t-1']);
    expect(within(screen.getByTestId('start-notifications')).getByText('All notifications')).toBeTruthy();
  });

  it('says what to do next when everything is empty, in Chinese too', async () => {
    // The session's language is the account's: a reader who chose Chinese.
    serve(EMPTY, { ...EXPERT, locale: 'zh-CN' });
    await initI18n('zh-CN');
    renderPage();
    const empty = await screen.findByTestId('start-meetings-empty', undefined, { timeout: 10_000 });
    expect(empty.textContent).toContain('暂无即将举行的会议');
    expect(screen.getByTestId('start-actions-empty').textContent).toContain('会议纪要中分配给您的行动');
    expect(screen.getByTestId('start-documents-empty').textContent).toContain('请打开您的工作组');
  });

  it('shows coordinators the project’s risks, each a link: the group missing a co-chair, the minutes awaiting approval, the overdue action', async () => {
    serve({
      ...EMPTY,
      requests: {
        items: [
          {
            kind: 'minutes-approval',
            minutesId: 'minutes-1',
            meetingTitle: 'Review',
            workingGroupCode: 'WG1',
            occurrenceStart: '2026-03-10T09:00:00.000Z',
            commentsUntil: '2026-03-27T09:00:00.000Z',
          },
        ],
        total: 1,
      },
      risks: {
        overdueItems: { items: [], total: 0 },
        overdueActions: { items: [ACTION], total: 1 },
        coChairVacancies: {
          items: [{ workingGroupId: 'group-1', workingGroupCode: 'WG1', region: 'europe', openedAt: '2026-03-20' }],
          total: 1,
        },
        minutesAwaitingApproval: {
          items: [
            {
              minutesId: 'minutes-1',
              meetingTitle: 'Review',
              workingGroupCode: 'WG1',
              occurrenceStart: '2026-03-10T09:00:00.000Z',
              approvals: 1,
              approvalsNeeded: 2,
            },
          ],
          total: 1,
        },
      },
    });
    renderPage();
    const risks = await screen.findByTestId('start-risks', undefined, { timeout: 10_000 });
    expect(within(screen.getByTestId('start-risk-vacancies')).getByRole('link').textContent).toBe(
      'WG1: co-chair seat for Europe vacant',
    );
    expect(hrefs(risks)).toEqual(['/working-groups/group-1', '/minutes/minutes-1', '/minutes', '/minutes/minutes-1']);
    expect(screen.getByTestId('start-risk-minutes').textContent).toContain('1 of 2 approvals');
    expect(hrefs(screen.getByTestId('start-requests'))).toEqual(['/minutes/minutes-1']);
  });
});
