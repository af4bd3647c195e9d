// 督办设置 (supervisors): when a task's light turns amber, the 督办单 number prefix
// and issuing office, and the zone's group-robot webhook the daily scan posts to.
import { useEffect } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Spin } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { applyServerError } from '../system/formErrors';
import { supervisionApi, type SvSettings } from './api';
import { useSvT } from './i18n';
import { useSvMutation, useSvSettings } from './queries';
import { useMessage } from '../shell/feedback';

export default function SettingsPage() {
  const st = useSvT();
  const message = useMessage();
  const onError = useErrorMessage();
  const q = useSvSettings();
  const save = useSvMutation(supervisionApi.saveSettings);
  const [form] = Form.useForm<SvSettings>();
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [form, q.data]);
  if (!q.data) return <Spin />;
  return (
    <Card size="small" style={{ maxWidth: 760 }} data-testid="sv-settings">
      <Alert type="info" showIcon title={st('set.scan')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await save.mutateAsync({ ...v, webhookUrl: v.webhookUrl?.trim() ? v.webhookUrl.trim() : null, version: q.data!.version });
            message.success(st('set.saved'));
          } catch (err) {
            if (!applyServerError(form, err, [])) onError(err);
          }
        }}
      >
        <Form.Item name="amberDays" label={st('set.amberDays')} extra={st('set.amberDays.help')} rules={[{ required: true }]}>
          <InputNumber min={0} max={60} precision={0} style={{ width: 120 }} data-testid="sv-set-amber" />
        </Form.Item>
        <Form.Item name="noticePrefix" label={st('set.noticePrefix')} rules={[{ required: true, max: 20 }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="issuer" label={st('set.issuer')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="webhookUrl" label={st('set.webhook')} extra={st('set.webhook.help')} rules={[{ type: 'url', warningOnly: false }]}>
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" data-testid="sv-set-webhook" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sv-set-save">
          {st('set.save')}
        </Button>
      </Form>
    </Card>
  );
}
