import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { reasonRequiredOf, type StepAction, type Task, useDecideTask } from '../api/tasks';
import { Dialog } from './Dialog';
import { count } from './numbers';
import { TextAnswerForm } from './TextAnswerForm';

interface Answer {
  readonly task: Task;
  readonly error?: string;
}

/**
 * Approves or denies one or several tasks, each with the same reason (required to deny), one after
 * the other; says how each was answered, since one may be refused while the others pass.
 */
export function DecideDialog({
  tasks,
  action,
  onClose,
}: {
  tasks: Task[];
  action: StepAction;
  onClose: (answered: Task[]) => void;
}) {
  const decide = useDecideTask();
  const [answers, setAnswers] = useState<Answer[] | undefined>();
  const [running, setRunning] = useState(false);
  const verb = action === 'approve' ? 'Approve' : 'Deny';
  // Denying always takes a reason; approving does when a task's step asks for one.
  const reasonRequired = action === 'deny' || tasks.some((task) => reasonRequiredOf(task, action));
  const what = tasks.length === 1 ? (tasks[0]?.displayName ?? '') : count(tasks.length, 'request');
  const run = async (reason: string) => {
    setRunning(true);
    const done: Answer[] = [];
    for (const task of tasks) {
      try {
        await decide.mutateAsync({ task, action, comment: reason || undefined });
        done.push({ task });
      } catch (error) {
        done.push({ task, error: error instanceof ApiError ? error.message : String(error) });
      }
    }
    setAnswers(done);
    setRunning(false);
  };
  const close = () => onClose((answers ?? []).filter((a) => !a.error).map((a) => a.task));
  return (
    <Dialog opened onClose={close} title={`${verb} ${what}?`}>
      {answers ? (
        <Stack>
          <List data-testid="decide-answers">
            {answers.map((a) => (
              <List.Item key={a.task.id}>
                {a.task.displayName}:{' '}
                {a.error ? `refused: ${a.error}` : action === 'approve' ? 'approved' : 'denied'}
              </List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <TextAnswerForm
          label={action === 'approve' ? 'Comment' : 'Reason for denying'}
          description={
            action === 'approve' && !reasonRequired
              ? 'Optional; the requester reads it. Ctrl+Enter answers.'
              : 'Required by the policy; the requester reads it. Ctrl+Enter answers.'
          }
          required={reasonRequired}
          submitLabel={verb}
          submitColor={action === 'deny' ? 'red.9' : undefined}
          loading={running}
          onSubmit={(reason) => void run(reason)}
          onCancel={close}
        >
          <Text size="sm" c="gray.7">
            {tasks.length === 1
              ? 'Roster records who decided and when.'
              : `Each of the ${count(tasks.length, 'request')} is answered on its own; you see each answer.`}
          </Text>
        </TextAnswerForm>
      )}
    </Dialog>
  );
}
