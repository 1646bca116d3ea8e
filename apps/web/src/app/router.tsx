import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { LoginPage, RequireAuth } from '@roundtable/web-auth';
import { AppLayout, HomePage, NotFoundPage, WorkingGroupPage } from '@roundtable/web-projects';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'working-groups/:id', element: <WorkingGroupPage /> },
      {
        path: 'documents/:id',
        // The editor (Tiptap, ProseMirror, Yjs) is the heaviest part of the app: load it on demand.
        lazy: async () => ({ Component: (await import('@roundtable/web-editor')).EditorPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
