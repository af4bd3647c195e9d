// Response schemas of 招商引资. A zod object strips keys it does not name when the
// reply is serialised, so each shape lists every field its service returns; the
// checks at the end fail the typecheck when a service gains a field a schema forgets.
// Timestamps are Date (z.date()), days 'YYYY-MM-DD' (isoDate), amounts numeric strings.
import { z } from 'zod';
import { contactKinds, currencies, leadStages, projectCategories } from '../../db/schema';
import { isoDate } from '../../shared/http';
import { pageOf } from '../../shared/pagination';
import { projectRow } from '../projects/schemas';
import type { addContact, convertLead, getLead, Lead, listLeads } from './service';
import type { attractionCounts } from './signings';

export const leadBody = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  investor: z.string(),
  source: z.string(),
  team: z.string(),
  unitId: z.string(),
  chain: z.string(),
  category: z.enum(projectCategories),
  currency: z.enum(currencies),
  expectedInvestment: z.string().describe('decimal amount, 亿 of the currency'),
  foreignCapital: z.boolean(),
  stage: z.enum(leadStages),
  signedOn: isoDate.nullable(),
  projectId: z.string().nullable(),
  demo: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});

export const leadPage = pageOf(leadBody.extend({ unitName: z.string(), contacts: z.number().int() }));

export const contactBody = z.object({
  id: z.string(),
  zoneId: z.string(),
  leadId: z.string(),
  onDate: isoDate,
  kind: z.enum(contactKinds),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});

export const leadDetail = z.object({
  lead: leadBody,
  contacts: z.array(contactBody.extend({ by: z.string().nullable() })),
  canWrite: z.boolean(),
  today: isoDate,
});

const monthCount = z.object({
  month: z.number().int(),
  signedLarge: z.number().int(),
  signedLargeInvestmentYuan: z.string().nullable(),
  foreignProjects: z.number().int(),
  foreignInvestmentUsd: z.string(),
  foreignInvestmentYuan: z.string().nullable(),
});

export const countsBody = z.object({
  year: z.number().int(),
  usdRate: z.string().nullable(),
  months: z.array(monthCount),
  ytd: z.array(monthCount),
  today: isoDate,
});

export const convertBody = z.object({ lead: leadBody, project: projectRow });

// ---- Completeness: a service field missing from its schema would be stripped silently. ----
type Missing<Returned, Schema extends z.ZodType> = Exclude<keyof Returned, keyof z.output<Schema>>;
type Assert<T extends never> = T;
type Item<T> = T extends readonly (infer I)[] ? I : never;
type Detail = Awaited<ReturnType<typeof getLead>>;
type Counts = Awaited<ReturnType<typeof attractionCounts>>;
export type SchemaChecks = [
  Assert<Missing<Lead, typeof leadBody>>,
  Assert<Missing<Item<Awaited<ReturnType<typeof listLeads>>['items']>, typeof leadPage.shape.items.element>>,
  Assert<Missing<Detail, typeof leadDetail>>,
  Assert<Missing<Item<Detail['contacts']>, typeof leadDetail.shape.contacts.element>>,
  Assert<Missing<Awaited<ReturnType<typeof addContact>>, typeof contactBody>>,
  Assert<Missing<Counts, typeof countsBody>>,
  Assert<Missing<Item<Counts['months']>, typeof monthCount>>,
  Assert<Missing<Awaited<ReturnType<typeof convertLead>>, typeof convertBody>>,
];
