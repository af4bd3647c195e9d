// The zone outline the battle map draws: strict GeoJSON polygons. One bad outline
// (a string where a coordinate belongs, an open ring) used to blank the map for
// everyone, because the browser's map library throws on it; so the API accepts only
// what it can draw: finite [lng, lat] in range, closed rings, a bounded size.
import { z } from 'zod';
import { AppError } from '../../shared/errors';

/** Enough for a zone's boundary at street-level detail; far below what would stall a browser. */
export const MAX_OUTLINE_POSITIONS = 100_000;
const MAX_FEATURES = 500;

const position = z.union([
  z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]),
  z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90), z.number().finite()]),
]);
const ring = z
  .array(position)
  .min(4)
  .refine((r) => r.length < 4 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]), 'a ring must end where it starts');
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(1000) });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(1000)).min(1).max(1000) });
const geometry = z.discriminatedUnion('type', [polygon, multiPolygon]);
const properties = z.record(z.string().max(100), z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()])).nullable().optional();
const feature = z.object({ type: z.literal('Feature'), geometry, properties });

/** A FeatureCollection, one Feature, or a bare Polygon/MultiPolygon. */
export const outlineInput = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('FeatureCollection'), features: z.array(feature).min(1).max(MAX_FEATURES) }),
    feature,
    polygon,
    multiPolygon,
  ])
  .superRefine((g, ctx) => {
    if (countPositions(g) > MAX_OUTLINE_POSITIONS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_OUTLINE_POSITIONS} points` });
  });
export type OutlineInput = z.infer<typeof outlineInput>;
type Feature = z.infer<typeof feature>;

function features(g: OutlineInput): Feature[] {
  if (g.type === 'FeatureCollection') return g.features;
  if (g.type === 'Feature') return [g];
  return [{ type: 'Feature', geometry: g, properties: null }];
}

function countPositions(g: OutlineInput): number {
  let n = 0;
  for (const f of features(g)) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polygons) for (const r of p) n += r.length;
  }
  return n;
}

/** What the route accepts before the strict check, so a bad file gets the outline's own message. */
export const outlineBody = z.looseObject({ type: z.string().max(40) }).describe('GeoJSON: FeatureCollection, Feature, Polygon or MultiPolygon');

/** The checked outline, or project.outline_invalid naming the first thing wrong. */
export function parseOutline(body: unknown): OutlineInput {
  const r = outlineInput.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new AppError('project.outline_invalid', { reason: `${issue.path.join('.') || 'type'}: ${issue.message}` });
}

/** The outline as the FeatureCollection the map registers; ECharts needs a name on every feature. */
export function asFeatureCollection(g: OutlineInput) {
  return {
    type: 'FeatureCollection' as const,
    features: features(g).map((f, i) => ({ type: 'Feature' as const, geometry: f.geometry, properties: { name: `area-${i + 1}`, ...(f.properties ?? {}) } })),
  };
}
