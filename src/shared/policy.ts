// Who may do what, in one place. Every route names an action; the server asks
// `can(actor, action, scope)` before reading another unit's data or writing
// anything, and sends `abilities(actor)` to the client so the UI hides the rest.
import type { Role } from '../db/schema';
import { AppError } from './errors';

export interface Actor {
  userId: string;
  zoneId: string;
  role: Role;
  /** The unit a reporter or viewer belongs to. */
  unitId: string | null;
}

/** What an action touches: the unit whose data it is, when it is a unit's. */
export interface Scope {
  unitId?: string | null;
  /** People a record names as its own (a project's task force and assigned leader). */
  memberIds?: readonly string[];
}

type Rule = (actor: Actor, scope: Scope) => boolean;

const anyOf =
  (...roles: Role[]): Rule =>
  (a) => roles.includes(a.role);
const ownUnit: Rule = (a, s) => a.unitId !== null && s.unitId === a.unitId;
const either =
  (...rules: Rule[]): Rule =>
  (a, s) => rules.some((r) => r(a, s));
const zoneWide = anyOf('admin', 'leader', 'supervisor');

export const rules = {
  /** One's own session, password and language. */
  'self.manage': anyOf('admin', 'leader', 'supervisor', 'reporter', 'viewer', 'enterprise'),
  /** Zone structure (units list, indicator catalogue): everybody signed in. */
  'zone.read': anyOf('admin', 'leader', 'supervisor', 'reporter', 'viewer'),
  'unit.manage': anyOf('admin'),
  'user.manage': anyOf('admin'),
  /** The zone's settings, e.g. its pinned business date. */
  'zone.manage': anyOf('admin'),
  'audit.read': anyOf('admin', 'leader', 'supervisor'),
  /** Uploading an attachment (photos, evidence, documents): the roles that write something to attach it to. */
  'file.upload': anyOf('admin', 'supervisor', 'reporter'),
  /** A unit's own records, drafts included. */
  'unitData.read': either(zoneWide, (a, s) => (a.role === 'reporter' || a.role === 'viewer') && ownUnit(a, s)),
  /** Entering figures, progress and evidence for a unit. */
  'unitData.write': (a, s) => a.role === 'reporter' && ownUnit(a, s),
  /** Approving, returning, locking and publishing. */
  'unitData.approve': anyOf('supervisor'),
  /** Indicators, targets, schemes, templates, campaigns. */
  'config.write': anyOf('supervisor', 'admin'),
  /** Zone-wide views: cockpit, rankings, published bulletins. */
  'zoneData.read': anyOf('admin', 'leader', 'supervisor', 'reporter', 'viewer'),
  /** A project's milestones, progress and photos: supervisors, the responsible unit's reporters, its task force and assigned leader. */
  'project.progress': either(
    anyOf('supervisor'),
    (a, s) => a.role === 'reporter' && ownUnit(a, s),
    (a, s) => ['leader', 'reporter', 'supervisor'].includes(a.role) && !!s.memberIds?.includes(a.userId),
  ),
  /** Investment-attraction leads and their contact log: supervisors, or reporters of the team's unit. */
  'attraction.write': either(anyOf('supervisor'), (a, s) => a.role === 'reporter' && ownUnit(a, s)),
  /** Hazards (隐患): supervisors register and verify any unit's; reporters register and rectify their own unit's. */
  'hazard.write': either(anyOf('supervisor'), (a, s) => a.role === 'reporter' && ownUnit(a, s)),
  /** The enterprise register, pools, plans, visits and appeal statistics: every zone account (not enterprises). */
  'enterprise.read': anyOf('admin', 'leader', 'supervisor', 'reporter', 'viewer'),
  /** An enterprise's figures, tags, visits, appeals and plan actuals: supervisors, or reporters of the unit it sits in. */
  'enterprise.write': either(anyOf('supervisor', 'admin'), (a, s) => a.role === 'reporter' && ownUnit(a, s)),
  /** Register imports, pools and their members, plans, enterprise accounts. */
  'enterprise.manage': anyOf('supervisor', 'admin'),
  /** Writing an instruction (领导批示) on a bulletin, indicator, project problem or appeal: leaders only, their one write. */
  'instruction.write': anyOf('leader'),
  /** An enterprise user's own enterprise and appeals (the link is checked in the domain). */
  'enterprise.self': anyOf('enterprise'),
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

export function can(actor: Actor, action: Action, scope: Scope = {}): boolean {
  return rules[action](actor, scope);
}

/** The signed-in actor of a request context, or 401. */
export function requireActor(ctx: { actor: Actor | null }): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

export function authorize(actor: Actor, action: Action, scope: Scope = {}): void {
  if (!can(actor, action, scope)) throw new AppError('policy.forbidden');
}

/** The subset of unit ids this actor may use for an action: one check for a whole list. */
export function allowedUnits(actor: Actor, action: Action, unitIds: readonly string[]): string[] {
  return unitIds.filter((unitId) => can(actor, action, { unitId }));
}

/** Unit-independent abilities plus the actor's own-unit ones, for the client. */
export function abilities(actor: Actor): Record<Action, boolean> {
  const scope = { unitId: actor.unitId };
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, scope)])) as Record<Action, boolean>;
}
