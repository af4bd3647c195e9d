import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { ApiError } from './api/client';
import { antdLocales, I18nProvider, useI18n } from './i18n';
import { SessionProvider } from './auth/session';
import { AppRoutes } from './App';
import { themeFor } from './theme';
import { usePhone } from './shell/usePhone';
import { FeedbackProvider } from './shell/feedback';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refused or missing record will not appear by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      // The server is the only thing we talk to (often on an intranet the browser calls
      // "offline"): always ask, and show its error, rather than wait silently for a network event.
      networkMode: 'always',
    },
    mutations: { networkMode: 'always' },
  },
});

function Themed() {
  const { lang } = useI18n();
  const phone = usePhone();
  return (
    // On a phone: the phone theme, and option lists that scroll natively (the virtual
    // list's own touch scrolling can move under a finger and miss the tap).
    <ConfigProvider locale={antdLocales[lang]} theme={themeFor(phone)} virtual={phone ? false : undefined}>
      <FeedbackProvider>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </FeedbackProvider>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <I18nProvider>
          <Themed />
        </I18nProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
