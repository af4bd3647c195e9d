// Real records for the route matrix: for each path parameter of the OpenAPI
// document, a query that finds records of the right kind with their zone, unit
// and (projects) named members; and the requests each case sends.
import type { TestApp } from './app';

/** Columns: one per path parameter, then zone, unit (NULL for zone-level records) and members. */
const project = `SELECT id, zone_id AS zone, responsible_unit_id AS unit, to_json(task_force_user_ids || array_remove(ARRAY[leader_user_id], NULL)) AS members FROM projects`;
const enterprise = `SELECT id, zone_id AS zone, unit_id AS unit FROM enterprises WHERE unit_id IS NOT NULL`;
const zoneLevel = (table: string, id = 'id') => `SELECT id AS "${id}", zone_id AS zone, NULL::uuid AS unit FROM ${table}`;
const ofTask = (table: string) =>
  `SELECT r.id, r.zone_id AS zone, i.assignee_unit_id AS unit FROM ${table} r JOIN supervision_tasks t ON t.id = r.task_id JOIN loop_items i ON i.id = t.loop_item_id`;

/** Every parametrised path of the API. A path missing here fails the matrix: new routes are covered by construction. */
export const RECORDS: Record<string, string> = {
  '/api/assessment/schemes/{id}': zoneLevel('assessment_schemes'),
  '/api/assessment/schemes/{id}/adjustments': zoneLevel('assessment_schemes'),
  '/api/assessment/schemes/{id}/adjustments/{adjustmentId}': `SELECT scheme_id AS id, id AS "adjustmentId", zone_id AS zone, unit_id AS unit FROM assessment_adjustments`,
  '/api/assessment/schemes/{id}/publish': zoneLevel('assessment_schemes'),
  '/api/assessment/schemes/{id}/recompute': zoneLevel('assessment_schemes'),
  '/api/assessment/schemes/{id}/results': zoneLevel('assessment_schemes'),
  '/api/attraction/leads/{id}': `SELECT id, zone_id AS zone, unit_id AS unit FROM attraction_leads`,
  '/api/attraction/leads/{id}/contacts': `SELECT id, zone_id AS zone, unit_id AS unit FROM attraction_leads`,
  '/api/attraction/leads/{id}/convert': `SELECT id, zone_id AS zone, unit_id AS unit FROM attraction_leads`,
  '/api/attraction/leads/{id}/stage': `SELECT id, zone_id AS zone, unit_id AS unit FROM attraction_leads`,
  '/api/bulletins/{id}': zoneLevel('bulletins'),
  '/api/bulletins/{id}/charts': zoneLevel('bulletins'),
  '/api/bulletins/{id}/download': zoneLevel('bulletins'),
  '/api/bulletins/{id}/publish': zoneLevel('bulletins'),
  '/api/campaigns/{id}': zoneLevel('campaigns'),
  '/api/enterprise-appeals/{id}': `SELECT a.id, a.zone_id AS zone, e.unit_id AS unit FROM enterprise_appeals a JOIN enterprises e ON e.id = a.enterprise_id`,
  '/api/enterprise-appeals/{id}/actions': `SELECT a.id, a.zone_id AS zone, e.unit_id AS unit FROM enterprise_appeals a JOIN enterprises e ON e.id = a.enterprise_id`,
  '/api/enterprise-appeals/{id}/answer': `SELECT a.id, a.zone_id AS zone, e.unit_id AS unit FROM enterprise_appeals a JOIN enterprises e ON e.id = a.enterprise_id`,
  '/api/enterprise-plans/{id}': `SELECT p.id, p.zone_id AS zone, e.unit_id AS unit FROM enterprise_plans p JOIN enterprises e ON e.id = p.enterprise_id`,
  '/api/enterprise-plans/{id}/actuals/{month}': `SELECT p.id, '3' AS month, p.zone_id AS zone, e.unit_id AS unit FROM enterprise_plans p JOIN enterprises e ON e.id = p.enterprise_id`,
  '/api/enterprise-pools/{id}': zoneLevel('cultivation_pools'),
  '/api/enterprise-pools/{id}/members': zoneLevel('cultivation_pools'),
  '/api/enterprise-pools/{id}/members/{enterpriseId}': `SELECT m.pool_id AS id, m.enterprise_id AS "enterpriseId", e.zone_id AS zone, NULL::uuid AS unit FROM pool_members m JOIN enterprises e ON e.id = m.enterprise_id`,
  '/api/enterprises/{id}': enterprise,
  '/api/enterprises/{id}/accounts': enterprise,
  '/api/enterprises/{id}/figures': enterprise,
  '/api/enterprises/{id}/tags': enterprise,
  '/api/enterprises/{id}/tags/{spanId}': `SELECT t.enterprise_id AS id, t.id AS "spanId", t.zone_id AS zone, e.unit_id AS unit FROM enterprise_tags t JOIN enterprises e ON e.id = t.enterprise_id`,
  '/api/enterprises/{id}/tags/{spanId}/lose': `SELECT t.enterprise_id AS id, t.id AS "spanId", t.zone_id AS zone, e.unit_id AS unit FROM enterprise_tags t JOIN enterprises e ON e.id = t.enterprise_id`,
  '/api/hazards/{id}': `SELECT id, zone_id AS zone, unit_id AS unit FROM hazards`,
  '/api/hazards/{id}/actions': `SELECT id, zone_id AS zone, unit_id AS unit FROM hazards`,
  '/api/hazards/{id}/evidence': `SELECT id, zone_id AS zone, unit_id AS unit FROM hazards`,
  '/api/my-enterprise/appeals/{id}': `SELECT id, zone_id AS zone, NULL::uuid AS unit FROM enterprise_appeals`,
  '/api/my-enterprise/appeals/{id}/rate': `SELECT id, zone_id AS zone, NULL::uuid AS unit FROM enterprise_appeals`,
  '/api/my-enterprise/appeals/{id}/withdraw': `SELECT id, zone_id AS zone, NULL::uuid AS unit FROM enterprise_appeals`,
  '/api/projects/{id}': project,
  '/api/projects/{id}/history': project,
  '/api/projects/{id}/investments': project,
  '/api/projects/{id}/milestones/{milestoneId}': `SELECT p.id, m.id AS "milestoneId", p.zone_id AS zone, p.responsible_unit_id AS unit, to_json(p.task_force_user_ids || array_remove(ARRAY[p.leader_user_id], NULL)) AS members FROM project_milestones m JOIN projects p ON p.id = m.project_id`,
  '/api/projects/{id}/plan': project,
  '/api/projects/{id}/plan/approve': project,
  '/api/projects/{id}/problems': project,
  '/api/projects/{id}/service-checks/{key}': `SELECT id, 'one_leader' AS key, zone_id AS zone, responsible_unit_id AS unit, to_json(task_force_user_ids || array_remove(ARRAY[leader_user_id], NULL)) AS members FROM projects`,
  '/api/projects/{id}/stage': project,
  '/api/projects/{id}/task-force': project,
  '/api/projects/{id}/updates': project,
  '/api/projects/investments/{id}/review': `SELECT id, zone_id AS zone, unit_id AS unit FROM project_investments`,
  '/api/supervision/documents/{id}': zoneLevel('supervision_documents'),
  '/api/supervision/documents/{id}/confirm': zoneLevel('supervision_documents'),
  '/api/supervision/notices/{id}/docx': ofTask('supervision_notices'),
  '/api/supervision/requests/{id}/decision': ofTask('supervision_requests'),
  '/api/supervision/tasks/{id}': `SELECT t.id, t.zone_id AS zone, i.assignee_unit_id AS unit FROM supervision_tasks t JOIN loop_items i ON i.id = t.loop_item_id`,
  '/api/supervision/tasks/{id}/delay-reason': `SELECT t.id, t.zone_id AS zone, i.assignee_unit_id AS unit FROM supervision_tasks t JOIN loop_items i ON i.id = t.loop_item_id`,
  '/api/supervision/tasks/{id}/notices': `SELECT t.id, t.zone_id AS zone, i.assignee_unit_id AS unit FROM supervision_tasks t JOIN loop_items i ON i.id = t.loop_item_id`,
  '/api/supervision/tasks/{id}/progress': `SELECT t.id, t.zone_id AS zone, i.assignee_unit_id AS unit FROM supervision_tasks t JOIN loop_items i ON i.id = t.loop_item_id`,
  '/api/supervision/tasks/{id}/requests': `SELECT t.id, t.zone_id AS zone, i.assignee_unit_id AS unit FROM supervision_tasks t JOIN loop_items i ON i.id = t.loop_item_id`,
  '/api/targets/indicators/{id}': zoneLevel('indicators'),
  '/api/targets/periods/{period}/lock': `SELECT '2022-08' AS period, id AS zone, NULL::uuid AS unit FROM zones`,
  '/api/targets/targets/{id}': `SELECT id, zone_id AS zone, unit_id AS unit FROM targets`,
  '/api/targets/tokens/{id}': zoneLevel('api_tokens'),
  '/api/units/{id}': `SELECT id, zone_id AS zone, id AS unit FROM units`,
  '/api/users/{id}': `SELECT user_id AS id, zone_id AS zone, unit_id AS unit FROM memberships WHERE role = 'reporter'`,
  '/api/files/{id}': `SELECT id, zone_id AS zone, unit_id AS unit FROM files`,
  '/api/jobs/{id}': zoneLevel('jobs'),
  '/api/loop/items/{id}': `SELECT id, zone_id AS zone, assignee_unit_id AS unit FROM loop_items`,
  '/api/loop/items/{id}/actions': `SELECT id, zone_id AS zone, assignee_unit_id AS unit FROM loop_items`,
  '/api/loop/items/{id}/notes': `SELECT id, zone_id AS zone, assignee_unit_id AS unit FROM loop_items`,
  '/api/notifications/{id}/read': `SELECT id, zone_id AS zone, unit_id AS unit FROM notifications`,
  '/api/notifications/unit-webhooks/{unitId}': `SELECT id AS "unitId", zone_id AS zone, id AS unit FROM units`,
};

/** Paths whose parameters name no record of a zone (a month): there is no other zone's to name. */
export const NO_RECORD = new Set(['/api/targets/periods/{period}/lock']);

export type Variant = 'own' | 'other' | 'zone';
export interface Picked {
  params: Record<string, string>;
  unit: string | null;
  members: string[];
}

/** A record id that exists nowhere: the case is still sent, and must not succeed in another zone. */
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/**
 * The record a variant names: own = in the own unit (else any of the zone), other = another unit's
 * (else any of the zone), zone = the other zone's. Without any such record, a well-formed id of none.
 */
export async function pick(t: TestApp, path: string, variant: Variant, zones: { own: string; other: string }, ownUnit: string): Promise<Picked> {
  const sql = RECORDS[path]!;
  const zone = variant === 'zone' ? zones.other : zones.own;
  const prefer = variant === 'own' ? 'x.unit = $2::uuid' : variant === 'other' ? 'x.unit IS DISTINCT FROM $2::uuid AND x.unit IS NOT NULL' : '$2::uuid IS NOT NULL';
  const rows = await t.handle.query<Record<string, unknown>>(
    `SELECT * FROM (${sql}) x WHERE x.zone = $1 ORDER BY (${prefer}) DESC, x.unit NULLS LAST LIMIT 1`,
    [zone, ownUnit],
  );
  const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const row = rows[0];
  const params = Object.fromEntries(names.map((n) => [n, row ? String(row[n]) : n === 'period' ? '2022-08' : n === 'month' ? '3' : NOWHERE]));
  return { params, unit: (row?.unit as string | null) ?? null, members: (row?.members as string[] | undefined) ?? [] };
}
