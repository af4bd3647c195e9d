import { Alert, Button } from 'antd';
import { useT } from '../i18n';

/** A list that could not load: the server's message and a retry. */
export function QueryError({ error, onRetry }: { error: Error; onRetry(): void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={error.message}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
