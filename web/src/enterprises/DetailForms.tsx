// The small forms of an enterprise's page: a year's figures, a tag with its
// dates, an enterprise user account, a visit, an appeal raised for it.
import dayjs, { type Dayjs } from 'dayjs';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useErrorMessage } from '../api/useErrorMessage';
import { CATEGORIES, entApi, TAGS, type AppealCategory, type EnterpriseTag, type Figure } from './api';
import { EnterpriseSearch } from './EnterpriseSearch';
import { useEntT } from './i18n';
import { useCounts, useEntMutation } from './queries';
import { valuesOf } from '../forms';
import { useMessage } from '../shell/feedback';

const D = 'YYYY-MM-DD';
const num = (v: number | string | null | undefined) => (v === null || v === undefined || v === '' ? null : String(v));

function useSubmit<V>(fn: (v: V) => Promise<unknown>, onClose: () => void) {
  const t = useEntT();
  const message = useMessage();
  const onError = useErrorMessage();
  const m = useEntMutation(fn);
  return {
    pending: m.isPending,
    run: async (v: V) => {
      try {
        await m.mutateAsync(v);
        message.success(t('saved'));
        onClose();
      } catch (err) {
        onError(err);
      }
    },
  };
}

/** A year's figures: opens on the stored ones of `year`, and saves with the version of the year chosen (1: none yet). */
export function FigureForm({ enterpriseId, year, figures, onClose }: { enterpriseId: string; year: number; figures: Figure[]; onClose(): void }) {
  const t = useEntT();
  type Values = { year: number; outputValue?: string; tax?: string; employees?: number };
  const [form] = Form.useForm<Values>();
  const stored = figures.find((f) => f.year === year);
  const s = useSubmit(
    (v: Values) =>
      entApi.setFigures(enterpriseId, {
        year: v.year,
        outputValue: num(v.outputValue),
        tax: num(v.tax),
        employees: v.employees ?? null,
        version: figures.find((f) => f.year === v.year)?.version ?? 1,
      }),
    onClose,
  );
  return (
    <Modal open title={t('detail.addFigure')} onCancel={onClose} onOk={() => void valuesOf(form).then((v) => v && s.run(v))} confirmLoading={s.pending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year, outputValue: stored?.outputValue ?? undefined, tax: stored?.tax ?? undefined, employees: stored?.employees ?? undefined }}>
        <Form.Item name="year" label={t('col.year')} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="outputValue" label={t('col.output')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} stringMode />
        </Form.Item>
        <Form.Item name="tax" label={t('col.tax')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} stringMode />
        </Form.Item>
        <Form.Item name="employees" label={t('col.employees')}>
          <InputNumber min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TagForm({ enterpriseId, onClose }: { enterpriseId: string; onClose(): void }) {
  const t = useEntT();
  const [form] = Form.useForm<{ tag: EnterpriseTag; gainedOn: Dayjs; note?: string }>();
  const s = useSubmit((v: { tag: EnterpriseTag; gainedOn: Dayjs; note?: string }) => entApi.addTag(enterpriseId, { tag: v.tag, gainedOn: v.gainedOn.format(D), note: v.note ?? '' }), onClose);
  return (
    <Modal open title={t('detail.addTag')} onCancel={onClose} onOk={() => void valuesOf(form).then((v) => v && s.run(v))} confirmLoading={s.pending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="tag" label={t('col.tag')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={TAGS.map((g) => ({ value: g, label: t(`tag.${g}`) }))} />
        </Form.Item>
        <Form.Item name="gainedOn" label={t('col.gained')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('col.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LoseTagForm({ enterpriseId, spanId, version, onClose }: { enterpriseId: string; spanId: string; version: number; onClose(): void }) {
  const t = useEntT();
  const [form] = Form.useForm<{ lostOn: Dayjs }>();
  const s = useSubmit((v: { lostOn: Dayjs }) => entApi.loseTag(enterpriseId, spanId, v.lostOn.format(D), version), onClose);
  return (
    <Modal open title={t('detail.loseTag')} onCancel={onClose} onOk={() => void valuesOf(form).then((v) => v && s.run(v))} confirmLoading={s.pending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="lostOn" label={t('col.lost')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AccountForm({ enterpriseId, onClose }: { enterpriseId: string; onClose(): void }) {
  const t = useEntT();
  const [form] = Form.useForm<{ username: string; displayName: string; password: string }>();
  const s = useSubmit((v: { username: string; displayName: string; password: string }) => entApi.addAccount(enterpriseId, v), onClose);
  return (
    <Modal open title={t('detail.addAccount')} onCancel={onClose} onOk={() => void valuesOf(form).then((v) => v && s.run(v))} confirmLoading={s.pending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="username" label={t('detail.username')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,64}$/, message: t('form.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="displayName" label={t('detail.displayName')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="password" label={t('detail.password')} rules={[{ required: true, min: 8, message: t('form.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function VisitForm({ enterpriseId, onClose }: { enterpriseId?: string; onClose(): void }) {
  const t = useEntT();
  const counts = useCounts();
  const [form] = Form.useForm<{ enterpriseId: string; visitedOn: Dayjs; visitors: string; findings?: string }>();
  const s = useSubmit((v: { enterpriseId: string; visitedOn: Dayjs; visitors: string; findings?: string }) =>
    entApi.createVisit({ enterpriseId: enterpriseId ?? v.enterpriseId, visitedOn: v.visitedOn.format(D), visitors: v.visitors, findings: v.findings ?? '' }), onClose);
  return (
    <Modal open title={t('visits.new')} onCancel={onClose} onOk={() => void valuesOf(form).then((v) => v && s.run(v))} confirmLoading={s.pending} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ visitedOn: dayjs(counts.data?.to) }}>
        {!enterpriseId && (
          <Form.Item name="enterpriseId" label={t('visits.enterprise')} rules={[{ required: true, message: t('form.required') }]}>
            <EnterpriseSearch testId="visit-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="visitedOn" label={t('visits.date')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="visitors" label={t('visits.visitors')} rules={[{ required: true, message: t('form.required') }]}>
          <Input maxLength={200} data-testid="visit-visitors" />
        </Form.Item>
        <Form.Item name="findings" label={t('visits.findings')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export interface AppealFormValues {
  title: string;
  detail?: string;
  category: AppealCategory;
  hard?: boolean;
}

/** The appeal's fields; used by staff (for an enterprise) and by the enterprise user. */
export function AppealForm({ onClose, submit }: { onClose(): void; submit(v: AppealFormValues): Promise<unknown> }) {
  const t = useEntT();
  const [form] = Form.useForm<AppealFormValues>();
  const s = useSubmit(submit, onClose);
  return (
    <Modal open title={t('appeals.new')} onCancel={onClose} onOk={() => void valuesOf(form).then((v) => v && s.run(v))} confirmLoading={s.pending} okText={t('save')} cancelText={t('cancel')} width={600} destroyOnHidden>
      <p className="gj-ent-muted">{t('appeals.standard')}</p>
      <Form form={form} layout="vertical" initialValues={{ hard: false }} data-testid="appeal-form">
        <Form.Item name="category" label={t('appeals.category')} rules={[{ required: true, message: t('form.required') }]}>
          <Select data-testid="appeal-category" options={CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('appeals.title')} rules={[{ required: true, min: 2, message: t('form.required') }]}>
          <Input maxLength={200} data-testid="appeal-title" />
        </Form.Item>
        <Form.Item name="detail" label={t('appeals.detail')}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="appeal-detail" />
        </Form.Item>
        <Form.Item name="hard" valuePropName="checked">
          <Checkbox>{t('appeals.hard')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
