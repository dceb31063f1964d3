import { Button, Group, Stack, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { type ReactNode, useRef, useState } from 'react';

/**
 * A dialog's answer in one text box: Ctrl+Enter submits it, as the submit button does, with the
 * text trimmed; a required box must hold more than spaces. `children` stand between the box and the
 * buttons (a note, an error).
 */
export function TextAnswerForm({
  label,
  description,
  required,
  submitLabel,
  submitColor,
  loading,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  description: string;
  required: boolean;
  submitLabel: string;
  submitColor?: string | undefined;
  loading?: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [text, setText] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const missing = required && text.trim() === '';
  return (
    <form
      ref={form}
      onSubmit={(event) => {
        event.preventDefault();
        if (!missing && !loading) onSubmit(text.trim());
      }}
    >
      <Stack>
        <Textarea
          label={label}
          description={description}
          required={required}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => form.current?.requestSubmit()]])}
          data-autofocus
        />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={submitColor} loading={loading} disabled={missing}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
