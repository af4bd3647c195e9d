// A brand-new zone: units and the demo staff's memberships, nothing else — no
// indicators, figures, projects, tasks, enterprises or leads. The demo staff accounts
// (admin, leader, supervisor, viewer) are attached with their roles, so tests sign in
// to it with the demo password; `${code}-town1` reports for the first unit.
import type { DbHandle } from '../../src/db/client';
import { makeZone } from './factories';

export async function createEmptyZone(handle: DbHandle, code: string, name = '新建经开区'): Promise<string> {
  return (await makeZone(handle, code, { name, reporters: ['town1'] })).id;
}
