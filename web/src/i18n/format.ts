import dayjs from 'dayjs';

/** Dates and times in tables: 2022-08-15 09:30. */
export const DATE_TIME = 'YYYY-MM-DD HH:mm';
export const DATE = 'YYYY-MM-DD';

export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME) : String(value);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
export const looksLikeTimestamp = (v: unknown): v is string => typeof v === 'string' && ISO_TIME.test(v);
