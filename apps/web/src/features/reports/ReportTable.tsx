import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Reports.module.css';

export interface ReportTableRow {
  key: string;
  /** The row's heading cell (a team, skill, role...): a row header for screen readers. */
  header: ReactNode;
  cells: ReactNode[];
}

/**
 * The reports' tables: column headers, a row header per row, scrolling sideways on a narrow screen
 * rather than squeezing. Every report view draws its figures through this one table.
 */
export function ReportTable({ columns, rows, caption, striped = false }: { columns: readonly string[]; rows: readonly ReportTableRow[]; caption?: ReactNode; striped?: boolean }) {
  return (
    <div className={classes.tableScroll}>
      <Table striped={striped}>
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.header}
              </Table.Th>
              {row.cells.map((cell, i) => (
                <Table.Td key={i}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
