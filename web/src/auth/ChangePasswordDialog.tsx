import { useState } from 'react';
import { Form, Input, Modal } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../i18n';
import { authApi } from './api';
import { strongPassword } from './passwordRule';
import { useSession } from './session';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { refresh, me } = useSession();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    setSaving(true);
    try {
      await authApi.changePassword(v.current, v.next);
      // The server started a new session with a new CSRF token.
      await refresh();
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'auth.wrong_password') form.setFields([{ name: 'current', errors: [e.message] }]);
      else if (e instanceof ApiError && e.code === 'auth.weak_password') form.setFields([{ name: 'next', errors: [e.message] }]);
      else if (e instanceof Error) message.error(e.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('auth.changePassword')}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form name="changePassword" className="gj-modal-form" form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="current" label={t('auth.currentPassword')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule')}
          rules={[{ required: true, message: t('auth.passwordRule') }, strongPassword(t('auth.passwordRule'), () => me?.user.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('auth.passwordMismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
