// 领导批示 pieces used on several pages: the list of instructions with their state,
// deadline and overdue days and the loop steps open to the user (签收, 反馈进展,
// 报请办结, 办结, 退回); the block shown where the object is shown (通报, 项目问题…)
// with 写批示 for a leader; the writing form.
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Button, type ButtonProps, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMe } from '../auth/session';
import { useErrorMessage } from '../api/useErrorMessage';
import { instructionsApi, type Instruction, type InstructionAction, type InstructionSubject } from './api';
import { useInT, type InKey } from './i18n';
import { useInMutation, useInstructions, useUnitChoices } from './queries';
import { DeadlinePicker } from '../shell/DeadlinePicker';
import { LoopActionDialog } from '../shell/LoopActionDialog';
import { Field, StackedList } from '../shell/StackedList';
import { usePhone } from '../shell/usePhone';
import { useMessage } from '../shell/feedback';

const LIGHT_COLOR = { green: 'green', amber: 'orange', red: 'red', done: 'default' } as const;
/** The steps shown as buttons, in the order a unit and the office take them. */
const STEPS: InstructionAction[] = ['accept', 'report_done', 'verify', 'return'];

export function StateTag({ i }: { i: Instruction }) {
  const it = useInT();
  return (
    <Space size={4} wrap>
      <Tag color={i.state === 'closed' ? 'green' : LIGHT_COLOR[i.light]} data-testid={`in-state-${i.id}`}>
        {it(`state.${i.state}` as InKey)}
      </Tag>
      {i.overdueDays > 0 && <Tag color="red">{it('overdue', { n: i.overdueDays })}</Tag>}
      {i.closedOn && <Typography.Text type="secondary">{it('closedOn', { date: i.closedOn })}</Typography.Text>}
    </Space>
  );
}

/** Counts over a list: 共N件 · 已办结 · 落实中 · 逾期 (the overdue are among those in hand). */
export function Counts({ items }: { items: Instruction[] }) {
  const it = useInT();
  const closed = items.filter((i) => i.state === 'closed').length;
  const overdue = items.filter((i) => i.overdueDays > 0).length;
  return (
    <Space size={8} wrap data-testid="in-counts">
      <Tag>{it('count.total', { n: items.length })}</Tag>
      <Tag color="green">{it('count.closed', { n: closed })}</Tag>
      <Tag color="blue">{it('count.open', { n: items.length - closed })}</Tag>
      {overdue > 0 && <Tag color="red">{it('count.overdue', { n: overdue })}</Tag>}
    </Space>
  );
}

/** The loop steps open to the user, and 反馈进展 for the addressed units' accounts. */
function Steps({ i }: { i: Instruction }) {
  const it = useInT();
  const me = useMe();
  const message = useMessage();
  const onError = useErrorMessage();
  const [text, setText] = useState<{ mode: 'note' | 'return' } | null>(null);
  const act = useInMutation((body: { action: InstructionAction; reason?: string }) => instructionsApi.act(i.itemId, { ...body, version: i.version }));
  const note = useInMutation((n: string) => instructionsApi.note(i.itemId, n));
  const canNote = me.user.role === 'reporter' && i.state !== 'closed';
  const steps = STEPS.filter((a) => i.actions.includes(a));
  if (!steps.length && !canNote) return null;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(it('act.ok'));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <>
      <Space size={4} wrap>
        {steps
          .filter((a) => a !== 'return')
          .map((a) => (
            <Button key={a} size="small" type="primary" disabled={act.isPending} data-testid={`in-${a}-${i.id}`} onClick={() => run(() => act.mutateAsync({ action: a }))}>
              {it(`act.${a}` as InKey)}
            </Button>
          ))}
        {canNote && (
          <Button size="small" data-testid={`in-note-${i.id}`} onClick={() => setText({ mode: 'note' })}>
            {it('act.note')}
          </Button>
        )}
        {steps.includes('return') && (
          <Button size="small" danger onClick={() => setText({ mode: 'return' })}>
            {it('act.return')}
          </Button>
        )}
      </Space>
      {text && (
        <LoopActionDialog
          title={it(`act.${text.mode}`)}
          fields={[text.mode === 'return' ? 'reason' : 'note']}
          required={[text.mode === 'return' ? 'reason' : 'note']}
          labels={{ required: it('f.required', { what: it(`act.${text.mode}`) }) }}
          testIds={{ reason: 'in-text', note: 'in-text' }}
          textArea={{ maxLength: 2000, placeholder: text.mode === 'return' ? it('reason.placeholder') : it('note.placeholder') }}
          okButtonProps={{ 'data-testid': 'in-text-ok' } as ButtonProps}
          version={i.version}
          onSubmit={(b) => (text.mode === 'return' ? act.mutateAsync({ action: 'return', reason: b.reason }) : note.mutateAsync(b.note ?? ''))}
          done={it('act.ok')}
          onClose={() => setText(null)}
        />
      )}
    </>
  );
}

/**
 * Instructions as a table, what matters first (the text, how it stands, by when, who
 * leads), then what it is on and when it was written; the leader's column only when the
 * list is not the leader's own, the steps only when the user may take one.
 */
export function InstructionTable({ items, loading, showSubject = true, showLeader = true }: { items: Instruction[]; loading?: boolean; showSubject?: boolean; showLeader?: boolean }) {
  const it = useInT();
  const me = useMe();
  const phone = usePhone();
  const showSteps = items.some((i) => i.actions.some((a) => STEPS.includes(a)) || (me.user.role === 'reporter' && i.state !== 'closed'));
  type Col = NonNullable<Parameters<typeof Table<Instruction>>[0]['columns']>[number];
  const cols: (Col | false)[] = [
    { title: it('col.text'), dataIndex: 'text', render: (v: string) => <div style={{ minWidth: 180, maxWidth: 340, whiteSpace: 'normal' }}>{v}</div> },
    { title: it('col.state'), key: 'state', width: 130, render: (_: unknown, r: Instruction) => <StateTag i={r} /> },
    { title: it('col.deadline'), dataIndex: 'deadline', width: 100 },
    {
      title: it('col.lead'),
      key: 'units',
      render: (_: unknown, r: Instruction) => (
        <div style={{ whiteSpace: 'normal', maxWidth: 160 }}>
          <b>{r.leadUnitName}</b>
          {r.supportingUnits.length > 0 && <div className="gj-in-muted">{`${it('col.supporting')}：${r.supportingUnits.map((u) => u.name).join('、')}`}</div>}
        </div>
      ),
    },
    showSubject && {
      title: it('col.subject'),
      key: 'subject',
      render: (_: unknown, r: Instruction) => (
        <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>
          <Typography.Text type="secondary">{it(`subject.${r.subjectType}` as InKey)}</Typography.Text> {r.subjectTitle}
          {r.period ? `（${r.period}）` : ''}
        </div>
      ),
    },
    { title: it('col.written'), dataIndex: 'writtenOn', width: 100 },
    showLeader && { title: it('col.leader'), dataIndex: 'leaderName', width: 80 },
    showSteps && { title: it('col.actions'), key: 'actions', render: (_: unknown, r: Instruction) => <Steps i={r} /> },
  ];
  // On a phone, the same rows as cards: the text, how it stands, by when, who leads, and the steps as 44 px buttons.
  if (phone)
    return (
      <StackedList<Instruction>
        data-testid="in-table"
        items={items}
        loading={loading}
        rowKey={(r) => r.id}
        title={(r) => <span className="gj-in-text">{r.text}</span>}
        body={(r) => (
          <>
            <Field label={it('col.state')}>
              <StateTag i={r} />
            </Field>
            <Field label={it('col.deadline')}>{r.deadline}</Field>
            <Field label={it('col.lead')}>
              <b>{r.leadUnitName}</b>
              {r.supportingUnits.length > 0 && <div className="gj-in-muted">{`${it('col.supporting')}：${r.supportingUnits.map((u) => u.name).join('、')}`}</div>}
            </Field>
            {showSubject && (
              <Field label={it('col.subject')}>
                <Typography.Text type="secondary">{it(`subject.${r.subjectType}` as InKey)}</Typography.Text> {r.subjectTitle}
                {r.period ? `（${r.period}）` : ''}
              </Field>
            )}
            <Field label={it('col.written')}>
              {r.writtenOn}
              {showLeader && ` · ${r.leaderName}`}
            </Field>
            {showSteps && (
              <div className="gj-in-steps-phone">
                <Steps i={r} />
              </div>
            )}
          </>
        )}
      />
    );
  return (
    <Table<Instruction>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      tableLayout="auto"
      data-testid="in-table"
      columns={cols.filter((c): c is Col => !!c)}
    />
  );
}

/** 写批示: text, lead and supporting units, a deadline from the zone's date on. */
function WriteDialog({ subjectType, subjectId, period, subjectTitle, onClose }: { subjectType: InstructionSubject; subjectId: string; period?: string; subjectTitle: string; onClose(): void }) {
  const it = useInT();
  const message = useMessage();
  const onError = useErrorMessage();
  const units = useUnitChoices(true);
  const [form] = Form.useForm<{ text: string; leadUnitId: string; supportingUnitIds?: string[]; deadline: Dayjs }>();
  const lead = Form.useWatch('leadUnitId', form);
  const write = useInMutation(instructionsApi.write);
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const required = (what: InKey) => [{ required: true, message: it('f.required', { what: it(what) }) }];
  return (
    <Modal
      open
      title={it('write.title', { subject: subjectTitle })}
      onCancel={onClose}
      okText={it('write')}
      okButtonProps={{ 'data-testid': 'in-write-ok', loading: write.isPending } as ButtonProps}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await write.mutateAsync({ subjectType, subjectId, period, text: v.text, leadUnitId: v.leadUnitId, supportingUnitIds: v.supportingUnitIds ?? [], deadline: v.deadline.format('YYYY-MM-DD') });
          message.success(it('write.ok'));
          onClose();
        } catch (err) {
          onError(err);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={it('f.text')} rules={[...required('f.text'), { whitespace: true, min: 2, message: it('f.required', { what: it('f.text') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={it('f.textHelp')} data-testid="in-text-input" />
        </Form.Item>
        <Form.Item name="leadUnitId" label={it('f.lead')} rules={required('f.lead')}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="in-lead" loading={units.isLoading} />
        </Form.Item>
        <Form.Item name="supportingUnitIds" label={it('f.supporting')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options.filter((o) => o.value !== lead)} data-testid="in-supporting" />
        </Form.Item>
        <Form.Item name="deadline" label={it('f.deadline')} rules={required('f.deadline')}>
          <DeadlinePicker style={{ width: '100%' }} data-testid="in-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 领导批示 on one object: its instructions the user may see, and 写批示 for a leader.
 * Hidden for a user who may neither see one nor write one (another unit sees nothing).
 */
export function InstructionsBlock({ subjectType, subjectId, period, subjectTitle }: { subjectType: InstructionSubject; subjectId: string; period?: string; subjectTitle: string }) {
  const it = useInT();
  const me = useMe();
  const canWrite = !!me.abilities['instruction.write'];
  const q = useInstructions({ subjectType, subjectId, period });
  const [writing, setWriting] = useState(false);
  const items = q.data?.items ?? [];
  if (!canWrite && !items.length) return null;
  return (
    <Card
      size="small"
      title={it('block.title')}
      className="gj-in-block"
      data-testid="in-block"
      style={{ marginBottom: 16 }}
      extra={
        canWrite && (
          <Button type="primary" size="small" onClick={() => setWriting(true)} data-testid="in-write">
            {it('write')}
          </Button>
        )
      }
    >
      {items.length ? <InstructionTable items={items} loading={q.isLoading} showSubject={false} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={it('block.none')} />}
      {writing && <WriteDialog subjectType={subjectType} subjectId={subjectId} period={period} subjectTitle={subjectTitle} onClose={() => setWriting(false)} />}
    </Card>
  );
}
