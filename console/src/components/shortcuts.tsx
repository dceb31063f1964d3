import { Checkbox, Kbd, Table } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { Dialog } from './Dialog';

/** Keys and what they do, as a help dialog lists them. */
export type Shortcuts = readonly (readonly [keys: string[], what: string])[];

/** Keys typed into a text field are text, not shortcuts; checkboxes and buttons pass them on. */
function typing(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type);
}

/** Page-wide shortcuts that keep quiet while a dialog is open or the person is typing. */
export function usePageKeys(keys: [string, () => void][], paused: boolean) {
  const shortcut = (run: () => void) => (event: KeyboardEvent) => {
    if (paused || typing(event)) return;
    event.preventDefault();
    run();
  };
  useHotkeys(
    keys.map(([key, run]) => [key, shortcut(run), { preventDefault: false }]),
    [],
  );
}

/**
 * A keyboard cursor over a list's rows: the ID of the row it is on (so it stays on that row as the
 * list changes), moved by j/k; the row it lands on takes focus, so a screen reader says which it is.
 */
export function useCursor(ids: readonly string[], rowId: (id: string) => string) {
  const [cursorId, setCursorId] = useState<string | undefined>();
  const [moved, setMoved] = useState(0);
  const index = ids.indexOf(cursorId ?? '');
  const move = (by: number) => {
    if (ids.length === 0) return;
    const next = index < 0 ? (by > 0 ? 0 : ids.length - 1) : index + by;
    setCursorId(ids[Math.max(0, Math.min(ids.length - 1, next))]);
    setMoved((n) => n + 1);
  };
  /** Puts the cursor on a row (after the one just decided, say). */
  const put = (id: string | undefined) => {
    setCursorId(id);
    setMoved((n) => n + 1);
  };
  useEffect(() => {
    if (moved > 0 && cursorId) document.getElementById(rowId(cursorId))?.focus();
  }, [moved, cursorId, rowId]);
  return { cursorId, index, move, put };
}

/** The table of a page's keyboard shortcuts, in a dialog. */
export function ShortcutsDialog({
  caption,
  shortcuts,
  onClose,
}: {
  caption: string;
  shortcuts: Shortcuts;
  onClose: () => void;
}) {
  return (
    <Dialog opened onClose={onClose} title="Keyboard shortcuts">
      <Table>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Keys</Table.Th>
            <Table.Th scope="col">What they do</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (keys[0] === 'Ctrl' ? ' + ' : ' or ')}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Dialog>
  );
}

/**
 * The first column of a keyboard-driven queue: a checkbox per row that may be chosen, and one in the
 * header that chooses or clears every choosable row of the page.
 */
export function chooseColumn<Row>({
  everyLabel,
  labelOf,
  idOf,
  choosable,
  selected,
  setSelected,
  toggle,
}: {
  readonly everyLabel: string;
  readonly labelOf: (row: Row) => string;
  readonly idOf: (row: Row) => string;
  /** The rows of the page that may be chosen. */
  readonly choosable: readonly Row[];
  readonly selected: ReadonlySet<string>;
  readonly setSelected: (next: Set<string>) => void;
  readonly toggle: (id: string) => void;
}): ColumnDef<Row, unknown> {
  const choosableIds = new Set(choosable.map(idOf));
  const chosen = choosable.filter((row) => selected.has(idOf(row)));
  return {
    header: () => (
      <Checkbox
        aria-label={everyLabel}
        checked={choosable.length > 0 && chosen.length === choosable.length}
        indeterminate={chosen.length > 0 && chosen.length < choosable.length}
        onChange={() => setSelected(chosen.length === choosable.length ? new Set() : new Set(choosableIds))}
      />
    ),
    id: 'choose',
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Choose ${labelOf(row.original)}`}
        checked={selected.has(idOf(row.original))}
        disabled={!choosableIds.has(idOf(row.original))}
        onChange={() => toggle(idOf(row.original))}
      />
    ),
  };
}
