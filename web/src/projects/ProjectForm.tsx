// 新建项目 / 编辑项目: the register fields, the target date the plan is laid back
// from (new projects; a project's plan is re-laid on its plan tab), and the
// location picked by clicking the zone map.
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { Alert, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useErrorMessage } from '../api/useErrorMessage';
import dayjs from 'dayjs';
import { projectsApi, type Category, type PlanCheck, type Project, type ProjectInput } from './api';
import { usePT } from './i18n';
import { useBattleMap, useOptions, usePMutation, useUnits } from './queries';
import { ZoneMap } from './ZoneMap';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

interface Values {
  name: string;
  category: 'industrial' | 'urban' | 'livelihood';
  chain?: string;
  keyProject?: boolean;
  year: number;
  currency: 'CNY' | 'USD';
  totalInvestment: string;
  annualPlan?: string;
  responsibleUnitId: string;
  leaderUserId?: string;
  taskForceUserIds?: string[];
  targetDate?: Dayjs;
  note?: string;
}

const fromProject = (p: Project): Partial<Values> => ({
  name: p.name,
  category: p.category,
  chain: p.chain || undefined,
  keyProject: p.keyProject,
  year: p.year,
  currency: p.currency,
  totalInvestment: p.totalInvestment,
  annualPlan: p.annualPlan,
  responsibleUnitId: p.responsibleUnitId,
  leaderUserId: p.leaderUserId ?? undefined,
  targetDate: p.targetDate ? dayjs(p.targetDate) : undefined,
  note: p.note,
});

export function ProjectForm({ project, onClose, onCreated }: { project?: Project; onClose(): void; onCreated(id: string): void }) {
  const pt = usePT();
  const message = useMessage();
  const onError = useErrorMessage();
  const options = useOptions();
  const units = useUnits();
  const map = useBattleMap({ year: options.data ? Number(options.data.today.slice(0, 4)) : undefined });
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<[number, number] | null>(project && project.lng !== null && project.lat !== null ? [project.lng, project.lat] : null);
  const create = usePMutation((v: ProjectInput) => (project ? projectsApi.update(project.id, { ...v, version: project.version }) : projectsApi.create(v)));
  const year = options.data ? Number(options.data.today.slice(0, 4)) : 2022;
  const people = options.data?.people ?? [];
  // 工期不足: the flow checked against the zone's date as soon as a target date is picked.
  const targetDate = Form.useWatch('targetDate', form) as Dayjs | undefined;
  const category = Form.useWatch('category', form) as Category | undefined;
  const target = !project && targetDate ? targetDate.format('YYYY-MM-DD') : null;
  const check = useQuery({
    queryKey: ['projects', 'plan-check', target, category],
    queryFn: () => projectsApi.planCheck({ targetDate: target!, category }),
    enabled: Boolean(target && category),
  });
  const [compress, setCompress] = useState(false);

  async function submit() {
    const v = await valuesOf(form);
    if (!v) return;
    const { targetDate, taskForceUserIds, ...rest } = v;
    try {
      const res = await create.mutateAsync({
        ...rest,
        chain: v.chain ?? '',
        keyProject: !!v.keyProject,
        annualPlan: v.annualPlan ?? '0',
        // A new project's accounts become 专班 members; afterwards the 专班 tab edits them.
        ...(project ? {} : { taskForceUserIds: taskForceUserIds ?? [] }),
        leaderUserId: v.leaderUserId ?? null,
        ...(project ? {} : { targetDate: targetDate ? targetDate.format('YYYY-MM-DD') : null, compressPlan: compress && Boolean(check.data?.compressed) }),
        lng: picked?.[0] ?? null,
        lat: picked?.[1] ?? null,
      });
      message.success(pt('saved'));
      onClose();
      onCreated(res.id);
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Modal open width={1040} title={project ? pt('edit') : pt('new')} onCancel={onClose} onOk={submit} okText={pt('ok')} cancelText={pt('cancel')} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'project-save' } as ButtonProps}>
      <Row gutter={20}>
        <Col span={11}>
          <Form form={form} layout="vertical" initialValues={project ? fromProject(project) : { category: 'industrial', currency: 'CNY', year }} requiredMark={false} data-testid="project-form">
            <Form.Item name="name" label={pt('form.name')} rules={[{ required: true, message: pt('form.required') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="category" label={pt('form.category')}>
                  <Select options={(['industrial', 'urban', 'livelihood'] as const).map((c) => ({ value: c, label: pt(`category.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="chain" label={pt('form.chain')}>
                  <Select mode="tags" maxCount={1} options={(options.data?.chains ?? []).map((c) => ({ value: c, label: c }))} onChange={(v: string[]) => form.setFieldValue('chain', v?.at(-1))} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="year" label={pt('form.year')}>
                  <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="currency" label={pt('form.currency')}>
                  <Select options={[{ value: 'CNY', label: pt('form.cny') }, { value: 'USD', label: pt('form.usd') }]} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="totalInvestment" label={pt('form.total')} rules={[{ required: true, message: pt('form.required') }, { pattern: /^\d{1,10}(\.\d{1,4})?$/, message: '0.0001' }]}>
                  <Input data-testid="form-total" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="annualPlan" label={pt('form.annual')} rules={[{ pattern: /^\d{1,10}(\.\d{1,4})?$/, message: '0.0001' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="keyProject" valuePropName="checked" label=" ">
                  <Checkbox>{pt('form.key')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="responsibleUnitId" label={pt('form.unit')} rules={[{ required: true, message: pt('form.required') }]}>
              <Select data-testid="form-unit" showSearch={{ optionFilterProp: 'label' }} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={10}>
                {/* 包挂领导: only accounts with the leader role (the server refuses others). */}
                <Form.Item name="leaderUserId" label={pt('form.leader')}>
                  <Select allowClear data-testid="form-leader" options={people.filter((p) => p.role === 'leader').map((p) => ({ value: p.id, label: p.name }))} />
                </Form.Item>
              </Col>
              <Col span={14}>
                {project ? (
                  <Form.Item label={pt('form.taskForce')}>
                    <span className="gj-pj-muted">{pt('tf.editInTab')}</span>
                  </Form.Item>
                ) : (
                  <Form.Item name="taskForceUserIds" label={pt('form.taskForce')}>
                    <Select mode="multiple" data-testid="form-taskforce" showSearch={{ optionFilterProp: 'label' }} options={people.map((p) => ({ value: p.id, label: p.name }))} />
                  </Form.Item>
                )}
              </Col>
            </Row>
            {!project && (
              <Form.Item name="targetDate" label={pt('form.target')}>
                <DatePicker style={{ width: '100%' }} data-testid="form-target" />
              </Form.Item>
            )}
            {target && check.data && check.data.shortfallWorkdays > 0 && <Shortfall check={check.data} compress={compress} onCompress={setCompress} />}
          </Form>
        </Col>
        <Col span={13}>
          <div className="gj-pj-form-map-head">
            {pt('form.location')}：{picked ? pt('map.picked', { lng: picked[0], lat: picked[1] }) : pt('map.pick')}
          </div>
          <ZoneMap outline={map.data?.outline ?? null} outlineDemo={map.data?.outlineDemo ?? false} projects={map.data?.projects ?? []} height={430} picked={picked} onPick={setPicked} />
        </Col>
      </Row>
    </Modal>
  );
}

/** 工期不足: the shortfall, the compressed proposal to accept, and what is already past. */
function Shortfall({ check, compress, onCompress }: { check: PlanCheck; compress: boolean; onCompress(v: boolean): void }) {
  const pt = usePT();
  const c = check.compressed;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="plan-shortfall"
      title={pt('plan.shortfall', { n: check.shortfallWorkdays, start: check.plan.start, today: check.today })}
      description={
        <>
          {c && (
            <>
              <div>{pt(c.fits ? 'plan.compressed' : 'plan.compressedShort', { start: c.plan.start })}</div>
              <ul className="gj-pj-compressed" data-testid="plan-compressed">
                {c.steps.map((s) => (
                  <li key={s.key}>{pt('plan.compressedStep', { name: s.name, from: s.fromWorkdays, to: s.toWorkdays })}</li>
                ))}
              </ul>
              <Checkbox checked={compress} onChange={(e) => onCompress(e.target.checked)} data-testid="plan-accept-compressed">
                {pt('plan.accept')}
              </Checkbox>
            </>
          )}
          {!compress && check.needsConfirmation.length > 0 && <div>{pt('plan.toConfirm', { n: check.needsConfirmation.length })}</div>}
        </>
      }
    />
  );
}
