import { invalidArgument } from '../lib/errors.js';

/**
 * How each writable wire field of an entity becomes column values. The rule receives the field's
 * value, or `undefined` when a mask names a field the body leaves out: a masked field that is
 * absent is cleared, as google.protobuf.FieldMask defines.
 */
export type UpdateRules<Input, Row> = {
  [K in keyof Input]?: (value: Exclude<Input[K], null> | undefined) => Partial<Row>;
};

export interface UpdatePlan<Row> {
  /** Only the columns whose value actually changes. */
  readonly changes: Partial<Row>;
  /** The wire fields behind those changes, for the system-log event. */
  readonly fields: string[];
}

/**
 * The update rules of CONTRACT.md §7.6: with an `updateMask`, exactly the listed fields; without
 * one, every writable field present (non-null) in the body. Server-set fields (`readOnly`) are never
 * written, whether masked or sent; a mask path that names no field of the entity is a 400, since it
 * is almost always a typo the client wants to hear about.
 */
export function planUpdate<Input extends object, Row extends object>(
  entity: string,
  current: Row,
  input: Input | null | undefined,
  mask: readonly string[] | undefined,
  rules: UpdateRules<Input, Row>,
  readOnly: readonly string[],
): UpdatePlan<Row> {
  // Mask paths are client text: looked up in Maps, `toString` or `constructor` is no field of
  // anything, where a plain object would answer with Object.prototype's members.
  const body = new Map(Object.entries(input ?? {}));
  const byField = new Map(
    Object.entries(rules as Record<string, ((value: unknown) => Partial<Row>) | undefined>),
  );
  const paths =
    mask ?? [...byField.keys()].filter((field) => body.get(field) !== undefined && body.get(field) !== null);

  const changes: Record<string, unknown> = {};
  const fields: string[] = [];
  const before = new Map(Object.entries(current));
  for (const path of new Set(paths)) {
    const rule = byField.get(path);
    if (!rule) {
      if (readOnly.includes(path)) continue;
      throw invalidArgument(
        `updateMask names "${path}", which is not a field of ${entity}`,
        'INVALID_UPDATE_MASK',
        {
          path,
        },
      );
    }
    let changed = false;
    for (const [column, value] of Object.entries(rule(body.get(path) ?? undefined))) {
      if (!sameValue(before.get(column), value)) {
        changes[column] = value;
        changed = true;
      }
    }
    if (changed) fields.push(path);
  }
  return { changes: changes as Partial<Row>, fields };
}

/** Columns hold scalars or, decoded by their repository, lists of scalars. */
function sameValue(before: unknown, after: unknown): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    return before.length === after.length && before.every((item, index) => item === after[index]);
  }
  return before === after;
}

/** A display name may be changed but never emptied. */
export function requiredName(entity: string) {
  return (value: string | undefined): { display_name: string } => {
    if (!value) throw invalidArgument(`${entity} displayName must not be empty`, 'DISPLAY_NAME_REQUIRED');
    return { display_name: value };
  };
}

/** A flag the mask clears is false. */
export const flag = (value: boolean | undefined): boolean => value ?? false;
