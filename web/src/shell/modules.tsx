// The module list: the one place where a domain joins the web app. The sider menu,
// the routes and the page a user lands on after signing in all come from here.
//
// To add a module (say 驾驶舱): write `web/src/cockpit/module.tsx` exporting a
// LiveModule (path, visible(ctx) from the server's abilities, a lazy Page), then
// replace the planned entry below with it. Planned entries are never shown.
import { systemModule } from '../system/module';
import { cockpitModule } from '../cockpit/module';
import { targetsModule } from '../targets/module';
import { projectsModule } from '../projects/module';
import { supervisionModule } from '../supervision/module';
import { enterprisesModule } from '../enterprises/module';
import { attractionModule } from '../attraction/module';
import { assessmentModule } from '../assessment/module';
import { bulletinsModule } from '../bulletins/module';
import { instructionsModule } from '../instructions/module';
import { hazardsModule } from '../hazards/module';
import type { AppModule, LiveModule, ModuleContext } from './moduleTypes';

export const modules: AppModule[] = [
  cockpitModule,
  targetsModule,
  projectsModule,
  attractionModule,
  supervisionModule,
  enterprisesModule,
  hazardsModule,
  assessmentModule,
  bulletinsModule,
  instructionsModule,
  systemModule,
];

export const liveModules = modules.filter((m): m is LiveModule => m.enabled);

/** The modules this user sees, in menu order. */
export const visibleModules = (ctx: ModuleContext) => liveModules.filter((m) => m.visible(ctx));

/** Where a user lands after signing in: the first module they may see, else their home page. */
export function startPath(ctx: ModuleContext): string {
  const first = visibleModules(ctx)[0];
  return first ? (first.entry?.(ctx) ?? first.path) : HOME_PATH;
}

/** The home of users who see no module yet (e.g. unit reporters): their unit and role. */
export const HOME_PATH = '/home';
