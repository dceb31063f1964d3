import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useEntitlement } from '../api/entitlements';
import type { TaskNames } from '../api/tasks';
import { useAbilities } from '../session';

/**
 * An entitlement by name, with its app's: "Payroll admins (Payroll)", linked to its page for those
 * who may open it. `names` (a task's expanded app and entitlement) spares reading the catalog, which a
 * person without `catalog:read` cannot: for them the names come only from there (`'loading'` while
 * they are read).
 */
export function EntitlementName({
  appId,
  entitlementId,
  names,
}: {
  appId: string;
  entitlementId: string;
  names?: TaskNames | 'loading' | undefined;
}) {
  const { can } = useAbilities();
  const mayOpen = can('apps:read') && can('catalog:read');
  const given = names === 'loading' ? undefined : names;
  const known = given?.app !== undefined && given.entitlement !== undefined;
  const { app, entitlement } = useEntitlement(appId, entitlementId, mayOpen && !known && names !== 'loading');
  const name = given?.entitlement ?? entitlement.data?.appEntitlementView.appEntitlement.displayName;
  const appName = given?.app ?? app.data?.app.displayName;
  // A deleted entitlement or app has no name to show any more: its ID says what it was.
  const loading = (mayOpen && !known) || names === 'loading';
  const text = `${name ?? (loading && !entitlement.error ? '…' : `entitlement ${entitlementId}`)} (${
    appName ?? (loading && !app.error ? '…' : `app ${appId}`)
  })`;
  if (!mayOpen) return <Text span>{text}</Text>;
  return (
    <Anchor component={Link} to={`/apps/${appId}/entitlements/${entitlementId}`}>
      {text}
    </Anchor>
  );
}
