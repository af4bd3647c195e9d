// The module map's other half: every scheduled job of every domain, named in one place.
// The server's scheduler runs exactly this list (src/cli.ts); nothing registers by being imported.
import type { ScheduledJob } from '../shared/scheduler';
import { jobsExpireJob } from '../shared/jobs';
import { reportingRemindersJob } from './targets/reminders';
import { taskScanJob } from './supervision/scan';
import { problemWatchJob } from './projects/watch';
import { hazardWatchJob } from './hazards/watch';
import { appealWatchJob } from './enterprises/appeals';

export const scheduledJobs: readonly ScheduledJob[] = [
  jobsExpireJob,
  reportingRemindersJob,
  taskScanJob,
  problemWatchJob,
  hazardWatchJob,
  appealWatchJob,
];
