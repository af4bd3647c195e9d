// All tables, one file per domain (each mirrors its migration); the Drizzle client is typed with this.
export * from './core';
export * from './shared';
export * from './assessment';
export * from './targets';
export * from './projects';
export * from './supervision';
export * from './enterprises';
export * from './auth';
export * from './instructions';
export * from './hazards';
