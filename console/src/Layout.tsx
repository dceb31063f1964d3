import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { useAbilities } from './session';

const SECTIONS = [
  { to: '/apps', label: 'Apps', permission: 'apps:read' },
  { to: '/people', label: 'People', permission: 'users:read' },
  { to: '/review', label: 'Access review', permission: 'grants:read' },
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
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h3">
              Roster
            </Title>
          </Group>
          <Group wrap="nowrap" gap="sm">
            <Text size="sm" visibleFrom="xs" data-testid="signed-in-as">
              {session.user.displayName || session.user.email}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Sections">
        {SECTIONS.filter((s) => [s.permission].flat().some(can)).map((s) => (
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
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
