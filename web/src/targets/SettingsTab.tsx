// 报送与通知 (supervisors and administrators): the reporting rules — deadline, reminders,
// colour thresholds, the share of an unusual move that needs a note — and each unit's own
// group robot, where its returned figures, 交办 and deadline warnings go as well.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Spin, Table } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { applyServerError } from '../system/formErrors';
import { QueryError } from '../system/QueryError';
import { targetsApi, type ReportSettings, type Unit } from './api';
import { useTgT } from './i18n';
import { useReportSettings, useRobots, useTgMutation, useUnits } from './queries';
import { useMessage } from '../shell/feedback';

/** The form edits numbers; the API takes the points and percents as decimal strings. */
type RulesForm = Omit<ReportSettings, 'amberPoints' | 'redPoints' | 'moveWarnPercent' | 'version'> & { amberPoints: number; redPoints: number; moveWarnPercent: number };

function RulesCard() {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const q = useReportSettings();
  const save = useTgMutation(targetsApi.saveSettings);
  const [form] = Form.useForm<RulesForm>();
  useEffect(() => {
    if (q.data) form.setFieldsValue({ deadlineDay: q.data.deadlineDay, remindDaysBefore: q.data.remindDaysBefore, amberPoints: Number(q.data.amberPoints), redPoints: Number(q.data.redPoints), moveWarnPercent: Number(q.data.moveWarnPercent) });
  }, [form, q.data]);
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  return (
    <Card size="small" title={tt('set.rules')} data-testid="tg-settings-rules">
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={async (v) => {
          try {
            // The version read goes back, so a change saved meanwhile by someone else is not overwritten.
            await save.mutateAsync({ ...v, amberPoints: String(v.amberPoints), redPoints: String(v.redPoints), moveWarnPercent: String(v.moveWarnPercent), version: q.data!.version });
            message.success(tt('saved'));
          } catch (err) {
            if (!applyServerError(form, err, [])) onError(err);
          }
        }}
      >
        <Form.Item name="deadlineDay" label={tt('set.deadlineDay')} extra={tt('set.deadlineDay.help')} rules={[{ required: true, message: tt('required') }]}>
          <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} data-testid="tg-set-deadline" />
        </Form.Item>
        <Form.Item name="remindDaysBefore" label={tt('set.remind')} extra={tt('set.remind.help')} rules={[{ required: true, message: tt('required') }]}>
          <InputNumber min={0} max={20} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="amberPoints" label={tt('set.amber')} extra={tt('set.amber.help')} rules={[{ required: true, message: tt('required') }]}>
            <InputNumber min={0} max={100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="redPoints"
            label={tt('set.red')}
            extra={tt('set.red.help')}
            dependencies={['amberPoints']}
            rules={[
              { required: true, message: tt('required') },
              ({ getFieldValue }) => ({
                validator: (_, v: number | null) => (v === null || v === undefined || v >= Number(getFieldValue('amberPoints')) ? Promise.resolve() : Promise.reject(new Error(tt('set.red.help')))),
              }),
            ]}
          >
            <InputNumber min={0} max={100} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="moveWarnPercent" label={tt('set.move')} extra={tt('set.move.help')} rules={[{ required: true, message: tt('required') }]}>
          <InputNumber min={1} max={1000} style={{ width: 120 }} data-testid="tg-set-move" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="tg-set-save">
          {tt('set.save')}
        </Button>
      </Form>
    </Card>
  );
}

function RobotDialog({ unit, version, onClose }: { unit: Unit; version: number; onClose(): void }) {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const save = useTgMutation(targetsApi.setRobot);
  const [form] = Form.useForm<{ url: string }>();
  return (
    <Modal
      open
      title={tt('set.robot.title', { unit: unit.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ url }) => {
          try {
            await save.mutateAsync({ unitId: unit.id, url: url.trim(), version });
            message.success(tt('set.robot.saved', { unit: unit.name }));
            onClose();
          } catch (err) {
            if (!applyServerError(form, err, [])) onError(err);
          }
        }}
      >
        <Form.Item name="url" label={tt('set.robot.url')} rules={[{ required: true, message: tt('required') }, { pattern: /^https:\/\/\S+$/, message: tt('set.robot.urlInvalid') }]}>
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" data-testid="tg-robot-url" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RobotsCard() {
  const tt = useTgT();
  const message = useMessage();
  const onError = useErrorMessage();
  const units = useUnits();
  const robots = useRobots();
  const remove = useTgMutation(targetsApi.setRobot);
  const [editing, setEditing] = useState<Unit | null>(null);
  const error = units.error ?? robots.error;
  if (error) return <QueryError error={error} onRetry={() => Promise.all([units.refetch(), robots.refetch()])} />;
  const urlOf = new Map((robots.data ?? []).map((r) => [r.unitId, r.url]));
  // The version read: a unit without a robot reads 1.
  const versionOf = (unitId: string) => (robots.data ?? []).find((r) => r.unitId === unitId)?.version ?? 1;
  return (
    <Card size="small" title={tt('set.robots')} data-testid="tg-settings-robots">
      <Alert type="info" showIcon title={tt('set.robots.help')} style={{ marginBottom: 12 }} />
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={units.isFetching || robots.isFetching}
        dataSource={(units.data?.items ?? []).filter((u) => u.active)}
        pagination={false}
        columns={[
          { title: tt('unit'), dataIndex: 'name', width: 180 },
          {
            title: tt('set.col.robot'),
            render: (_, u) => {
              const url = urlOf.get(u.id);
              return url ? <code data-testid={`tg-robot-${u.code}`}>{url}</code> : <span className="gj-tg-muted">{tt('set.robot.none')}</span>;
            },
          },
          {
            title: tt('set.col.action'),
            width: 160,
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)} data-testid={`tg-robot-edit-${u.code}`}>
                  {urlOf.has(u.id) ? tt('set.robot.change') : tt('set.robot.set')}
                </Button>
                {urlOf.has(u.id) && (
                  <Popconfirm
                    title={tt('set.robot.removeConfirm', { unit: u.name })}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync({ unitId: u.id, url: null, version: versionOf(u.id) });
                        message.success(tt('set.robot.removed', { unit: u.name }));
                      } catch (err) {
                        onError(err);
                      }
                    }}
                  >
                    <Button size="small" danger data-testid={`tg-robot-remove-${u.code}`}>
                      {tt('set.robot.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <RobotDialog unit={editing} version={versionOf(editing.id)} onClose={() => setEditing(null)} />}
    </Card>
  );
}

export default function SettingsTab() {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="tg-settings">
      <RulesCard />
      <RobotsCard />
    </Space>
  );
}
