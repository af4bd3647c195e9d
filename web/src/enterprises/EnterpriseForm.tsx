// 新增/编辑企业: the credit code is checked on the server (GB 32100 check
// character, duplicates refused) and its refusal is shown on the field.
import { Form, Input, Modal, Select } from 'antd';
import { ApiError } from '../api/client';
import { useErrorMessage } from '../api/useErrorMessage';
import { entApi, type Enterprise, type EnterpriseInput } from './api';
import { useEntT } from './i18n';
import { useChains, useEntMutation, useUnits } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

export function EnterpriseForm({ initial, onClose, onSaved }: { initial?: Enterprise; onClose(): void; onSaved?(id: string): void }) {
  const t = useEntT();
  const [form] = Form.useForm<EnterpriseInput>();
  const units = useUnits();
  const chains = useChains();
  const message = useMessage();
  const onError = useErrorMessage();
  const save = useEntMutation((v: EnterpriseInput) => (initial ? entApi.update(initial.id, { ...v, version: initial.version }) : entApi.create(v)));

  async function submit() {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      const saved = await save.mutateAsync(v);
      message.success(t('saved'));
      onSaved?.(saved.id);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && (err.code === 'enterprises.credit_code' || (err.code === 'conflict.duplicate' && err.message.includes(String(v.creditCode).trim().toUpperCase())))) {
        form.setFields([{ name: 'creditCode', errors: [err.message] }]);
      } else onError(err);
    }
  }

  return (
    <Modal open title={t(initial ? 'form.edit' : 'form.new')} onCancel={onClose} onOk={() => void submit()} okText={t('save')} cancelText={t('cancel')} confirmLoading={save.isPending} width={560} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial ?? {}} data-testid="ent-form">
        <Form.Item name="name" label={t('form.name')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={100} data-testid="ent-form-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('form.code')} extra={t('form.codeHint')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={40} className="gj-ent-mono" data-testid="ent-form-code" />
        </Form.Item>
        <Form.Item name="unitId" label={t('form.unit')} rules={[{ required: true, message: t('form.required') }]}>
          <Select
            data-testid="ent-form-unit"
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data?.items ?? []).filter((u) => u.kind === 'town' || u.kind === 'subdistrict' || u.kind === 'area').map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="chain" label={t('form.chain')}>
          <Select
            allowClear
            showSearch
            options={(chains.data ?? []).map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="leaderName" label={t('form.leader')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="contact" label={t('form.contact')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
