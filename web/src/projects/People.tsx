// 一项目一专班 and the zone's service standard (issue 16, part 6): the task force as
// people (name, role, unit, phone, account) edited as a table; the service standard
// ("五个一", configurable in 项目设置) checked item by item beside the project's stage
// rules ("765"); the standard's items edited on the settings page.
import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, List, Modal, Row, Select, Space, Table, Tag } from 'antd';
import { CheckCircleFilled, DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useErrorMessage } from '../api/useErrorMessage';
import { useI18n } from '../i18n';
import { valuesOf } from '../forms';
import { peopleApi, PHONE, TASK_FORCE_ROLES, type ProjectDetail as Detail, type ServiceCheck, type ServiceItem, type Settings, type TaskForceRole } from './api';
import { usePT } from './i18n';
import { useOptions, usePMutation, useUnits } from './queries';
import { useMessage } from '../shell/feedback';

interface MemberRow {
  name: string;
  role: TaskForceRole;
  unitId?: string | null;
  phone?: string;
  userId?: string | null;
}

/** The 专班 tab: the members as a table; the task force, 包挂领导, responsible unit and supervisors edit it. */
export function TaskForceTab({ d }: { d: Detail }) {
  const pt = usePT();
  const p = d.project;
  const [editing, setEditing] = useState(false);
  return (
    <div data-testid="task-force">
      <div className="gj-pj-toolbar">
        <span className="gj-pj-muted">{pt('tf.help')}</span>
        {d.can.progress && !editing && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="tf-edit">
            {pt('tf.edit')}
          </Button>
        )}
      </div>
      {editing ? (
        <TaskForceEditor d={d} onDone={() => setEditing(false)} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.taskForce}
          locale={{ emptyText: <Empty description={pt('tf.empty')} /> }}
          columns={[
            { title: pt('tf.role'), dataIndex: 'role', width: 100, render: (r: TaskForceRole) => <Tag color={r === 'lead' ? 'red' : r === 'deputy' ? 'orange' : r === 'liaison' ? 'blue' : 'default'}>{pt(`tf.role.${r}`)}</Tag> },
            { title: pt('tf.name'), dataIndex: 'name', width: 180 },
            { title: pt('tf.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
            { title: pt('tf.phone'), dataIndex: 'phone', width: 160, render: (v: string) => v || '—' },
            { title: pt('tf.user'), dataIndex: 'userId', width: 100, render: (v: string | null) => (v ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : '—') },
          ]}
        />
      )}
    </div>
  );
}

function TaskForceEditor({ d, onDone }: { d: Detail; onDone(): void }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const units = useUnits();
  const options = useOptions();
  const p = d.project;
  const [form] = Form.useForm<{ members: MemberRow[] }>();
  const save = usePMutation((members: MemberRow[]) =>
    peopleApi.taskForce(p.id, {
      version: p.version,
      members: members.map((m) => ({ name: m.name.trim(), role: m.role, unitId: m.unitId ?? null, phone: (m.phone ?? '').trim(), userId: m.userId ?? null })),
    }),
  );
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const userOptions = (options.data?.people ?? []).map((u) => ({ value: u.id, label: u.unitName ? `${u.name}（${u.unitName}）` : u.name }));
  async function submit() {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await save.mutateAsync(v.members ?? []);
      message.success(pt('tf.saved'));
      onDone();
    } catch (err) {
      onError(err);
    }
  }
  return (
    <Form
      form={form}
      requiredMark={false}
      data-testid="tf-form"
      initialValues={{ members: p.taskForce.map((m) => ({ name: m.name, role: m.role, unitId: m.unitId, phone: m.phone, userId: m.userId })) }}
    >
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <>
            <div className="gj-pj-tf-grid gj-pj-tf-head">
              <span>{pt('tf.role')}</span>
              <span>{pt('tf.name')}</span>
              <span>{pt('tf.unit')}</span>
              <span>{pt('tf.phone')}</span>
              <span>{pt('tf.user')}</span>
              <span />
            </div>
            {fields.map((f) => (
              <div key={f.key} className="gj-pj-tf-grid" data-testid="tf-row">
                <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: pt('form.required') }]}>
                  <Select data-testid="tf-role" options={TASK_FORCE_ROLES.map((r) => ({ value: r, label: pt(`tf.role.${r}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: pt('form.required') }]}>
                  <Input maxLength={40} data-testid="tf-name" />
                </Form.Item>
                <Form.Item name={[f.name, 'unitId']}>
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} data-testid="tf-unit" />
                </Form.Item>
                <Form.Item name={[f.name, 'phone']} rules={[{ pattern: PHONE, message: pt('tf.phoneBad') }]}>
                  <Input maxLength={20} placeholder="0516-80001234" data-testid="tf-phone" />
                </Form.Item>
                <Form.Item name={[f.name, 'userId']}>
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={userOptions} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" data-testid="tf-remove" />
              </div>
            ))}
            <Space style={{ marginTop: 4 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'member', name: '', phone: '' })} data-testid="tf-add">
                {pt('tf.add')}
              </Button>
              <Button type="primary" onClick={submit} loading={save.isPending} data-testid="tf-save">
                {pt('tf.save')}
              </Button>
              <Button onClick={onDone}>{pt('cancel')}</Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** The project's stage rules ("765") and, beside them, the zone's service standard checked on it. */
export function RulesAndService({ d, today }: { d: Detail; today: string }) {
  const pt = usePT();
  const { lang } = useI18n();
  const p = d.project;
  const list = d.serviceChecklist;
  const done = list.filter((c) => c.doneOn).length;
  return (
    <Row gutter={[12, 12]} className="gj-pj-rules-service">
      <Col xs={24} lg={12}>
        <Card size="small" title={pt('rules.title')} data-testid="stage-rules" style={{ height: '100%' }}>
          {p.findings.length === 0 ? (
            <span className="gj-pj-muted">{pt('rules.none')}</span>
          ) : (
            <List
              size="small"
              dataSource={p.findings}
              renderItem={(f) => (
                <List.Item>
                  <Space align="start">
                    <Tag color={f.status === 'behind' ? 'red' : f.status === 'met' ? 'green' : 'blue'}>{pt(`rules.${f.status}`)}</Tag>
                    <span>{f.message[lang]}</span>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={pt('svc.title')}
          extra={list.length > 0 && <span data-testid="svc-progress">{pt('svc.progress', { done, total: list.length })}</span>}
          data-testid="service-checklist"
          style={{ height: '100%' }}
        >
          {list.length === 0 ? (
            <span className="gj-pj-muted">{pt('svc.none')}</span>
          ) : (
            <List size="small" dataSource={list} renderItem={(c) => <CheckRow d={d} c={c} today={today} />} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

function CheckRow({ d, c, today }: { d: Detail; c: ServiceCheck; today: string }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ doneOn: Dayjs; note?: string }>();
  const save = usePMutation((body: { doneOn: string | null; note: string }) => peopleApi.check(d.project.id, c.key, { ...body, version: c.version }));
  async function run(body: { doneOn: string | null; note: string }) {
    try {
      await save.mutateAsync(body);
      message.success(pt('svc.saved'));
      setOpen(false);
    } catch (err) {
      onError(err);
    }
  }
  return (
    <List.Item
      data-testid={`svc-${c.key}`}
      actions={
        d.can.progress
          ? [
              c.doneOn ? (
                <Button key="u" size="small" type="link" icon={<MinusCircleOutlined />} onClick={() => run({ doneOn: null, note: '' })} loading={save.isPending} data-testid="svc-uncheck">
                  {pt('svc.uncheck')}
                </Button>
              ) : (
                <Button key="c" size="small" onClick={() => setOpen(true)} data-testid="svc-check">
                  {pt('svc.check')}
                </Button>
              ),
            ]
          : []
      }
    >
      <List.Item.Meta
        avatar={c.doneOn ? <CheckCircleFilled style={{ color: '#52c41a', fontSize: 16 }} /> : <span className="gj-pj-svc-open" />}
        title={<span title={c.hint ?? undefined}>{c.name}</span>}
        description={
          c.doneOn ? (
            <span data-testid="svc-done">
              {c.doneOn} · {c.checkedByName ?? '—'}
              {c.note && ` · ${c.note}`}
            </span>
          ) : (
            c.hint
          )
        }
      />
      {open && (
        <Modal
          open
          title={`${pt('svc.check')}：${c.name}`}
          onCancel={() => setOpen(false)}
          okText={pt('ok')}
          cancelText={pt('cancel')}
          confirmLoading={save.isPending}
          okButtonProps={{ 'data-testid': 'svc-save' } as ButtonProps}
          onOk={async () => {
            const v = await valuesOf(form);
            if (v) await run({ doneOn: v.doneOn.format('YYYY-MM-DD'), note: (v.note ?? '').trim() });
          }}
        >
          <Form form={form} layout="vertical" initialValues={{ doneOn: dayjs(today) }} requiredMark={false}>
            <Form.Item name="doneOn" label={pt('svc.date')} rules={[{ required: true, message: pt('form.required') }]}>
              <DatePicker disabledDate={(x) => x.isAfter(dayjs(today), 'day')} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={pt('svc.note')}>
              <Input.TextArea maxLength={500} rows={2} data-testid="svc-note" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </List.Item>
  );
}

/** 项目设置 › 服务标准: the zone's items, on the settings' version. */
export function ServiceItemsCard({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const [form] = Form.useForm<{ items: ServiceItem[] }>();
  const save = usePMutation((items: ServiceItem[]) => peopleApi.saveServiceItems(items, settings.version));
  useEffect(() => {
    form.setFieldsValue({ items: settings.serviceItems });
  }, [form, settings.serviceItems]);
  async function submit() {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      await save.mutateAsync((v.items ?? []).map((i) => ({ key: i.key.trim(), name: i.name.trim(), ...(i.hint?.trim() ? { hint: i.hint.trim() } : {}) })));
      message.success(pt('set.saved'));
    } catch (err) {
      onError(err);
    }
  }
  return (
    <Card size="small" title={pt('set.service')} data-testid="service-items">
      <Alert type="info" showIcon title={pt('set.service.help')} style={{ marginBottom: 12 }} />
      <Form form={form} disabled={!canEdit} requiredMark={false}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'key']} label={pt('set.service.key')} rules={[{ required: true, pattern: /^[a-z0-9_]{1,40}$/, message: 'a-z 0-9 _' }]}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label={pt('set.service.name')} rules={[{ required: true, whitespace: true, message: pt('form.required') }]}>
                    <Input style={{ width: 200 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hint']} label={pt('set.service.hint')}>
                    <Input style={{ width: 340 }} maxLength={200} />
                  </Form.Item>
                  {canEdit && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                </Space>
              ))}
              {canEdit && (
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add({ key: '', name: '' })}>
                    {pt('set.service.add')}
                  </Button>
                  <Button type="primary" onClick={submit} loading={save.isPending} data-testid="service-items-save">
                    {pt('set.save')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
