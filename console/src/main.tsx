import '@mantine/core/styles.css';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { ErrorAlert } from './components/ErrorAlert';
import { NotFound } from './components/NotFound';
import { Layout } from './Layout';
import { AddMembersPage } from './pages/AddMembersPage';
import { AppPage } from './pages/AppPage';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { AppsPage } from './pages/AppsPage';
import { AuditPage } from './pages/AuditPage';
import { BulkActionPage } from './pages/BulkActionPage';
import { BulkActionsPage } from './pages/BulkActionsPage';
import { CampaignFormPage } from './pages/CampaignFormPage';
import { CampaignPage } from './pages/CampaignPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { EntitlementPage } from './pages/EntitlementPage';
import { MyRequestsPage } from './pages/MyRequestsPage';
import { MyReviewsPage } from './pages/MyReviewsPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';
import { PoliciesPage } from './pages/PoliciesPage';
import { PolicyFormPage } from './pages/PolicyFormPage';
import { PolicyPage } from './pages/PolicyPage';
import { RequestAccessPage } from './pages/RequestAccessPage';
import { ReviewPage } from './pages/ReviewPage';
import { ScimConnectionsPage } from './pages/ScimConnectionsPage';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';
import { TaskPage } from './pages/TaskPage';
import { WebhookPage } from './pages/WebhookPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { SessionProvider, useAbilities, useSessionQuery } from './session';
import { cssVariables, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing thing will not appear by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Apps for those who may read them; everyone else (a person with no role) starts at their requests. */
function Home() {
  const { can } = useAbilities();
  return <Navigate to={can('apps:read') ? '/apps' : '/requests'} replace />;
}

const router = createBrowserRouter(
  [
    {
      path: '/',
      element: <Layout />,
      children: [
        { index: true, element: <Home /> },
        { path: 'apps', element: <AppsPage /> },
        { path: 'apps/:appId', element: <AppPage /> },
        { path: 'apps/:appId/entitlements/:entitlementId', element: <EntitlementPage /> },
        { path: 'apps/:appId/entitlements/:entitlementId/add', element: <AddMembersPage /> },
        { path: 'people', element: <PeoplePage /> },
        { path: 'people/:userId', element: <PersonPage /> },
        { path: 'policies', element: <PoliciesPage /> },
        { path: 'policies/new', element: <PolicyFormPage /> },
        { path: 'policies/:policyId', element: <PolicyPage /> },
        { path: 'policies/:policyId/edit', element: <PolicyFormPage /> },
        { path: 'review', element: <ReviewPage /> },
        { path: 'requests', element: <MyRequestsPage /> },
        { path: 'requests/new', element: <RequestAccessPage /> },
        { path: 'requests/:taskId', element: <TaskPage /> },
        { path: 'approvals', element: <ApprovalsPage /> },
        { path: 'my-reviews', element: <MyReviewsPage /> },
        { path: 'campaigns', element: <CampaignsPage /> },
        { path: 'campaigns/new', element: <CampaignFormPage /> },
        { path: 'campaigns/:campaignId', element: <CampaignPage /> },
        { path: 'bulk-actions', element: <BulkActionsPage /> },
        { path: 'bulk-actions/:bulkActionId', element: <BulkActionPage /> },
        { path: 'audit', element: <AuditPage /> },
        { path: 'scim', element: <ScimConnectionsPage /> },
        { path: 'webhooks', element: <WebhooksPage /> },
        { path: 'webhooks/:webhookId', element: <WebhookPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <NotFound what="page" back={{ to: '/apps', label: 'Apps' }} /> },
      ],
    },
  ],
  { basename: '/console' },
);

function Root() {
  const session = useSessionQuery();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (session.error) return <ErrorAlert error={session.error} title="Roster cannot be reached" />;
  if (!session.data) return <SignInPage />;
  return (
    <SessionProvider session={session.data}>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
        <QueryClientProvider client={queryClient}>
          <Root />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
