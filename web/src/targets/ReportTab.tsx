// 月度填报: a unit's figures for the month — year to date, same period last year,
// note, attachments — saved as a draft or submitted; or imported from the unit's
// xlsx template. A supervisor enters corrections here (with a reason once locked).
// While typing, the server's own checks (src/domains/targets/checks.ts) say why a
// value is no number, ask for a note on a drop or a big move, and show 同比,
// 完成率 and the gap to 序时进度; a partial submission is confirmed first.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Empty, Input, Modal, Select, Space, Spin, Table, Tag, Upload } from 'antd';
import { checkFigure, checkReport, type CheckResult } from '../../../src/domains/targets/checks';
import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMe, useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { QueryError } from '../system/QueryError';
import { targetsApi, upload, type FigureRowInput, type FigureState, type FormRow } from './api';
import { useTgT } from './i18n';
import { useImport } from './ImportButton';
import { useReport, useTgMutation, useUnits } from './queries';
import { usePhone } from '../shell/usePhone';
import DekadPanel from './DekadPanel';
import { useMessage } from '../shell/feedback';

type Draft = { value: string; prevYear: string; note: string; fileIds: string[] };

export const STATE_COLOR: Record<FigureState, string> = { draft: 'default', submitted: 'blue', approved: 'green', returned: 'red' };

export default function ReportTab({ period }: { period: string }) {
  const tt = useTgT();
  const me = useMe();
  const { can } = useSession();
  const supervisor = can('unitData.approve');
  const units = useUnits();
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = supervisor ? chosen : me.user.unitId;
  const q = useReport(unitId, period);
  const imp = useImportFigures(unitId, period);
  // The xlsx template and its import are desk work: a phone enters figures in the cards.
  const phone = usePhone();
  return (
    <>
      <div className="gj-tg-toolbar">
        <Space wrap>
          {supervisor ? (
            <Select
              style={{ width: phone ? '100%' : 220, minWidth: 200 }}
              placeholder={tt('rp.chooseUnit')}
              value={chosen ?? undefined}
              onChange={setChosen}
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="rp-unit"
            />
          ) : (
            <b data-testid="rp-unit-name">{me.user.unitName}</b>
          )}
          <Tag color="blue">{period}</Tag>
          {q.data && <span className="gj-tg-muted">{tt('rp.deadline', { date: q.data.deadline })}</span>}
        </Space>
        {unitId && !phone && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={targetsApi.templateUrl(unitId, period)} data-testid="rp-template">
              {tt('rp.template')}
            </Button>
            {!supervisor && imp.controls}
          </Space>
        )}
      </div>
      {!supervisor && !phone && imp.result}
      {unitId && <DekadPanel unitId={unitId} period={period} readOnly={supervisor} />}
      {!unitId ? (
        <Empty description={tt('rp.chooseUnit')} />
      ) : q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <FigureForm key={`${unitId}|${period}|${q.dataUpdatedAt}`} unitId={unitId} period={period} rows={q.data?.rows ?? []} moveShare={q.data?.moveShare} locked={q.data?.locked ?? false} loading={q.isLoading} supervisor={supervisor} />
      )}
    </>
  );
}

function useImportFigures(unitId: string | null, period: string) {
  const tt = useTgT();
  const [submit, setSubmit] = useState(true);
  const imp = useImport({
    url: `/api/targets/report/import?unitId=${unitId}&period=${period}&submit=${submit}`,
    label: tt('rp.import'),
    testId: 'rp-import',
    doneText: (j) => tt('rp.imported', { n: j.result?.imported ?? 0 }),
  });
  const controls = (
    <>
      <Checkbox checked={submit} onChange={(e) => setSubmit(e.target.checked)} data-testid="rp-import-submit">
        {tt('rp.importSubmit')}
      </Checkbox>
      {imp.button}
    </>
  );
  return { controls, result: imp.result };
}

function FigureForm({ unitId, period, rows, moveShare, locked, loading, supervisor }: { unitId: string; period: string; rows: FormRow[]; moveShare?: string; locked: boolean; loading: boolean; supervisor: boolean }) {
  const tt = useTgT();
  const me = useMe();
  const { lang } = useI18n();
  const message = useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const onError = useErrorMessage();
  const phone = usePhone();
  const init = (r: FormRow): Draft => ({ value: r.figure?.value ?? '', prevYear: r.figure?.prevYear ?? '', note: r.figure?.note ?? '', fileIds: r.figure?.fileIds ?? [] });
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(rows.map((r) => [r.indicatorId, init(r)])));
  const [reason, setReason] = useState('');
  useEffect(() => setDrafts(Object.fromEntries(rows.map((r) => [r.indicatorId, init(r)]))), [rows]);
  const set = (id: string, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));
  const editable = (r: FormRow) => (supervisor ? true : !locked && r.figure?.state !== 'approved' && r.fillMethod !== 'system');
  // The server's checks, run on every keystroke.
  const checks = useMemo(() => {
    const out = new Map<string, CheckResult>();
    for (const r of rows) {
      const d = drafts[r.indicatorId];
      out.set(r.indicatorId, checkFigure({ indicator: r, period, value: d?.value ?? '', prevYear: d?.prevYear, note: d?.note, prevMonth: r.prevMonth, target: r.floor, expectedShare: r.expectedShare, lastDekad: r.lastDekad, moveShare }));
    }
    return out;
  }, [rows, drafts, period, moveShare]);
  const fieldError = (r: FormRow, field: 'value' | 'prevYear') => checks.get(r.indicatorId)?.errors.find((f) => f.field === field)?.text[lang];

  const save = useTgMutation(async (submit: boolean) => {
    const out: FigureRowInput[] = [];
    for (const r of rows) {
      const d = drafts[r.indicatorId];
      if (!d || !editable(r) || d.value.trim() === '') continue;
      const changed = !r.figure || d.value.trim() !== r.figure.value || (d.prevYear.trim() || null) !== r.figure.prevYear || d.note !== r.figure.note || d.fileIds.join() !== r.figure.fileIds.join();
      if (supervisor && !changed) continue;
      out.push({ indicatorId: r.indicatorId, value: d.value.trim(), prevYear: d.prevYear.trim() || null, note: d.note.trim(), fileIds: d.fileIds });
    }
    if (out.length === 0) {
      if (submit && !supervisor) return { n: (await targetsApi.submit(unitId, period)).submitted, kind: 'submit' as const };
      throw new Error(tt('rp.nothing'));
    }
    if (supervisor) return { n: (await targetsApi.correct({ unitId, period, rows: out, reason: reason.trim() || undefined })).saved, kind: 'correct' as const };
    return { n: (await targetsApi.saveReport({ unitId, period, rows: out, submit })).saved, kind: submit ? ('submit' as const) : ('save' as const) };
  });
  const run = (submit: boolean) =>
    save.mutateAsync(submit).then((r) => message.success(r.kind === 'save' ? tt('saved') : r.kind === 'submit' ? tt('rp.submitted', { n: r.n }) : tt('rp.corrected', { n: r.n })), onError);
  // The rows this clerk can still report: the form's judgement of them.
  const open = rows.filter((r) => editable(r) && r.figure?.state !== 'submitted');
  const report = checkReport(open.map((r) => ({ code: r.code, name: r.name, result: checks.get(r.indicatorId)! })));
  const anyBad = rows.some((r) => (checks.get(r.indicatorId)?.errors.length ?? 0) > 0);
  const needNote = supervisor ? [] : report.needNote;
  const submit = () => {
    if (!report.partial) return void run(true);
    modal.confirm({
      title: tt('rp.partialTitle', { n: report.unreported.length }),
      content: <span data-testid="rp-partial-list">{tt('rp.partialBody', { names: report.unreported.map((u) => u.name).join('、') })}</span>,
      okText: tt('rp.partialOk'),
      okButtonProps: { 'data-testid': 'rp-partial-ok' } as Record<`data-${string}`, string>,
      onOk: () => run(true),
    });
  };

  // One indicator's cells: the table's columns on a desk, a card's lines on a phone.
  const valueInput = (r: FormRow) => (
    <>
      <Input
        value={drafts[r.indicatorId]?.value}
        disabled={!editable(r)}
        status={fieldError(r, 'value') ? 'error' : checks.get(r.indicatorId)?.warnings.length ? 'warning' : undefined}
        onChange={(e) => set(r.indicatorId, { value: e.target.value })}
        inputMode="decimal"
        data-testid={`rp-value-${r.code}`}
        aria-label={`${r.name} ${tt('rp.value')}`}
        aria-invalid={Boolean(fieldError(r, 'value'))}
      />
      <Findings r={r} result={checks.get(r.indicatorId)} />
    </>
  );
  const prevInput = (r: FormRow) => (
    <>
      <Input
        value={drafts[r.indicatorId]?.prevYear}
        disabled={!editable(r)}
        status={fieldError(r, 'prevYear') ? 'error' : undefined}
        onChange={(e) => set(r.indicatorId, { prevYear: e.target.value })}
        inputMode="decimal"
        data-testid={`rp-prev-${r.code}`}
        aria-label={`${r.name} ${tt('rp.prevYear')}`}
      />
      {fieldError(r, 'prevYear') && <div className="gj-tg-reason" data-testid={`rp-prev-reason-${r.code}`}>{fieldError(r, 'prevYear')}</div>}
    </>
  );
  const noteInput = (r: FormRow) => (
    <Input
      value={drafts[r.indicatorId]?.note}
      disabled={!editable(r)}
      maxLength={500}
      status={!supervisor && checks.get(r.indicatorId)?.needsNote ? 'warning' : undefined}
      placeholder={checks.get(r.indicatorId)?.warnings.length ? tt('rp.notePlaceholder') : phone ? tt('rp.note') : undefined}
      aria-label={`${r.name} ${tt('rp.note')}`}
      onChange={(e) => set(r.indicatorId, { note: e.target.value })}
      data-testid={`rp-note-${r.code}`}
    />
  );
  const filesButton = (r: FormRow) => (
    <Upload
      showUploadList={false}
      disabled={!editable(r)}
      beforeUpload={(file) => {
        upload<{ id: string }>('/api/files', file, me.csrfToken, lang).then((f) => set(r.indicatorId, { fileIds: [...(drafts[r.indicatorId]?.fileIds ?? []), f.id] }), onError);
        return false;
      }}
    >
      <Button size={phone ? 'middle' : 'small'} icon={<PaperClipOutlined />} disabled={!editable(r)} aria-label={tt('rp.files')} data-testid={`rp-files-${r.code}`}>
        {drafts[r.indicatorId]?.fileIds.length || ''}
      </Button>
    </Upload>
  );
  const stateOf = (r: FormRow) =>
    r.figure ? (
      <Space orientation="vertical" size={0}>
        <Tag color={STATE_COLOR[r.figure.state]} data-testid={`rp-state-${r.code}`}>{tt(`state.${r.figure.state}`)}</Tag>
        {r.figure.returnReason && <span style={{ color: '#cf1322' }}>{tt('rp.returned', { reason: r.figure.returnReason })}</span>}
        {r.figure.correctionReason && <Tag color="orange">{tt('rp.correction', { reason: r.figure.correctionReason })}</Tag>}
      </Space>
    ) : null;

  return (
    <>
      {modalHolder}
      {locked && <Alert type={supervisor ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={tt(supervisor ? 'rp.lockedSupervisor' : 'rp.locked', { period })} />}
      {phone ? (
        <Spin spinning={loading}>
          {rows.length === 0 && !loading && <Empty description={tt('rp.noRows')} />}
          <div className="gj-rp-cards" data-testid="rp-cards">
            {rows.map((r) => (
              <Card key={r.indicatorId} size="small" className="gj-rp-card" data-testid={`rp-card-${r.code}`}>
                <div className="gj-stacked-head">
                  <div className="gj-stacked-title">
                    {r.name}
                    <span className="gj-tg-muted">（{r.measure}）</span>
                  </div>
                  <div className="gj-stacked-extra">
                    {r.level === 'zone' && <Tag color="purple">{tt('rp.level.zone')}</Tag>}
                    {stateOf(r)}
                  </div>
                </div>
                <div className="gj-tg-muted gj-rp-floor">
                  {tt('tg.floor')}：{r.floor ?? '—'}
                </div>
                <div className="gj-rp-pair">
                  <label>
                    <span className="gj-rp-label">{tt('rp.value')}</span>
                    {valueInput(r)}
                  </label>
                  <label>
                    <span className="gj-rp-label">{tt('rp.prevYear')}</span>
                    {prevInput(r)}
                  </label>
                </div>
                <LiveFigures result={checks.get(r.indicatorId)} code={r.code} inline />
                <div className="gj-rp-note">
                  {noteInput(r)}
                  {filesButton(r)}
                </div>
              </Card>
            ))}
          </div>
        </Spin>
      ) : (
        <Table<FormRow>
          rowKey="indicatorId"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={rows}
          data-testid="rp-table"
          locale={{ emptyText: <Empty description={tt('rp.noRows')} /> }}
          columns={[
            {
              title: tt('tg.indicator'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <Space size={4} wrap>
                  <span>{v}</span>
                  <span className="gj-tg-muted">（{r.measure}）</span>
                  {r.level === 'zone' && <Tag color="purple">{tt('rp.level.zone')}</Tag>}
                </Space>
              ),
            },
            { title: tt('tg.floor'), dataIndex: 'floor', align: 'right', render: (v: string | null) => v ?? '—' },
            {
              title: tt('rp.value'),
              key: 'value',
              width: 150,
              render: (_, r) => valueInput(r),
            },
            {
              title: tt('rp.prevYear'),
              key: 'prevYear',
              width: 150,
              render: (_, r) => prevInput(r),
            },
            {
              title: tt('rp.live'),
              key: 'live',
              width: 150,
              render: (_, r) => <LiveFigures result={checks.get(r.indicatorId)} code={r.code} />,
            },
            {
              title: tt('rp.note'),
              key: 'note',
              render: (_, r) => noteInput(r),
            },
            {
              title: tt('rp.files'),
              key: 'files',
              width: 90,
              render: (_, r) => filesButton(r),
            },
            {
              title: tt('rp.state'),
              key: 'state',
              render: (_, r) => stateOf(r),
            },
          ]}
        />
      )}
      {rows.length > 0 && (
        <Space style={{ marginTop: 12 }} wrap className={phone ? 'gj-sticky-bar' : undefined} data-testid="rp-actions">
          {supervisor ? (
            <>
              {locked && <Input style={{ width: phone ? '100%' : 320 }} placeholder={tt('rp.correctReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="rp-reason" />}
              <Button type="primary" onClick={() => void run(true)} loading={save.isPending} disabled={anyBad || (locked && !reason.trim())} data-testid="rp-correct">
                {tt('rp.correct')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={() => void run(false)} loading={save.isPending} disabled={locked || anyBad} data-testid="rp-save">
                {tt('rp.saveDraft')}
              </Button>
              <Button type="primary" onClick={submit} loading={save.isPending} disabled={locked || anyBad || needNote.length > 0} data-testid="rp-submit">
                {tt('rp.submit')}
              </Button>
            </>
          )}
          {/* Why the buttons are grey, in words. */}
          {anyBad && <span className="gj-tg-reason" data-testid="rp-why-invalid">{tt('rp.invalid', { n: rows.filter((r) => checks.get(r.indicatorId)?.errors.length).length })}</span>}
          {needNote.length > 0 && <span className="gj-tg-warn" data-testid="rp-why-note">{tt('rp.needNote', { n: needNote.length })}</span>}
        </Space>
      )}
    </>
  );
}

/** Why a value is refused (red) or needs a note (amber), under its input. */
function Findings({ r, result }: { r: FormRow; result?: CheckResult }) {
  const { lang } = useI18n();
  if (!result || result.findings.length === 0) return null;
  return (
    <>
      {result.findings
        .filter((f) => f.field === 'value')
        .map((f) => (
          <div key={f.code} className={f.severity === 'error' ? 'gj-tg-reason' : 'gj-tg-warn'} data-testid={`rp-${f.severity === 'error' ? 'reason' : 'warn'}-${r.code}`}>
            {f.text[lang]}
          </div>
        ))}
    </>
  );
}

/** 同比, 完成率 and the gap to 序时进度 of what is typed now. */
function LiveFigures({ result, code, inline }: { result?: CheckResult; code: string; inline?: boolean }) {
  const tt = useTgT();
  const live = result?.live;
  if (!live || (live.yoy === null && live.completion === null)) return inline ? null : <span className="gj-tg-muted">—</span>;
  const signed = (v: string) => (v.startsWith('-') ? v : `+${v}`);
  return (
    <Space orientation={inline ? 'horizontal' : 'vertical'} size={inline ? [12, 0] : 0} wrap={inline} data-testid={`rp-live-${code}`}>
      {live.yoy !== null && <span>{tt('rp.live.yoy', { v: `${signed(live.yoy)}%` })}</span>}
      {live.completion !== null && <span>{tt('rp.live.completion', { v: live.completion })}</span>}
      {live.gap !== null && <span className={live.gap.startsWith('-') ? 'gj-tg-warn' : undefined}>{tt('rp.live.gap', { v: signed(live.gap) })}</span>}
    </Space>
  );
}
