'use client';

import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';

/**
 * The admin pages' list of editable records (milestones, annotations): an "add" button for those
 * who may manage them, the table, and the add/edit dialog when one is open.
 */
export function RecordTable<Row extends { id: string }>({
  testId,
  addTestId,
  addLabel,
  canManage,
  onAdd,
  columns,
  rows,
  emptyText,
  pageSize,
  dialog,
}: {
  testId: string;
  addTestId: string;
  addLabel: string;
  canManage: boolean;
  onAdd: () => void;
  columns: ColumnsType<Row>;
  rows: Row[];
  emptyText: string;
  /** Paginate beyond this many rows; all rows on one page when unset. */
  pageSize?: number;
  dialog: ReactNode;
}) {
  return (
    <>
      {canManage && (
        <div style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={onAdd} data-testid={addTestId}>
            {addLabel}
          </Button>
        </div>
      )}
      <Table<Row>
        data-testid={testId}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={pageSize !== undefined && rows.length > pageSize ? { pageSize, showSizeChanger: false } : false}
        locale={{ emptyText }}
      />
      {dialog}
    </>
  );
}

/** The row's edit button. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="link" size="small" icon={<EditOutlined />} onClick={onClick}>
      {label}
    </Button>
  );
}

/** The row's delete button, behind a confirmation. */
export function DeleteButton({
  label,
  confirm,
  disabled,
  onConfirm,
}: {
  label: string;
  confirm: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  return (
    <Popconfirm title={confirm} okButtonProps={{ danger: true }} onConfirm={onConfirm}>
      <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled={disabled}>
        {label}
      </Button>
    </Popconfirm>
  );
}
