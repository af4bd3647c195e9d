// The one phone breakpoint of the web app: narrower than antd's md (768 px). Pages
// ask this hook, never a media query of their own, so that the shell, the theme
// (phoneTheme: 44 px controls, 16 px fields) and every page switch at the same width.
import { useSyncExternalStore } from 'react';

export const PHONE_QUERY = '(max-width: 767.98px)';

const media = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : null);

function subscribe(onChange: () => void) {
  const m = media();
  m?.addEventListener('change', onChange);
  return () => m?.removeEventListener('change', onChange);
}

/** True on a phone (viewport narrower than 768 px). */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false, () => false);
}
