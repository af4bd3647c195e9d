import { useLayoutEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { roles, type Role } from '../api/types';
import { strongPassword } from '../auth/passwordRule';
import { useI18n } from '../i18n';
import type { User, UserInput } from './api';
import { applyServerError } from './formErrors';
import { useCreateUser, useUpdateUser } from './mutations';
import { useUnitOptions } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

/** Roles whose account belongs to one unit (the server refuses them without one). */
export const unitBoundRoles: Role[] = ['reporter', 'viewer'];

interface Props {
  open: boolean;
  user: User | null;
  /** The signed-in user's id: one does not change one's own role here. */
  selfId: string;
  onClose(): void;
}

type Values = Omit<UserInput, 'unitId'> & { unitId?: string | null };

export function UserFormModal({ open, user, selfId, onClose }: Props) {
  const { t } = useI18n();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const units = useUnitOptions();
  const role = Form.useWatch('role', form);
  const [formError, setFormError] = useState<string | null>(null);
  const unitRequired = role ? unitBoundRoles.includes(role) : false;

  // Before paint, so nothing typed into the just-opened dialog is reset afterwards.
  useLayoutEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    if (user) form.setFieldsValue({ username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId ?? undefined });
  }, [open, user, form]);

  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    setFormError(null);
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          patch: { displayName: v.displayName.trim(), role: v.role, unitId: v.unitId ?? null, version: user.version },
        });
        message.success(t('common.saved'));
      } else {
        await create.mutateAsync({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          role: v.role,
          unitId: v.unitId ?? null,
        });
        message.success(t('user.created', { name: v.displayName.trim() }));
      }
      onClose();
    } catch (e) {
      if (!applyServerError(form, e, ['username'])) setFormError(e instanceof Error ? e.message : String(e));
    }
  };

  const isSelf = user?.id === selfId;
  return (
    <Modal
      title={user ? t('user.edit') : t('user.create')}
      open={open}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={560}
      forceRender
    >
      {formError && <Alert type="error" showIcon title={formError} className="gj-form-alert" />}
      <Form name="user" form={form} layout="horizontal" labelCol={{ flex: '96px' }} wrapperCol={{ flex: 1 }} colon={false} data-testid="user-form" className="gj-modal-form">
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={user ? undefined : t('user.usernameRule')}
          rules={[{ required: true, message: t('user.usernameRule') }, { pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('user.usernameRule') }]}
        >
          <Input disabled={Boolean(user)} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          extra={user?.shared ? t('user.sharedHint') : undefined}
          rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }]}
        >
          <Input maxLength={60} disabled={Boolean(user?.shared)} />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true, message: t('user.roleRequired') }]}>
          <Select
           
            disabled={isSelf}
            options={roles.map((r) => ({
              value: r,
              label: (
                <span className="gj-role-option">
                  <span>{t(`role.${r}`)}</span>
                  <span className="gj-role-option-hint">{t(`roleHint.${r}`)}</span>
                </span>
              ),
              title: t(`role.${r}`),
            }))}
            optionLabelProp="title"
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('user.unit')}
          extra={unitRequired ? t('user.unitRequired') : t('user.unitOptional')}
          rules={[{ required: unitRequired, message: t('user.unitRequired') }]}
        >
          <Select
           
            allowClear
            loading={units.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('user.initialPassword')}
            extra={t('auth.passwordRule')}
            rules={[{ required: true, message: t('auth.passwordRule') }, strongPassword(t('auth.passwordRule'), () => form.getFieldValue('username'))]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
