import { Alert, Text } from '@mantine/core';
import { ApiError } from '../api/client';

/** The API's own message and what the person can do about it. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  // The theme's error colours: a dark red title and near-black text on the light red tint (WCAG AA).
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {error instanceof ApiError && (
        <Text size="sm" mt={4}>
          {error.advice}
        </Text>
      )}
    </Alert>
  );
}
