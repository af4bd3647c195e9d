// Each domain's demo records, run in this order for a new demo zone after its
// units and accounts exist. A seeder writes through the domain's own services
// (validated and audited) and uses the seeds' exact figures where they give them.
import type { DbHandle } from '../../db/client';
import type { DemoZone } from './zones';
import { seedSupervision } from './supervision';
import { seedProjects } from './projects';
import { seedAssessment } from './assessment';
import { seedEnterprises } from './enterprises';
import { seedTargets } from './targets';
import { seedCampaigns } from './campaigns';
import { seedFeeds } from './feeds';
import { seedInstructions } from './instructions';
import { seedHazards } from './hazards';

export type DemoSeeder = (handle: DbHandle, zone: DemoZone, zoneId: string) => Promise<void>;

export const seeders: DemoSeeder[] = [
  // one line per domain, e.g. seedTargets,
  seedTargets, // first: other domains may feed counts into its indicators
  seedProjects,
  seedAssessment,
  seedEnterprises,
  seedFeeds, // after projects, leads and the register: their counts into the system-filled indicators
  seedSupervision,
  seedInstructions, // after projects and targets: written on their problems and indicators
  seedCampaigns, // links the projects the seeds name
  seedHazards, // after campaigns: a hazard may belong to one
];
