import type { Audited, Flag, JsonText } from '../../db/columns.js';

export interface PoliciesTable extends Audited {
  id: string;
  display_name: string;
  description: string;
  /** POLICY_TYPE_GRANT, POLICY_TYPE_REVOKE or POLICY_TYPE_CERTIFY. */
  policy_type: string;
  /** JSON array of the policy's steps in their wire form, normalised (policy-steps.ts). */
  steps: JsonText;
  /** JSON array of PolicyPostActions. */
  post_actions: JsonText;
  system_builtin: Flag;
  /** Counts the changes to the steps; a task's step instances name the generation they came from. */
  generation: number;
}

/** The tables the policies module owns; src/db/schema.ts combines every module's into `Database`. */
export interface PoliciesTables {
  policies: PoliciesTable;
}
