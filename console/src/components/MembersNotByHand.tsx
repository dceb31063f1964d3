import { Alert, Text } from '@mantine/core';
import type { Entitlement } from '../api/types';

/**
 * Why an entitlement's members cannot be changed here: an identity provider owns it (a SCIM group,
 * its connection in `sourceConnectorIds`), so Roster refuses hand changes and the page offers none.
 */
export function MembersNotByHand({ entitlement }: { entitlement: Entitlement | undefined }) {
  if (!entitlement || entitlement.isManuallyManaged) return null;
  const connectionId = Object.keys(entitlement.sourceConnectorIds ?? {})[0];
  return (
    <Alert color="blue" variant="light" title="Read-only: members come from an identity provider">
      <Text size="sm">
        {connectionId
          ? `This entitlement is a group of SCIM connection ${connectionId}. Its members change only through SCIM: add or remove them in the identity provider.`
          : 'This entitlement is not manually managed, so its members cannot be changed by hand.'}
      </Text>
    </Alert>
  );
}
