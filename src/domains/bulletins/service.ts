// Bulletins (通报): drafted from the data as a background job, edited by the
// supervisor, published (frozen, with its Word and Excel files built once and
// kept), downloaded. Drafts are seen by the zone-wide roles only.
import { and, count, desc, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, ReadDb, Tx } from '../../db/client';
import { bulletinExports, bulletinSettings, bulletins, zones } from '../../db/schema';
import { writeAudited, type Audit } from '../../server/context';
import { today, type Clock } from '../../shared/calendar';
import { AppError } from '../../shared/errors';
import { isoDate } from '../../shared/http';
import { checkVersion, stillCurrent, version } from '../../shared/input';
import type { Progress } from '../../shared/jobs';
import { offsetOf, paged, type PageQuery } from '../../shared/pagination';
import type { Actor } from '../../shared/policy';
import { seesDrafts } from '../assessment/schemes';
import { copyToInput, gatherContent, getSettings, settingsInput, type BulletinContent } from './data';
import { buildDocx } from './docx';
import { calendarPeriod, campaignPeriod, type BulletinPeriod } from './period';
import { nextLabelOf, requirementsDraft } from './sections';
import { buildXlsx } from './xlsx';

export type BulletinRow = typeof bulletins.$inferSelect;
export type Format = 'docx' | 'xlsx';

export const draftInput = z
  .object({
    period: z.string().trim().max(10).optional(),
    campaignId: z.uuid().optional(),
  })
  .refine((v) => !!v.period !== !!v.campaignId, { message: 'give either period (YYYY-MM | YYYY-Qn | YYYY-Hn | YYYY) or campaignId' });
export type DraftInput = z.infer<typeof draftInput>;

export const editInput = z.object({
  title: z.string().trim().min(4).max(120),
  issueNo: z.string().trim().max(40),
  lead: z.string().trim().min(1).max(5000),
  closing: z.string().trim().max(10000),
  // 版记: absent fields keep what the draft has.
  copyTo: copyToInput.optional(),
  printOffice: z.string().trim().max(60).optional(),
  printDate: isoDate.nullable().optional(),
  version,
});
export type EditInput = z.infer<typeof editInput>;

const noContent = (label: string) =>
  new AppError('bulletins.no_content', { label });
const notFound = () => new AppError('bulletins.not_found');
export const frozenBulletin = () =>
  new AppError('bulletins.published');

export async function resolvePeriod(db: ReadDb | Tx, zoneId: string, input: DraftInput, todayIso: string): Promise<BulletinPeriod> {
  return input.campaignId ? campaignPeriod(db, zoneId, input.campaignId, todayIso) : calendarPeriod(input.period!);
}

export const defaultTitle = (p: BulletinPeriod) => `关于${p.titleLabel}目标任务推进情况的通报`;

export async function listBulletins(db: ReadDb, actor: Actor, q: PageQuery) {
  const where = and(eq(bulletins.zoneId, actor.zoneId), seesDrafts(actor) ? undefined : eq(bulletins.state, 'published'));
  const cols = {
    id: bulletins.id,
    periodKind: bulletins.periodKind,
    period: bulletins.period,
    title: bulletins.title,
    issueNo: bulletins.issueNo,
    state: bulletins.state,
    publishedAt: bulletins.publishedAt,
    createdAt: bulletins.createdAt,
    updatedAt: bulletins.updatedAt,
  };
  return paged(
    q,
    db.select(cols).from(bulletins).where(where).orderBy(desc(bulletins.createdAt)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(bulletins).where(where),
  );
}

export async function getBulletin(db: ReadDb | Tx, actor: Actor, id: string): Promise<BulletinRow> {
  const [row] = await db.select().from(bulletins).where(and(eq(bulletins.id, id), eq(bulletins.zoneId, actor.zoneId)));
  if (!row || (row.state !== 'published' && !seesDrafts(actor))) throw notFound();
  return row;
}

/** The draft's number within its year: 第N期, counting the zone's bulletins of that year. */
async function nextIssueNo(tx: Tx, zoneId: string, year: number): Promise<string> {
  const [r] = await tx
    .select({ n: count() })
    .from(bulletins)
    .where(and(eq(bulletins.zoneId, zoneId), like(bulletins.issueNo, `${year}年第%`)));
  return `${year}年第${(r?.n ?? 0) + 1}期`;
}

/** Gathers the content (read-only), then writes the draft in one audited transaction. */
export async function draftBulletin(db: Database, actor: Actor, input: DraftInput, clock: Clock, progress: Progress = async () => {}) {
  const todayIso = today(clock);
  const period = await resolvePeriod(db, actor.zoneId, input, todayIso);
  await progress(10, 'gather');
  const content = await gatherContent(db, actor.zoneId, period, clock);
  // Nothing to report (a new zone, or a period before any data): say so, rather than publish an empty shell.
  if (content.zoneFigures.length === 0 && content.indicators.length === 0 && !content.projects && !content.tasks && !content.ranking) throw noContent(period.titleLabel);
  await progress(60, 'charts');
  // Render once now, so a chart that cannot be drawn fails the draft, not the download.
  const { bulletinCharts } = await import('./docx');
  bulletinCharts(content);
  await progress(80, 'save');
  const settings = await getSettings(db, actor.zoneId);
  const row = await writeAudited(db, actor, null, async (tx, audit) => {
    const [inserted] = await tx
      .insert(bulletins)
      .values({
        zoneId: actor.zoneId,
        periodKind: period.kind,
        period: period.kind === 'campaign' ? period.lastMonth : period.code,
        title: defaultTitle(period),
        issueNo: await nextIssueNo(tx, actor.zoneId, period.year),
        lead: content.lead,
        // 下步工作要求: a draft from what lags, for the supervisor to edit before publishing.
        closing: content.problems ? requirementsDraft(content.problems, nextLabelOf(period.kind, Number(period.lastMonth.slice(5)))) : '',
        copyTo: settings.copyTo,
        printOffice: await issuerOf(tx, actor.zoneId),
        schemeId: content.ranking?.schemeId ?? null,
        content,
        createdBy: actor.userId || null,
      })
      .returning();
    await audit({ action: 'create', entity: 'bulletin', entityId: inserted!.id, after: { title: inserted!.title, period: inserted!.period, lead: inserted!.lead } });
    return inserted!;
  });
  return { bulletinId: row.id, title: row.title };
}

export async function updateBulletin(tx: Tx, audit: Audit, actor: Actor, id: string, input: EditInput) {
  const before = await getBulletin(tx, actor, id);
  if (before.state === 'published') throw frozenBulletin();
  checkVersion(input.version, before.version);
  const [after] = await tx
    .update(bulletins)
    .set({
      title: input.title,
      issueNo: input.issueNo,
      lead: input.lead,
      closing: input.closing,
      copyTo: input.copyTo ?? before.copyTo,
      printOffice: input.printOffice ?? before.printOffice,
      printDate: input.printDate === undefined ? before.printDate : input.printDate,
      updatedAt: new Date(),
      version: before.version + 1,
    })
    .where(and(eq(bulletins.id, id), eq(bulletins.version, before.version)))
    .returning();
  stillCurrent(after);
  const pick = (b: BulletinRow) => ({ title: b.title, issueNo: b.issueNo, lead: b.lead, closing: b.closing, copyTo: b.copyTo, printOffice: b.printOffice, printDate: b.printDate });
  await audit({ action: 'update', entity: 'bulletin', entityId: id, before: pick(before), after: pick(after!) });
  return after!;
}

export async function deleteBulletin(tx: Tx, audit: Audit, actor: Actor, id: string) {
  const before = await getBulletin(tx, actor, id);
  if (before.state === 'published') throw frozenBulletin();
  await tx.delete(bulletins).where(eq(bulletins.id, id));
  await audit({ action: 'delete', entity: 'bulletin', entityId: id, before: { title: before.title, period: before.period } });
}

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

async function issuerOf(db: ReadDb | Tx, zoneId: string): Promise<string> {
  const { issuer } = await getSettings(db, zoneId);
  if (issuer) return issuer;
  const [z] = await db.select({ name: zones.name }).from(zones).where(eq(zones.id, zoneId));
  return `${z?.name ?? ''}督查办公室`;
}

type Renderable = Pick<BulletinRow, 'zoneId' | 'title' | 'issueNo' | 'lead' | 'closing' | 'content' | 'state' | 'publishedAt' | 'copyTo' | 'printOffice' | 'printDate'>;

/** Builds the Word or Excel file of a bulletin as it stands (a draft is marked 草稿). */
export async function renderBulletin(db: ReadDb | Tx, b: Renderable, format: Format, todayIso: string, progress?: (p: number) => Promise<void>) {
  const input = {
    title: b.title,
    issueNo: b.issueNo,
    issuer: await issuerOf(db, b.zoneId),
    date: b.publishedAt ? chinaDate(b.publishedAt) : todayIso,
    lead: b.lead,
    closing: b.closing,
    content: b.content as BulletinContent,
    draft: b.state !== 'published',
    colophon: { copyTo: b.copyTo, printOffice: b.printOffice, printDate: b.printDate ?? (b.publishedAt ? chinaDate(b.publishedAt) : todayIso) },
  };
  const data = format === 'docx' ? await buildDocx(input, progress) : await buildXlsx(input);
  return { name: `${b.title}${input.draft ? '（草稿）' : ''}.${format}`, data };
}

/** The command line's bulletin: gathered and rendered now, nothing stored. */
export async function buildBulletinFile(db: ReadDb, zoneId: string, periodCode: string, format: Format, clock: Clock) {
  const period = calendarPeriod(periodCode);
  const content = await gatherContent(db, zoneId, period, clock);
  const { copyTo } = await getSettings(db, zoneId);
  const closing = content.problems ? requirementsDraft(content.problems, nextLabelOf(period.kind, Number(period.lastMonth.slice(5)))) : '';
  return renderBulletin(
    db,
    { zoneId, title: defaultTitle(period), issueNo: '', lead: content.lead, closing, content, state: 'published', publishedAt: clock(), copyTo, printOffice: await issuerOf(db, zoneId), printDate: null },
    format,
    today(clock),
  );
}

/** Publishes: freezes the text and keeps the Word and Excel files built from it. */
export async function publishBulletin(tx: Tx, audit: Audit, actor: Actor, id: string, now: Date, version?: number) {
  const before = await getBulletin(tx, actor, id);
  if (before.state === 'published') throw frozenBulletin();
  if (version !== undefined) checkVersion(version, before.version);
  const [after] = await tx
    .update(bulletins)
    .set({ state: 'published', publishedAt: now, publishedBy: actor.userId || null, printDate: before.printDate ?? chinaDate(now), updatedAt: now, version: before.version + 1 })
    .where(and(eq(bulletins.id, id), eq(bulletins.version, before.version)))
    .returning();
  stillCurrent(after);
  for (const format of ['docx', 'xlsx'] as const) {
    const file = await renderBulletin(tx, after!, format, chinaDate(now));
    await tx.insert(bulletinExports).values({ zoneId: actor.zoneId, bulletinId: id, format, name: file.name, size: file.data.length, data: file.data, createdBy: actor.userId || null });
  }
  await audit({ action: 'publish', entity: 'bulletin', entityId: id, before: { state: before.state }, after: { state: 'published', title: after!.title } });
  return after!;
}

/** A published bulletin's kept file; a draft's file built now. */
export async function downloadBulletin(db: ReadDb, actor: Actor, id: string, format: Format, todayIso: string) {
  const b = await getBulletin(db, actor, id);
  if (b.state === 'published') {
    const [kept] = await db
      .select({ name: bulletinExports.name, data: bulletinExports.data })
      .from(bulletinExports)
      .where(and(eq(bulletinExports.bulletinId, id), eq(bulletinExports.format, format)))
      .orderBy(desc(bulletinExports.createdAt))
      .limit(1);
    if (kept) return kept;
  }
  return renderBulletin(db, b, format, todayIso);
}

export async function saveSettings(tx: Tx, audit: Audit, actor: Actor, input: z.infer<typeof settingsInput>) {
  const before = await getSettings(tx, actor.zoneId);
  checkVersion(input.version, before.version);
  const values = { issuer: input.issuer, leadSpec: input.leadSpec, copyTo: input.copyTo ?? before.copyTo, version: before.version + 1 };
  // Conditional on the version read: a save racing this one (even the zone's first) gets a 409.
  const [saved] = await tx
    .insert(bulletinSettings)
    .values({ zoneId: actor.zoneId, ...values })
    .onConflictDoUpdate({ target: bulletinSettings.zoneId, set: { ...values, updatedAt: new Date() }, setWhere: eq(bulletinSettings.version, before.version) })
    .returning();
  stillCurrent(saved);
  await audit({ action: 'update', entity: 'bulletin_settings', entityId: actor.zoneId, before, after: input });
  return getSettings(tx, actor.zoneId);
}
