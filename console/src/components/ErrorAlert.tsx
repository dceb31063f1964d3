import { Alert, Text } from '@mantine/core';
import { ApiError } from '../api/client';

/** The API's own message and what the person can do about it. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red.9" variant="light" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {error instanceof ApiError && (
        <Text size="sm" mt={4}>
          {error.advice}
        </Text>
      )}
    </Alert>
  );
}
