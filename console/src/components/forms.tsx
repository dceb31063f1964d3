import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from './ErrorAlert';

export interface Named {
  displayName: string;
  description: string;
}

interface NameFormProps {
  readonly initial?: Named;
  /** Ask for a description as well as a name. */
  readonly described?: boolean;
  readonly submitLabel: string;
  readonly errorTitle: string;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onSubmit: (values: Named) => void;
  /** Further fields, between the name and the error. */
  readonly children?: ReactNode;
}

/** The name (and description) form that creating and editing apps, entitlements and clients share. */
export function NameForm(props: NameFormProps) {
  const [displayName, setDisplayName] = useState(props.initial?.displayName ?? '');
  const [description, setDescription] = useState(props.initial?.description ?? '');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit({ displayName, description });
      }}
    >
      <Stack>
        <TextInput
          label="Name"
          // A dialog opens with the focus here, not on its close button.
          data-autofocus
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        {props.described && (
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
        )}
        {props.children}
        <ErrorAlert error={props.error} title={props.errorTitle} />
        <Button type="submit" loading={props.pending}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

interface ConfirmProps {
  readonly cancelLabel?: string;
  readonly confirmLabel: string;
  readonly pending: boolean;
  readonly disabled?: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
}

/** The buttons under a question that changes or removes something. */
export function ConfirmButtons(props: ConfirmProps) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {props.cancelLabel ?? 'Cancel'}
      </Button>
      <Button color="red.9" disabled={props.disabled} loading={props.pending} onClick={props.onConfirm}>
        {props.confirmLabel}
      </Button>
    </Group>
  );
}
