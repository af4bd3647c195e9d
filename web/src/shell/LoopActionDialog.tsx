// The closed loop's step dialog (交办, 签收, 报结, 退回, 复核, 重新打开…), one for every
// module on the loop: the fields a step requires (unit, deadline, reason or note,
// evidence through the shared PhotoPicker), the deadline never before the zone's date,
// the body sent with the version of the row as read. A module passes only what is its
// own: its labels and texts (zh/en from its texts file), its test ids and its API call.
// The fields alone serve the projects problem drawer, whose buttons are the steps.
import { useState, type ReactNode } from 'react';
import type { Dayjs } from 'dayjs';
import { Form, Input, Modal, Select, Space, type ButtonProps, type DatePickerProps } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import { useErrorMessage } from '../api/useErrorMessage';
import { valuesOf } from '../forms';
import { DeadlinePicker } from './DeadlinePicker';
import { usePhotoPicker, type PhotoPickerOptions, type PickedFile } from './PhotoPicker';
import { useMessage } from './feedback';

export type LoopField = 'assignee' | 'deadline' | 'reason' | 'note';

export interface LoopActValues {
  assigneeUnitId?: string;
  deadline?: Dayjs;
  reason?: string;
  note?: string;
}

/** What the loop's act endpoints take; empty text is left out. */
export interface LoopActBody {
  assigneeUnitId?: string;
  deadline?: string;
  reason?: string;
  note?: string;
  fileIds?: string[];
  version: number;
}

export function loopBody(v: LoopActValues, version: number, fileIds?: string[]): LoopActBody {
  return { assigneeUnitId: v.assigneeUnitId, deadline: v.deadline?.format('YYYY-MM-DD'), reason: v.reason || undefined, note: v.note || undefined, fileIds, version };
}

/** The fields for a step from what the loop says it requires: a reason where one is required, else a note. */
export function stepFields(requires: string[]): LoopField[] {
  const picked = (['assignee', 'deadline'] as const).filter((f) => requires.includes(f));
  return [...picked, requires.includes('reason') ? 'reason' : 'note'];
}

export interface LoopFieldsProps {
  fields: LoopField[];
  /** Fields that must be filled; the projects drawer leaves it to the loop (none). */
  required?: LoopField[];
  labels: Partial<Record<LoopField, string>> & { required?: string };
  units?: { id: string; name: string }[];
  testIds?: Partial<Record<LoopField, string>>;
  deadlinePicker?: DatePickerProps;
  /** The reason's or note's text area (rows, length, placeholder) where a module's differs. */
  textArea?: TextAreaProps;
}

const DEFAULT_REQUIRED: LoopField[] = ['assignee', 'deadline', 'reason'];

export function LoopActionFields({ fields, required = DEFAULT_REQUIRED, labels, units, testIds = {}, deadlinePicker, textArea }: LoopFieldsProps) {
  // Only {required, message} on the unit and the date: any other key makes async-validator
  // check the value as a string, which a dayjs is not.
  const rules = (f: LoopField) => (required.includes(f) ? [f === 'reason' || f === 'note' ? { required: true, whitespace: true, message: labels.required } : { required: true, message: labels.required }] : undefined);
  const has = (f: LoopField) => fields.includes(f);
  return (
    <>
      {has('assignee') && (
        <Form.Item name="assigneeUnitId" label={labels.assignee} rules={rules('assignee')}>
          <Select data-testid={testIds.assignee} showSearch={{ optionFilterProp: 'label' }} options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      )}
      {has('deadline') && (
        <Form.Item name="deadline" label={labels.deadline} rules={rules('deadline')}>
          <DeadlinePicker data-testid={testIds.deadline} {...deadlinePicker} />
        </Form.Item>
      )}
      {has('reason') && (
        <Form.Item name="reason" label={labels.reason} rules={rules('reason')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid={testIds.reason} {...textArea} />
        </Form.Item>
      )}
      {has('note') && (
        <Form.Item name="note" label={labels.note} rules={rules('note')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid={testIds.note} {...textArea} />
        </Form.Item>
      )}
    </>
  );
}

/** Evidence for 报结: the shared picker, the chosen files in the module's thumbnail row, a hint. */
export interface LoopEvidence {
  label: string;
  hint: ReactNode;
  thumbsClassName: string;
  picker: Omit<PhotoPickerOptions<PickedFile>, 'files' | 'setFiles'>;
}

function EvidenceField({ e, files, setFiles }: { e: LoopEvidence; files: PickedFile[]; setFiles(f: (x: PickedFile[]) => PickedFile[]): void }) {
  const { uploader, chosen } = usePhotoPicker({ ...e.picker, files, setFiles });
  return (
    <Form.Item label={e.label} required>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {uploader}
        {chosen.length > 0 && <div className={e.thumbsClassName}>{chosen}</div>}
        {e.hint}
      </Space>
    </Form.Item>
  );
}

export interface LoopActionDialogProps extends LoopFieldsProps {
  title: ReactNode;
  /** The row's version as read: the server refuses the step when someone else moved first. */
  version: number;
  initialValues?: LoopActValues;
  evidence?: LoopEvidence;
  /** The module's call; a refusal is shown and the dialog stays open with what was typed. */
  onSubmit(body: LoopActBody): Promise<unknown>;
  /** Shown when the step is taken. */
  done: string;
  onClose(): void;
  okText?: string;
  cancelText?: string;
  formTestId?: string;
  okButtonProps?: ButtonProps;
}

export function LoopActionDialog(p: LoopActionDialogProps) {
  const [form] = Form.useForm<LoopActValues>();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [pending, setPending] = useState(false);
  const message = useMessage();
  const onError = useErrorMessage();
  const submit = async () => {
    const v = await valuesOf(form);
    if (!v) return;
    setPending(true);
    try {
      await p.onSubmit(loopBody(v, p.version, p.evidence ? files.map((f) => f.id) : undefined));
      message.success(p.done);
      p.onClose();
    } catch (err) {
      onError(err);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open
      title={p.title}
      onCancel={p.onClose}
      onOk={() => void submit()}
      confirmLoading={pending}
      okText={p.okText}
      cancelText={p.cancelText}
      okButtonProps={p.okButtonProps}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={p.initialValues} data-testid={p.formTestId}>
        <LoopActionFields {...p} />
        {p.evidence && <EvidenceField e={p.evidence} files={files} setFiles={setFiles} />}
      </Form>
    </Modal>
  );
}
