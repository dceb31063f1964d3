import {
  Alert,
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
import { useEffect, useRef, useState } from 'react';
import { sessionEnded, signInOptionsQueryOptions, useSignIn } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { minutes } from '../components/numbers';

export function SignInPage() {
  const options = useQuery(signInOptionsQueryOptions());
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const signIn = useSignIn();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const idleMinutes = options.data?.idleMinutes ?? 30;
  return (
    <Center mih="100vh" p="md">
      <main style={{ width: '100%', maxWidth: 440 }}>
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Title order={1} size="h2">
              Sign in to Roster
            </Title>
            {sessionEnded() && (
              <Alert color="red" title="Your session has ended" role="status">
                It was unused for {minutes(idleMinutes)}, or reached its time limit. Sign in again to go on
                where you were.
              </Alert>
            )}
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
                  ref={first}
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
              <Code>{options.data?.credentialsFile ?? 'admin-credentials.json in its data folder'}</Code>.
              Sessions end after {minutes(idleMinutes)} unused.
            </Text>
          </Stack>
        </Paper>
      </main>
    </Center>
  );
}
