// 登记隐患: a supervisor registers for any unit (交办 at once), a unit reporter for
// its own (待交办). The deadline is the server's: found day + the level's working days.
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { useZone } from '../shell/zone';
import { valuesOf } from '../forms';
import { hazardApi, HAZARD_CATEGORIES, HAZARD_LEVELS, RECTIFY_WORKDAYS, type HazardCategory, type HazardLevel } from './api';
import { useHzT } from './i18n';
import { useHzCampaigns, useHzMutation, useHzUnits } from './queries';
import { useMessage } from '../shell/feedback';

interface Values {
  title: string;
  detail?: string;
  location?: string;
  category: HazardCategory;
  level: HazardLevel;
  unitId: string;
  foundOn: Dayjs;
  campaignId?: string;
}

export function RegisterDialog({ onClose }: { onClose(): void }) {
  const t = useHzT();
  const me = useMe();
  const zone = useZone();
  const units = useHzUnits();
  const campaigns = useHzCampaigns();
  const navigate = useNavigate();
  const message = useMessage();
  const onError = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const own = me.user.role === 'reporter' ? me.user.unitId : null;
  const today = zone.data?.today;
  const register = useHzMutation((v: Values) =>
    hazardApi.register({
      title: v.title,
      detail: v.detail ?? '',
      location: v.location ?? '',
      category: v.category,
      level: v.level,
      unitId: v.unitId,
      foundOn: v.foundOn.format('YYYY-MM-DD'),
      campaignId: v.campaignId ?? null,
    }),
  );
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    try {
      const made = await register.mutateAsync(v);
      message.success(t('registered', { due: made.dueOn }));
      onClose();
      void navigate(`/hazards/${made.id}`);
    } catch (err) {
      onError(err);
    }
  };
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Modal open title={t('new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={register.isPending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden width={620}>
      <Form
        form={form}
        layout="vertical"
        data-testid="hz-register-form"
        initialValues={{ category: 'safety', level: 'general', unitId: own ?? undefined, foundOn: today ? dayjs(today) : undefined }}
      >
        <Form.Item name="title" label={t('form.title')} rules={[...required, { min: 2, message: t('form.required') }]}>
          <Input maxLength={200} data-testid="hz-form-title" />
        </Form.Item>
        <Form.Item name="category" label={t('form.category')} rules={required}>
          <Radio.Group optionType="button" options={HAZARD_CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('form.level')} rules={required} extra={t('form.deadlineHint', { general: RECTIFY_WORKDAYS.general, major: RECTIFY_WORKDAYS.major })}>
          <Radio.Group optionType="button" options={HAZARD_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} data-testid="hz-form-level" />
        </Form.Item>
        <Form.Item name="unitId" label={t('form.unit')} rules={required}>
          <Select
            data-testid="hz-form-unit"
            disabled={own !== null}
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="foundOn" label={t('form.foundOn')} rules={required}>
          <DatePicker disabledDate={(d) => (today ? d.isAfter(dayjs(today), 'day') : false)} allowClear={false} />
        </Form.Item>
        <Form.Item name="location" label={t('form.location')}>
          <Input maxLength={200} data-testid="hz-form-location" />
        </Form.Item>
        <Form.Item name="detail" label={t('form.detail')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="hz-form-detail" />
        </Form.Item>
        <Form.Item name="campaignId" label={t('form.campaign')}>
          <Select allowClear placeholder={t('form.noCampaign')} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="hz-form-campaign" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
