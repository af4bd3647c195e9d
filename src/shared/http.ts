// Small schemas every domain's routes share.
import { z } from 'zod';
import { isIsoDate } from './calendar';

export const errorBody = z.object({ code: z.string(), message: z.string() });
export const idParams = z.object({ id: z.uuid() });
export const okBody = z.object({ ok: z.literal(true) });
/** Standard error responses, so the OpenAPI document lists them on every route. */
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
/** A day on the calendar: 'YYYY-MM-DD' that exists (no 2022-02-30), the one date schema of every input. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => isIsoDate(s), 'a real calendar date YYYY-MM-DD');
