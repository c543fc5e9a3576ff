'use client';

import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { FormProblem } from '@/components/admin/form-problem';
import { useActionForm } from '@/components/admin/use-action-form';
import {
  createUserAction,
  disableUserAction,
  enableUserAction,
  resetPasswordAction,
  updateUserRoleAction,
} from '@/lib/users/actions';
import type { InstitutionOption, UserDto } from '@/lib/users/queries';
import { ROLES, type UserRole } from '@/lib/users/schema';
import { localized } from '@/lib/i18n/localized';

export interface UserAdminProps {
  users: UserDto[];
  institutions: InstitutionOption[];
  /** The signed-in admin, who cannot disable or demote themselves. */
  viewerId: string;
}

type Dialog = { kind: 'create' } | { kind: 'role'; user: UserDto } | { kind: 'password'; user: UserDto } | null;

interface UserFormValues {
  email?: string;
  name?: string;
  role?: UserRole;
  institutionCode?: string | null;
  password?: string;
}

/** Users table with create, role change, disable/enable and password reset. */
export function UserAdmin({ users, institutions, viewerId }: UserAdminProps) {
  const t = useTranslations('users');
  const locale = useLocale();
  const format = useFormatter();
  const [dialog, setDialogState] = useState<Dialog>(null);
  // The dialog is unmounted on close, before antd could give focus back: the button that opened
  // it gets it back here, so keyboard users carry on where they were.
  const opener = useRef<HTMLElement | null>(null);
  const setDialog = (next: Dialog) => {
    if (next) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialogState(next);
    if (!next) requestAnimationFrame(() => opener.current?.focus());
  };
  const rowAction = useActionForm();
  const pendingRow = rowAction.isPending;

  const institutionName = (user: UserDto) =>
    localized(locale, user.institutionNameZh, user.institutionNameEn) ?? user.institutionCode;

  const columns: TableColumnsType<UserDto> = [
    {
      title: t('table.email'),
      dataIndex: 'email',
      render: (email: string, user) => (
        <span>
          {email}
          {user.id === viewerId ? t('table.you') : null}
        </span>
      ),
    },
    { title: t('table.name'), dataIndex: 'name' },
    {
      title: t('table.role'),
      dataIndex: 'role',
      render: (role: UserRole) => <span data-testid="user-role">{t(`roles.${role}`)}</span>,
    },
    { title: t('table.institution'), key: 'institution', render: (_, user) => institutionName(user) ?? '—' },
    {
      title: t('table.status'),
      dataIndex: 'disabled',
      render: (disabled: boolean) =>
        disabled ? <Tag color="default">{t('status.disabled')}</Tag> : <Tag color="success">{t('status.active')}</Tag>,
    },
    {
      title: t('table.createdAt'),
      dataIndex: 'createdAt',
      render: (createdAt: string) => format.dateTime(new Date(createdAt), { dateStyle: 'medium' }),
    },
    {
      title: t('table.actions'),
      key: 'actions',
      render: (_, user) => {
        const self = user.id === viewerId;
        return (
          <Space wrap size="small">
            <Button size="small" disabled={self} onClick={() => setDialog({ kind: 'role', user })}>
              {t('actions.changeRole')}
            </Button>
            <Button size="small" onClick={() => setDialog({ kind: 'password', user })}>
              {t('actions.resetPassword')}
            </Button>
            {user.disabled ? (
              <Popconfirm
                title={t('actions.confirmEnable', { email: user.email })}
                onConfirm={() => rowAction.send(enableUserAction, { userId: user.id }, { toast: true })}
              >
                <Button size="small" loading={pendingRow}>
                  {t('actions.enable')}
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title={t('actions.confirmDisable', { email: user.email })}
                onConfirm={() => rowAction.send(disableUserAction, { userId: user.id }, { toast: true })}
                okButtonProps={{ danger: true }}
                disabled={self}
              >
                <Button size="small" danger disabled={self} loading={pendingRow}>
                  {t('actions.disable')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
        {t('actions.create')}
      </Button>
      <Table<UserDto>
        rowKey="id"
        columns={columns}
        dataSource={users}
        pagination={false}
        size="middle"
        scroll={{ x: true }}
        data-testid="users-table"
        onRow={(user) => ({ 'data-email': user.email }) as React.HTMLAttributes<HTMLElement>}
      />
      {dialog ? (
        <UserDialog
          key={dialog.kind === 'create' ? 'create' : `${dialog.kind}-${dialog.user.id}`}
          dialog={dialog}
          institutions={institutions}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Space>
  );
}

interface UserDialogProps {
  dialog: NonNullable<Dialog>;
  institutions: InstitutionOption[];
  onClose: () => void;
}

function UserDialog({ dialog, institutions, onClose }: UserDialogProps) {
  const t = useTranslations('users');
  const locale = useLocale();
  const tValidation = useTranslations('validation');
  const [form] = Form.useForm<UserFormValues>();
  const { send, problem, clearProblem, isPending: pending } = useActionForm({ form });
  const role = Form.useWatch('role', form);

  const initialValues: UserFormValues =
    dialog.kind === 'role'
      ? { role: dialog.user.role, institutionCode: dialog.user.institutionCode }
      : { role: undefined, institutionCode: null };

  const title =
    dialog.kind === 'create'
      ? t('form.createTitle')
      : dialog.kind === 'role'
        ? t('form.changeRoleTitle', { email: dialog.user.email })
        : t('form.resetPasswordTitle', { email: dialog.user.email });

  function submit(values: UserFormValues) {
    const institutionCode = values.role === 'PARTNER' ? (values.institutionCode ?? null) : null;
    const done = { onSuccess: onClose };
    if (dialog.kind === 'create') {
      const payload = { email: values.email ?? '', name: values.name ?? null, role: values.role, institutionCode, password: values.password ?? '' };
      void send(createUserAction, payload, done);
    } else if (dialog.kind === 'role') {
      void send(updateUserRoleAction, { userId: dialog.user.id, role: values.role, institutionCode }, done);
    } else {
      void send(resetPasswordAction, { userId: dialog.user.id, password: values.password ?? '' }, done);
    }
  }

  const roleOptions = ROLES.map((value) => ({ value, label: t(`roles.${value}`) }));
  const institutionOptions = institutions.map((i) => ({
    value: i.code,
    label: `${localized(locale, i.nameZh, i.nameEn)} (${i.code})`,
  }));

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t('form.submit')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        disabled={pending}
        data-testid="user-form"
      >
        <FormProblem problem={problem} onClose={clearProblem} />
        {dialog.kind === 'create' ? (
          <>
            <Form.Item name="email" label={t('form.email')} rules={[{ required: true, message: tValidation('required') }]}>
              <Input type="email" autoComplete="off" autoFocus maxLength={254} />
            </Form.Item>
            <Form.Item name="name" label={t('form.name')} extra={t('form.nameHelp')}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        {dialog.kind !== 'password' ? (
          <>
            <Form.Item name="role" label={t('form.role')} rules={[{ required: true, message: tValidation('required') }]}>
              <Select options={roleOptions} />
            </Form.Item>
            {role === 'PARTNER' ? (
              <Form.Item
                name="institutionCode"
                label={t('form.institution')}
                extra={t('form.institutionHelp')}
                rules={[{ required: true, message: tValidation('institutionRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={institutionOptions}
                  placeholder={t('form.institutionPlaceholder')}
                />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {dialog.kind !== 'role' ? (
          <Form.Item
            name="password"
            label={dialog.kind === 'create' ? t('form.password') : t('form.newPassword')}
            extra={t('form.passwordHelp')}
            rules={[{ required: true, message: tValidation('required') }]}
          >
            <Input.Password autoComplete="new-password" autoFocus={dialog.kind === 'password'} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
