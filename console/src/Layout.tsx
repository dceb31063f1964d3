import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { useOwnsCampaigns } from './api/reviews';
import { useRoleNames } from './api/roles';
import classes from './Layout.module.css';
import { useAbilities } from './session';

const SECTIONS = [
  { to: '/apps', label: 'Apps', permission: 'apps:read' },
  { to: '/people', label: 'People', permission: 'users:read' },
  { to: '/review', label: 'Access review', permission: 'grants:read' },
  // Every signed-in person asks for access and decides what is assigned to them (tasks:self).
  { to: '/requests', label: 'My requests', permission: 'tasks:self' },
  { to: '/approvals', label: 'Approvals', permission: 'tasks:self' },
  // Reviewers are whoever a campaign's policy names: everyone has a queue, empty or not.
  { to: '/my-reviews', label: 'My reviews', permission: 'tasks:self' },
  // Admins who read every campaign, and (below) the owners of one.
  { to: '/campaigns', label: 'Campaigns', permission: 'access_reviews:read' },
  { to: '/policies', label: 'Policies', permission: 'policies:read' },
  { to: '/bulk-actions', label: 'Bulk actions', permission: 'bulk_actions:read' },
  { to: '/audit', label: 'Audit log', permission: 'system_log:read' },
  { to: '/scim', label: 'SCIM connections', permission: 'scim:read' },
  // App Admins see the webhooks limited to apps they own.
  { to: '/webhooks', label: 'Webhooks', permission: ['webhooks:read', 'webhooks:own'] },
  { to: '/settings', label: 'Settings', permission: 'clients:own' },
];

export function Layout() {
  const { session, can, signOut } = useAbilities();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const roleNames = useRoleNames();
  // Every signed-in person may own a campaign; the section shows for those who own one.
  const ownsCampaigns = useOwnsCampaigns(!can('access_reviews:read'));
  const shown = (permission: string) =>
    can(permission) || (permission === 'access_reviews:read' && ownsCampaigns);
  return (
    <AppShell
      header={{ height: 56 }}
      // Below 992 px the sections fold behind the menu button.
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Menu" />
            <Title order={1} size="h3">
              Roster
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Text size="sm" visibleFrom="xs" data-testid="signed-in-as">
              {session.user.displayName || session.user.email}
            </Text>
            <Text size="sm" c="gray.7" visibleFrom="sm" data-testid="signed-in-roles">
              {session.roleIds.flatMap((id) => roleNames.get(id) ?? []).join(', ')}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {SECTIONS.filter((s) => [s.permission].flat().some(shown)).map((s) => (
          <NavLink
            key={s.to}
            component={RouterLink}
            to={s.to}
            label={s.label}
            active={location.pathname.startsWith(s.to)}
            variant="filled"
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
