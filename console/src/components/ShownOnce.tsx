import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';

/**
 * A secret Roster shows only in the answer that made it (a SCIM token, a webhook signing secret):
 * the value, a copy button, and the warning that it will not be shown again.
 */
export function ShownOnce({
  label,
  value,
  onDone,
  children,
}: {
  /** What the secret is, as the person names it: "Token", "Signing secret". */
  readonly label: string;
  readonly value: string;
  readonly onDone: () => void;
  /** What else to configure with it, above the secret. */
  readonly children?: ReactNode;
}) {
  return (
    <Stack>
      {/* Dark title text: Mantine's yellow on its light tint is 2.7:1, under WCAG AA. */}
      <Alert
        color="yellow"
        title={`Copy the ${label.toLowerCase()} now`}
        styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
      >
        You will not see it again: Roster does not show it after this. If it is lost, issue a new one.
      </Alert>
      {children}
      <Text size="sm">{label}</Text>
      <WrappedCode data-testid="shown-once">{value}</WrappedCode>
      <Group justify="flex-end">
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button onClick={copy}>{copied ? 'Copied' : `Copy ${label.toLowerCase()}`}</Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}

/** A long value (a secret, a URL) wrapped onto several lines rather than a region to scroll. */
export function WrappedCode(props: ComponentProps<typeof Code>) {
  return <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} {...props} />;
}
