// antd's message, mounted at the first toast (shell/feedback.tsx): its holder renders the
// toasts inside the app's ConfigProvider (theme, language).
import { useEffect, type ReactNode } from 'react';
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

export default function MessageHost({ onReady }: { onReady: (api: MessageInstance) => void }): ReactNode {
  const [api, holder] = message.useMessage();
  useEffect(() => onReady(api), [api, onReady]);
  return holder;
}
