import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AccountPage, ForgotPasswordPage, LoginPage, RequireAuth, ResetPasswordPage } from '@roundtable/web-auth';
import {
  AppLayout,
  DocumentsPage,
  NotFoundPage,
  ProjectPage,
  WorkingGroupPage,
  WorkingGroupsPage,
} from '@roundtable/web-projects';

// The bell comes with the notifications chunk (its pages are loaded lazily too); the header shows it once loaded.
const NotificationBell = lazy(async () => ({
  default: (await import('@roundtable/web-notifications')).NotificationBell,
}));

// The group's working documents come from the library chunk, loaded with the group page.
const WorkingGroupLibrary = lazy(async () => ({
  default: (await import('@roundtable/web-library')).WorkingGroupLibrary,
}));

/** Offline copies of papers must not outlive the session on this computer (the editor chunk, loaded on demand). */
// The Papers page links to the recommendations registry (its chunk is loaded with the page).
const RecommendationsLink = lazy(async () => ({
  default: (await import('@roundtable/web-recommendations')).RecommendationsLink,
}));
const RoadmapLink = lazy(async () => ({ default: (await import('@roundtable/web-roadmap')).RoadmapLink }));

const clearOfflineDocuments = async () => (await import('@roundtable/web-editor')).clearOfflineDocuments();

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password/:token', element: <ResetPasswordPage /> },
  // Public pages (no sign-in): the link in an invitation email, the open call's application form and its confirmation link.
  {
    path: '/invitations/:token',
    lazy: async () => ({ Component: (await import('@roundtable/web-people')).InvitationPage }),
  },
  {
    path: '/apply/:callId',
    lazy: async () => ({ Component: (await import('@roundtable/web-open-call')).PublicCallPage }),
  },
  // The link in the "confirm your application" mail (ADR 015).
  {
    path: '/apply/confirm/:token',
    lazy: async () => ({ Component: (await import('@roundtable/web-open-call')).ConfirmApplicationPage }),
  },
  // Review rounds (ADR 041): the personal link in a reviewer's mail (swapped for a session, then dropped from
  // the address) and the reviewer's page of the frozen version; members open it with their accounts too.
  {
    path: '/review/link/:token',
    lazy: async () => ({ Component: (await import('@roundtable/web-reviews')).ReviewLinkPage }),
  },
  {
    path: '/review/:roundId',
    lazy: async () => ({ Component: (await import('@roundtable/web-reviews')).ReviewerPage }),
  },
  // The privacy notice (ADR 043): for everyone, signed in or not.
  {
    path: '/privacy',
    lazy: async () => ({ Component: (await import('@roundtable/web-privacy')).PrivacyNoticePage }),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout
          // Offline copies of papers must not stay behind for the next person on this computer.
          onSignedOut={clearOfflineDocuments}
          headerTools={
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
          }
        />
      </RequireAuth>
    ),
    children: [
      // The personal start page (issue 13 item 1); the former overview is the Project page.
      { index: true, lazy: async () => ({ Component: (await import('@roundtable/web-start')).StartPage }) },
      { path: 'project', element: <ProjectPage /> },
      { path: 'working-groups', element: <WorkingGroupsPage /> },
      {
        path: 'documents',
        element: (
          <DocumentsPage
            aside={
              <Suspense fallback={null}>
                <RecommendationsLink />
                <RoadmapLink />
              </Suspense>
            }
          />
        ),
      },
      {
        path: 'recommendations',
        lazy: async () => ({ Component: (await import('@roundtable/web-recommendations')).RecommendationsPage }),
      },
      {
        path: 'roadmap',
        lazy: async () => ({ Component: (await import('@roundtable/web-roadmap')).RoadmapPage }),
      },
      {
        path: 'working-groups/:id',
        element: (
          <WorkingGroupPage
            librarySection={(group) => (
              <Suspense fallback={null}>
                <WorkingGroupLibrary projectId={group.projectId} groupId={group.id} />
              </Suspense>
            )}
          />
        ),
      },
      {
        path: 'documents/:id/review-rounds',
        lazy: async () => ({ Component: (await import('@roundtable/web-reviews')).DocumentReviewRoundsPage }),
      },
      {
        path: 'review-rounds/:id',
        lazy: async () => ({ Component: (await import('@roundtable/web-reviews')).ReviewRoundPage }),
      },
      {
        path: 'documents/:id',
        // The editor (Tiptap, ProseMirror, Yjs) is the heaviest part of the app: load it on demand.
        lazy: async () => ({ Component: (await import('@roundtable/web-editor')).EditorPage }),
      },
      { path: 'account', element: <AccountPage onSignedOut={clearOfflineDocuments} /> },
      {
        path: 'account/privacy',
        lazy: async () => {
          const { MyPrivacyPage } = await import('@roundtable/web-privacy');
          return { Component: () => <MyPrivacyPage onSignedOut={clearOfflineDocuments} /> };
        },
      },
      {
        path: 'people',
        lazy: async () => ({ Component: (await import('@roundtable/web-people')).PeopleDirectoryPage }),
      },
      {
        path: 'people/me',
        lazy: async () => ({ Component: (await import('@roundtable/web-people')).MyProfileRedirect }),
      },
      { path: 'people/:id', lazy: async () => ({ Component: (await import('@roundtable/web-people')).PersonPage }) },
      { path: 'calls', lazy: async () => ({ Component: (await import('@roundtable/web-open-call')).CallsPage }) },
      {
        path: 'calls/:id/applications',
        lazy: async () => ({ Component: (await import('@roundtable/web-open-call')).ApplicationsReviewPage }),
      },
      {
        path: 'plan',
        lazy: async () => ({ Component: (await import('@roundtable/web-deliverables')).PlanDashboardPage }),
      },
      {
        path: 'plan/print',
        lazy: async () => ({ Component: (await import('@roundtable/web-deliverables')).PlanPrintPage }),
      },
      {
        path: 'plan/items/:id',
        lazy: async () => ({ Component: (await import('@roundtable/web-deliverables')).PlanItemPage }),
      },
      { path: 'meetings', lazy: async () => ({ Component: (await import('@roundtable/web-meetings')).MeetingsPage }) },
      {
        path: 'meetings/new',
        lazy: async () => ({ Component: (await import('@roundtable/web-meetings')).ScheduleMeetingPage }),
      },
      {
        path: 'meetings/:id',
        lazy: async () => ({ Component: (await import('@roundtable/web-meetings')).MeetingPage }),
      },
      { path: 'library', lazy: async () => ({ Component: (await import('@roundtable/web-library')).LibraryPage }) },
      {
        path: 'library/:id',
        lazy: async () => ({ Component: (await import('@roundtable/web-library')).LibraryFilePage }),
      },
      {
        path: 'minutes',
        lazy: async () => ({ Component: (await import('@roundtable/web-meetings')).MinutesArchivePage }),
      },
      {
        path: 'minutes/:id',
        lazy: async () => ({ Component: (await import('@roundtable/web-meetings')).MinutesPage }),
      },
      {
        path: 'my-actions',
        lazy: async () => ({ Component: (await import('@roundtable/web-meetings')).MyActionsPage }),
      },
      { path: 'balance', lazy: async () => ({ Component: (await import('@roundtable/web-admin')).BalancePage }) },
      { path: 'structure', lazy: async () => ({ Component: (await import('@roundtable/web-admin')).StructurePage }) },
      {
        path: 'notifications',
        lazy: async () => ({ Component: (await import('@roundtable/web-notifications')).NotificationsPage }),
      },
      {
        path: 'notifications/settings',
        lazy: async () => ({ Component: (await import('@roundtable/web-notifications')).NotificationSettingsPage }),
      },
      { path: 'admin/audit', lazy: async () => ({ Component: (await import('@roundtable/web-privacy')).AuditPage }) },
      { path: 'admin/outbox', lazy: async () => ({ Component: (await import('@roundtable/web-admin')).OutboxPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
