// The app's toasts (antd's message), as antd's App would give them but without its Modal
// and notification, which no page takes from context (the one confirm makes its own), and
// without message itself until the first toast: together ≈ 25 KB gzip that every first page
// would otherwise load. The first toast waits for that small script; later ones do not.
// The wrapper keeps App's base text style.
import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { theme } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

type Kind = 'success' | 'error' | 'warning' | 'info';
export type Messages = Record<Kind, (content: ReactNode) => void>;

// Should its script fail to load (the server restarting), that toast is lost, not the page.
const MessageHost = lazy(() => import('./MessageHost').catch(() => ({ default: (_: { onReady: unknown }) => null })));
const MessageContext = createContext<Messages | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  const [wanted, setWanted] = useState(false);
  const host = useRef<MessageInstance | null>(null);
  const waiting = useRef<[Kind, ReactNode][]>([]);
  const ready = useCallback((api: MessageInstance) => {
    host.current = api;
    for (const [kind, content] of waiting.current.splice(0)) void api[kind](content);
  }, []);
  const messages = useMemo(() => {
    const show = (kind: Kind) => (content: ReactNode) => {
      if (host.current) return void host.current[kind](content);
      waiting.current.push([kind, content]);
      setWanted(true);
    };
    return { success: show('success'), error: show('error'), warning: show('warning'), info: show('info') };
  }, []);
  return (
    <MessageContext.Provider value={messages}>
      {wanted && (
        <Suspense fallback={null}>
          <MessageHost onReady={ready} />
        </Suspense>
      )}
      <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>{children}</div>
    </MessageContext.Provider>
  );
}

/** The app's toasts, themed and in the user's language. */
export function useMessage(): Messages {
  const api = useContext(MessageContext);
  if (!api) throw new Error('useMessage() outside FeedbackProvider');
  return api;
}
