import { Modal, type ModalProps, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { ConfirmButtons } from './forms';

/** A Mantine modal whose close button has a name screen readers can say (axe: button-name). */
export function Dialog(props: ModalProps) {
  return <Modal closeButtonProps={{ 'aria-label': 'Close' }} {...props} />;
}

interface ConfirmDialogProps {
  readonly title: string;
  /** What the change does, in words. */
  readonly question: ReactNode;
  readonly confirmLabel: string;
  /** Said above the API's error when the change is refused. */
  readonly errorTitle: string;
  readonly change: { readonly isPending: boolean; readonly error: unknown };
  readonly onConfirm: () => void;
  readonly onClose: () => void;
  /** Shown in place of the question once the change is made (a secret shown once), if anything. */
  readonly done?: ReactNode;
}

/** Asks before a change that removes or replaces something, and shows why it was refused if it was. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog opened onClose={props.onClose} title={props.title}>
      {props.done ?? (
        <Stack>
          <Text>{props.question}</Text>
          <ErrorAlert error={props.change.error} title={props.errorTitle} />
          <ConfirmButtons
            confirmLabel={props.confirmLabel}
            pending={props.change.isPending}
            onCancel={props.onClose}
            onConfirm={props.onConfirm}
          />
        </Stack>
      )}
    </Dialog>
  );
}
