import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Task, useReassignTask, useTaskNote } from '../api/tasks';
import { Dialog } from './Dialog';
import { ErrorAlert } from './ErrorAlert';
import { PeoplePicker } from './PeoplePicker';
import { TextAnswerForm } from './TextAnswerForm';

/** A note on one task, for its requester and approvers; Ctrl+Enter adds it. */
export function CommentDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const note = useTaskNote(task.id, 'comment', onClose);
  return (
    <Dialog opened onClose={onClose} title={`Comment on ${task.displayName}`}>
      <TextAnswerForm
        label="Comment"
        description="The requester and the approvers read it. Ctrl+Enter adds it."
        required
        submitLabel="Add comment"
        loading={note.isPending}
        onSubmit={(comment) => note.mutate(comment)}
        onCancel={onClose}
      >
        <ErrorAlert error={note.error} title="The comment was not added" />
      </TextAnswerForm>
    </Dialog>
  );
}

/**
 * Hands the task's current step to other people. People who may look through the directory pick
 * them by name; others give their user IDs.
 */
export function ReassignDialog({
  task,
  canSearchPeople,
  onClose,
}: {
  task: Task;
  canSearchPeople: boolean;
  onClose: () => void;
}) {
  const [userIds, setUserIds] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [comment, setComment] = useState('');
  const reassign = useReassignTask(onClose);
  const chosen = canSearchPeople
    ? userIds
    : typed
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter(Boolean);
  return (
    <Dialog opened onClose={onClose} title={`Reassign ${task.displayName}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen.length > 0)
            reassign.mutate({ task, userIds: chosen, comment: comment.trim() || undefined });
        }}
      >
        <Stack>
          {canSearchPeople ? (
            <PeoplePicker label="Who decides instead" value={userIds} onChange={setUserIds} />
          ) : (
            <TextInput
              label="Who decides instead"
              description="Their user IDs, separated by commas"
              required
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              data-autofocus
            />
          )}
          <Textarea
            label="Reason"
            description="Needed when the policy asks for one."
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <ErrorAlert error={reassign.error} title="The request was not reassigned" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={chosen.length === 0} loading={reassign.isPending}>
              Reassign
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
