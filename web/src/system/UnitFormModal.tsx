import { useLayoutEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { unitKinds } from '../api/types';
import { useI18n } from '../i18n';
import type { Unit, UnitInput } from './api';
import { applyServerError } from './formErrors';
import { defaultRankingGroup, rankingGroupLabel, rankingGroups } from './labels';
import { useCreateUnit, useUpdateUnit } from './mutations';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

interface Props {
  open: boolean;
  /** The unit to edit; none to create one. */
  unit: Unit | null;
  onClose(): void;
}

const CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function UnitFormModal({ open, unit, onClose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const message = useMessage();
  const [form] = Form.useForm<UnitInput>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [formError, setFormError] = useState<string | null>(null);

  // Before paint, so nothing typed into the just-opened dialog is reset afterwards.
  useLayoutEffect(() => {
    if (!open) return;
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(
      unit
        ? { code: unit.code, name: unit.name, kind: unit.kind, rankingGroup: unit.rankingGroup, sortOrder: unit.sortOrder, active: unit.active }
        : { active: true },
    );
  }, [open, unit, form]);

  const groups = [...rankingGroups, ...(unit && !rankingGroups.includes(unit.rankingGroup as never) ? [unit.rankingGroup] : [])];

  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    setFormError(null);
    const input: UnitInput = { ...v, code: v.code.trim(), name: v.name.trim(), sortOrder: v.sortOrder ?? undefined };
    try {
      if (unit) {
        await update.mutateAsync({ id: unit.id, patch: { ...input, version: unit.version } });
        message.success(t('common.saved'));
      } else {
        await create.mutateAsync(input);
        message.success(t('unit.created', { name: input.name }));
      }
      onClose();
    } catch (e) {
      if (!applyServerError(form, e, ['code', 'name'])) setFormError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      title={unit ? t('unit.edit') : t('unit.create')}
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
      <Form
        name="unit"
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        wrapperCol={{ flex: 1 }}
        colon={false}
        data-testid="unit-form"
        className="gj-modal-form"
        onValuesChange={(changed: Partial<UnitInput>) => {
          if (changed.kind && !form.isFieldTouched('rankingGroup')) form.setFieldValue('rankingGroup', defaultRankingGroup(changed.kind));
        }}
      >
        <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, message: t('unit.nameRequired') }, { max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('unit.code')}
          extra={t('unit.codeImmutableHint')}
          rules={[{ required: true, message: t('unit.codeRule') }, { pattern: CODE, message: t('unit.codeRule') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="kind" label={t('unit.kind')} rules={[{ required: true, message: t('unit.kindRequired') }]}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="rankingGroup" label={t('unit.rankingGroup')}>
          <Select options={groups.map((g) => ({ value: g, label: rankingGroupLabel(i18n, g) }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('unit.sortOrder')} extra={t('unit.sortOrderHint')} rules={unit ? [{ required: true }] : []}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="active" label={t('unit.active')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
