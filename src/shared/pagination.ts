// Lists paginate on the server: one query schema and one envelope for all of them.
import { z } from 'zod';

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.pageSize;

/** Runs a page's rows and the total count together and wraps them in the envelope. */
export async function paged<T>(q: PageQuery, rows: PromiseLike<T[]>, count: PromiseLike<{ n: number }[]>) {
  const [items, [total]] = await Promise.all([rows, count]);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
