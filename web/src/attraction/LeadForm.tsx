// 新增/编辑招商线索: source, team (招商组团), unit, chain, category, investment.
import { Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { attractionApi, type LeadDetail, type LeadInput } from './api';
import { useAtT } from './i18n';
import { useAtMutation, useUnits } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

export function LeadForm({ initial, onClose, onSaved }: { initial?: LeadDetail['lead']; onClose(): void; onSaved?(id: string): void }) {
  const t = useAtT();
  const me = useMe();
  const [form] = Form.useForm<LeadInput>();
  const units = useUnits();
  const message = useMessage();
  const onError = useErrorMessage();
  const save = useAtMutation((v: LeadInput) => {
    const body = { ...v, expectedInvestment: String(v.expectedInvestment) };
    return initial ? attractionApi.update(initial.id, { ...body, version: initial.version }) : attractionApi.create(body);
  });
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      const l = await save.mutateAsync(v);
      message.success(t('saved'));
      onSaved?.(l.id);
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  const mineOnly = me.user.role === 'reporter';
  return (
    <Modal open title={t(initial ? 'form.edit' : 'form.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending} okText={t('save')} cancelText={t('cancel')} width={600} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        data-testid="lead-form"
        initialValues={initial ?? { category: 'industrial', currency: 'CNY', unitId: mineOnly ? (me.user.unitId ?? undefined) : undefined }}
      >
        <Form.Item name="name" label={t('col.name')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={100} data-testid="lead-name" />
        </Form.Item>
        <Form.Item name="investor" label={t('col.investor')}>
          <Input maxLength={100} />
        </Form.Item>
        <Space size="middle" wrap>
          <Form.Item name="source" label={t('col.source')}>
            <Input maxLength={60} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="team" label={t('col.team')}>
            <Input maxLength={60} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="chain" label={t('col.chain')}>
            <Input maxLength={40} style={{ width: 170 }} data-testid="lead-chain" />
          </Form.Item>
        </Space>
        <Space size="middle" wrap>
          <Form.Item name="unitId" label={t('col.unit')} rules={[{ required: true, message: t('form.required') }]}>
            <Select
              style={{ width: 170 }}
              disabled={mineOnly}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="lead-unit"
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item name="category" label={t('col.category')}>
            <Select style={{ width: 130 }} options={(['industrial', 'urban', 'livelihood'] as const).map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
          </Form.Item>
        </Space>
        <Space size="middle" wrap align="end">
          <Form.Item name="expectedInvestment" label={t('col.investment')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={0} precision={4} stringMode style={{ width: 170 }} data-testid="lead-investment" />
          </Form.Item>
          <Form.Item name="currency" label={t('col.currency')}>
            <Select style={{ width: 120 }} options={(['CNY', 'USD'] as const).map((c) => ({ value: c, label: t(`cur.${c}`) }))} data-testid="lead-currency" />
          </Form.Item>
          <Form.Item name="foreignCapital" valuePropName="checked">
            <Checkbox>{t('col.foreign')}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
