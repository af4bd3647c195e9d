// The abilities this module looks at, apart from parts.tsx so that the module list
// (in every first load) does not pull the pages' amounts (decimal.js) and texts with it.
import type { Me } from '../api/types';

/** The server's abilities, including the enterprise domain's (not in the shared Action type). */
export type EntAction = 'enterprise.read' | 'enterprise.write' | 'enterprise.manage' | 'enterprise.self' | 'attraction.write';
export const has = (me: Pick<Me, 'abilities'>, action: EntAction) => (me.abilities as Record<string, boolean | undefined>)[action] === true;
