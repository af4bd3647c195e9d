import { useCallback } from 'react';

import { ApiError } from './client';
import { useMessage } from '../shell/feedback';

/** Shows a failed request's message; the server's text is already in the user's language. */
export function useErrorMessage() {
  const message = useMessage();
  return useCallback(
    (err: unknown) => {
      // 401 is handled once, by the session (back to the sign-in page).
      if (err instanceof ApiError && err.status === 401) return;
      message.error(err instanceof Error ? err.message : String(err));
    },
    [message],
  );
}
