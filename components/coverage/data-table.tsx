'use client';

import { useState, type HTMLAttributes, type ReactNode } from 'react';
import styles from './data-table.module.css';

export interface DataColumn<T> {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'right';
  width?: number;
  /** Makes the header a sort button. */
  sorter?: (a: T, b: T) => number;
}

export type SortOrder = 'ascend' | 'descend';

interface Props<T> {
  columns: DataColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Extra attributes per row (data-* hooks, class names). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  defaultSort?: { key: string; order: SortOrder };
  emptyText: ReactNode;
  /** Accessible name of the table. */
  label: string;
  sortLabel: (column: string) => string;
  'data-testid'?: string;
  /** Scroll inside a box of at most 480 px (header stays visible). */
  scroll?: boolean;
}

const NEXT_ORDER: Record<SortOrder | 'none', SortOrder | null> = { none: 'ascend', ascend: 'descend', descend: null };

/**
 * A plain semantic table with sortable columns (a header button cycles ascending, descending,
 * unsorted; aria-sort tells screen readers). The dashboard's tables need no more than this, and
 * antd's Table would add about 60 kB of JavaScript to the page.
 */
export function DataTable<T>({ columns, rows, rowKey, rowProps, defaultSort, emptyText, label, sortLabel, scroll, ...rest }: Props<T>) {
  const [sort, setSort] = useState<{ key: string; order: SortOrder } | null>(defaultSort ?? null);
  const sortColumn = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const sorted =
    sort && sortColumn?.sorter
      ? [...rows].sort((a, b) => (sort.order === 'ascend' ? 1 : -1) * sortColumn.sorter!(a, b))
      : rows;

  const table = (
    <table className={styles.table} aria-label={label} data-testid={rest['data-testid']}>
      <thead>
        <tr>
          {columns.map((c) => {
            const order = sort?.key === c.key ? sort.order : null;
            const className = c.align === 'right' ? styles.right : undefined;
            return (
              <th
                key={c.key}
                scope="col"
                className={className}
                style={c.width ? { width: c.width } : undefined}
                aria-sort={order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : c.sorter ? 'none' : undefined}
              >
                {c.sorter ? (
                  <button
                    type="button"
                    className={styles.sortButton}
                    title={sortLabel(typeof c.title === 'string' ? c.title : c.key)}
                    onClick={() => {
                      const next = NEXT_ORDER[order ?? 'none'];
                      setSort(next ? { key: c.key, order: next } : null);
                    }}
                  >
                    {c.title}
                    <span aria-hidden className={`${styles.sortIcon} ${order ? styles.sortIconActive : ''}`}>
                      {order === 'ascend' ? '▲' : order === 'descend' ? '▼' : '▲▼'}
                    </span>
                  </button>
                ) : (
                  c.title
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className={styles.empty}>
              {emptyText}
            </td>
          </tr>
        ) : (
          sorted.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.align === 'right' ? styles.right : undefined}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
  return scroll ? <div className={styles.scroll}>{table}</div> : table;
}

/** A thin progress bar (antd's Progress look) for a percentage cell. */
export function PercentBar({ percent }: { percent: number }) {
  return (
    <span className={styles.bar} aria-hidden>
      <span className={styles.barFill} style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </span>
  );
}

export { styles as dataTableStyles };
