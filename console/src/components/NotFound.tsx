import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

export interface Way {
  readonly to: string;
  readonly label: string;
}

/** A page for something that does not exist (or no longer does), with a way back and nothing to act on. */
export function NotFound({ what, back }: { what: string; back: Way }) {
  return (
    <Stack align="flex-start">
      <Title order={2}>Not found</Title>
      <Text>There is no {what} at this address. It may have been deleted, or the link may be mistyped.</Text>
      <Anchor component={Link} to={back.to}>
        ← {back.label}
      </Anchor>
    </Stack>
  );
}

/** Why a page's subject could not be shown: a not-found page when it does not exist, else the error. */
export function LoadFailure({ error, what, back }: { error: unknown; what: string; back: Way }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound what={what} back={back} />;
  return <ErrorAlert error={error} title={`This ${what} could not be loaded`} />;
}

/**
 * Why an entitlement's page cannot be shown, if it cannot: its app or the entitlement itself is missing
 * (a not-found page leading to what does exist), or could not be read.
 */
export function entitlementFailure(appId: string, appError: unknown, entitlementError: unknown) {
  if (appError instanceof ApiError && appError.status === 404)
    return <NotFound what="app" back={{ to: '/apps', label: 'Apps' }} />;
  if (entitlementError)
    return (
      <LoadFailure
        error={entitlementError}
        what="entitlement"
        back={{ to: `/apps/${appId}`, label: 'The app' }}
      />
    );
  return undefined;
}
