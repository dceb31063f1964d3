import {
  Button,
  Center,
  Code,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { signInOptionsQueryOptions, useSignIn } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';

export function SignInPage() {
  const options = useQuery(signInOptionsQueryOptions());
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const signIn = useSignIn();
  return (
    <Center mih="100vh" p="md">
      <main style={{ width: '100%', maxWidth: 440 }}>
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Title order={1} size="h2">
              Sign in to Roster
            </Title>
            {options.data?.oidc && (
              <>
                <Button component="a" href="/console/auth/oidc/start" size="md">
                  Sign in with single sign-on
                </Button>
                <Divider label="or with an API client" labelPosition="center" />
              </>
            )}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                signIn.mutate({ clientId, clientSecret });
              }}
            >
              <Stack>
                <TextInput
                  label="Client ID"
                  required
                  autoComplete="username"
                  value={clientId}
                  onChange={(e) => setClientId(e.currentTarget.value)}
                />
                <PasswordInput
                  label="Client secret"
                  required
                  autoComplete="current-password"
                  value={clientSecret}
                  onChange={(e) => setClientSecret(e.currentTarget.value)}
                />
                <ErrorAlert error={signIn.error} title="Sign-in failed" />
                <Button type="submit" loading={signIn.isPending}>
                  Sign in
                </Button>
              </Stack>
            </form>
            <Text size="sm" c="gray.7">
              On a new Roster the Super Admin's client ID and secret are in{' '}
              <Code>data/admin-credentials.json</Code>. Sessions end after {options.data?.idleMinutes ?? 30}{' '}
              minutes unused.
            </Text>
          </Stack>
        </Paper>
      </main>
    </Center>
  );
}
