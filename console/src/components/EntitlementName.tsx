import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useEntitlement } from '../api/entitlements';

/** An entitlement by name, with its app's, linked to its page: "Payroll admins (Payroll)". */
export function EntitlementName({ appId, entitlementId }: { appId: string; entitlementId: string }) {
  const { app, entitlement } = useEntitlement(appId, entitlementId);
  const name = entitlement.data?.appEntitlementView.appEntitlement.displayName;
  // A deleted entitlement or app has no name to show any more: its ID says what it was.
  return (
    <Anchor component={Link} to={`/apps/${appId}/entitlements/${entitlementId}`}>
      {name ?? (entitlement.error ? `entitlement ${entitlementId}` : '…')} (
      {app.data?.app.displayName ?? (app.error ? `app ${appId}` : '…')})
    </Anchor>
  );
}
