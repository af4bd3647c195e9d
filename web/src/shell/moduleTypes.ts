// What a module of the web app is: one entry of the sider menu and the pages below its path.
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Action, Me } from '../api/types';
import type { DictKey } from '../i18n/dict';

/** What a module may look at to decide whether, and where, a user sees it. */
export interface ModuleContext {
  me: Me;
  can(action: Action): boolean;
}

interface ModuleBase {
  /** Stable key, also the menu key: 'cockpit', 'system'… */
  key: string;
  labelKey: DictKey;
  icon: ReactNode;
}

/** A module that exists: it has a route prefix and a page that handles everything below it. */
export interface LiveModule extends ModuleBase {
  enabled: true;
  /** Route prefix, e.g. '/system'. */
  path: string;
  /** Whether this user sees the module at all; use the server's abilities (`ctx.can`). */
  visible(ctx: ModuleContext): boolean;
  /** Where the module opens for this user (its first page the user may see); defaults to `path`. */
  entry?(ctx: ModuleContext): string;
  Page: LazyExoticComponent<ComponentType>;
  /**
   * A page of the module drawn on the whole screen without the shell (the big screen on
   * a wall): its own route, so neither its first load nor its screen carries the menu
   * and header it never shows.
   */
  fullScreen?: { path: string; Page: LazyExoticComponent<ComponentType> };
  /**
   * Fetches the code of the page at `path` (below this module, or '' when the sign-in
   * form knows no destination) ahead of need: called while the sign-in form is open.
   */
  preload?(path: string): void;
}

/** A module on the road map: listed so the menu's order is fixed, never shown. */
export interface PlannedModule extends ModuleBase {
  enabled: false;
}

export type AppModule = LiveModule | PlannedModule;
