import { Button, Center, Group, Loader, Table, Text } from '@mantine/core';
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { ComponentPropsWithoutRef } from 'react';
import classes from './DataTable.module.css';
import { ErrorAlert } from './ErrorAlert';

export interface Pager {
  readonly page: number;
  readonly hasNext: boolean;
  next(): void;
  previous(): void;
}

interface Props<T> {
  readonly caption: string;
  readonly data: T[] | undefined;
  readonly columns: ColumnDef<T, unknown>[];
  readonly loading?: boolean;
  readonly error?: unknown;
  readonly empty: string;
  readonly pager?: Pager;
  /** Extra attributes of a body row (the row a keyboard cursor is on). */
  readonly rowProps?: (
    row: T,
    index: number,
  ) => ComponentPropsWithoutRef<'tr'> & Record<`data-${string}`, unknown>;
}

/**
 * A table of rows from TanStack Table, drawn with Mantine, with loading, empty, error and paging states;
 * on a narrow screen its rows stack, each cell under its column's name.
 */
export function DataTable<T>({ caption, data, columns, loading, error, empty, pager, rowProps }: Props<T>) {
  const table = useReactTable({ data: data ?? [], columns, getCoreRowModel: getCoreRowModel() });
  return (
    <div>
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={0}>
        <Table
          className={classes.stacked}
          striped
          highlightOnHover
          verticalSpacing="xs"
          aria-busy={loading ? 'true' : 'false'}
        >
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => (
                  <Table.Th key={header.id} scope="col">
                    {header.isPlaceholder
                      ? null
                      : flexRender(header.column.columnDef.header, header.getContext())}
                  </Table.Th>
                ))}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id} {...rowProps?.(row.original, row.index)}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} data-label={headerText(cell.column.columnDef.header)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loading && (
        <Center p="md">
          <Loader size="sm" role="status" aria-label="Loading" />
        </Center>
      )}
      {!loading && !error && data?.length === 0 && (
        <Text c="gray.7" p="md" ta="center">
          {empty}
        </Text>
      )}
      {pager && (pager.page > 1 || pager.hasNext) && (
        <Group justify="flex-end" mt="xs">
          <Button variant="default" size="xs" disabled={pager.page <= 1} onClick={pager.previous}>
            Previous page
          </Button>
          <Text size="sm">Page {pager.page}</Text>
          <Button variant="default" size="xs" disabled={!pager.hasNext} onClick={pager.next}>
            Next page
          </Button>
        </Group>
      )}
    </div>
  );
}

/** A column's header as plain text, for the label of a stacked cell. */
const headerText = (header: unknown) => (typeof header === 'string' ? header : '');
