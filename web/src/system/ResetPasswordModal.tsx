import { useLayoutEffect } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { strongPassword } from '../auth/passwordRule';
import { useT } from '../i18n';
import type { User } from './api';
import { applyServerError } from './formErrors';
import { useUpdateUser } from './mutations';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose(): void }) {
  const t = useT();
  const message = useMessage();
  const [form] = Form.useForm<{ password: string }>();
  const update = useUpdateUser();

  // Before paint, so nothing typed into the just-opened dialog is reset afterwards.
  useLayoutEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await update.mutateAsync({ id: user.id, patch: { password: v.password, version: user.version } });
      message.success(t('user.passwordReset', { name: user.displayName }));
      onClose();
    } catch (e) {
      if (!applyServerError(form, e, [])) message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      title={user ? `${t('user.resetPassword')} · ${user.displayName}` : t('user.resetPassword')}
      open={Boolean(user)}
      onOk={submit}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('user.resetHint')}</Typography.Paragraph>
      <Form name="resetPassword" form={form} layout="vertical" className="gj-modal-form">
        <Form.Item
          name="password"
          label={t('user.newPassword')}
          extra={t('auth.passwordRule')}
          rules={[{ required: true, message: t('auth.passwordRule') }, strongPassword(t('auth.passwordRule'), () => user?.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
