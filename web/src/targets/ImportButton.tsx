// Upload an xlsx, follow the background job's progress, and show either the
// count saved or every bad row and cell in words a clerk understands.
import { useState } from 'react';
import { Alert, Button, Progress, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../auth/session';
import { useI18n } from '../i18n';
import { useErrorMessage } from '../api/useErrorMessage';
import { cockpitKeys } from '../cockpit/queries';
import { targetsApi, upload, type JobState } from './api';
import { useTgT } from './i18n';
import { targetKeys } from './queries';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The button (for a toolbar) and the outcome panel (shown under it). */
/** The job as last polled; before the first answer, just "running". */
type Shown = Pick<JobState, 'status' | 'progress' | 'message' | 'result' | 'errors'>;

export function useImport({ url, label, doneText, testId }: { url: string; label: string; doneText(job: Shown): string; testId: string }) {
  const me = useMe();
  const { lang } = useI18n();
  const tt = useTgT();
  const qc = useQueryClient();
  const onError = useErrorMessage();
  const [job, setJob] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (file: File) => {
    setBusy(true);
    setJob({ status: 'running', progress: 0, message: '', result: null, errors: null });
    try {
      const { jobId } = await upload<{ jobId: string }>(url, file, me.csrfToken, lang);
      let state: JobState;
      do {
        await sleep(300);
        state = await targetsApi.job(jobId);
        setJob(state);
      } while (state.status === 'running');
      await Promise.all([qc.invalidateQueries({ queryKey: targetKeys.all }), qc.invalidateQueries({ queryKey: cockpitKeys.all })]);
    } catch (e) {
      setJob(null);
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const button = (
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void run(f), false)}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {label}
        </Button>
      </Upload>
  );
  const result = job && (
        <div className="gj-tg-errors" data-testid={`${testId}-result`}>
          {job.status === 'running' && <Progress percent={job.progress} size="small" format={() => `${tt('rp.importing')} ${job.progress}%`} />}
          {job.status === 'succeeded' && <Alert type="success" showIcon closable={{ onClose: () => setJob(null) }} title={doneText(job)} />}
          {job.status === 'failed' && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setJob(null) }}
              title={job.errors?.message[lang] ?? tt('rp.importFailed')}
              description={
                <>
                  {tt('rp.importFailed')}
                  <ul>
                    {(job.errors?.details ?? []).map((d, i) => (
                      <li key={i}>
                        {tt('rp.row', { row: d.row })}
                        {d.column ? `「${d.column}」` : ''}：{d.message[lang]}
                      </li>
                    ))}
                  </ul>
                </>
              }
            />
          )}
        </div>
  );
  return { button, result };
}
