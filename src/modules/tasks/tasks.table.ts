import type { Audited, Flag, JsonText, Timestamp } from '../../db/columns.js';

export interface TasksTable extends Audited {
  id: string;
  numeric_id: number;
  /** `grant`, `revoke`, `offboarding` or `certify`. */
  task_type: string;
  state: string;
  outcome: string;
  outcome_time: Timestamp | null;
  app_id: string;
  app_entitlement_id: string;
  app_user_id: string;
  identity_user_id: string;
  created_by_user_id: string;
  description: string;
  grant_duration: string | null;
  emergency_access: Flag;
  origin: string;
  policy_id: string;
  policy_generation: number;
  /** JSON array of PolicyStep: the policy's steps when the task was opened. */
  policy_steps: JsonText;
  /** JSON array of StepInstance (task-steps.ts): the steps reached, the last current while open. */
  step_instances: JsonText;
  /** JSON array of the user IDs who may act on the current step. */
  step_approver_ids: JsonText;
  comment_count: number;
  /** When the current step next needs the system: a wait's end or an escalation; null if never. */
  due_at: Timestamp | null;
  /** Where in `step_instances` the current run of the policy begins (0 until a restart). */
  step_base: number;
  /** JSON object: the grant request's data (`requestData`), or null. */
  request_data: JsonText | null;
  /** A certify task's access review (campaign); null for every other task. */
  access_review_id: string | null;
}

export interface TaskAssigneesTable {
  task_id: string;
  user_id: string;
}

export interface TaskAuditsTable {
  id: string;
  task_id: string;
  kind: string;
  actor_user_id: string | null;
  details: JsonText;
  created_at: Timestamp;
}

/** The tables the tasks module owns; src/db/schema.ts combines every module's into `Database`. */
export interface TasksTables {
  tasks: TasksTable;
  task_assignees: TaskAssigneesTable;
  task_audits: TaskAuditsTable;
}
