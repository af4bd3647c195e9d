// The arrows of the code (issue 15): no cycles, and every arrow points down —
//   web → (shared types only) · server → domains → shared → db
// `npm run depcheck` runs it; CI runs it after lint.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A cycle makes both ends one module: cut it with a smaller module both can use.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-not-server',
      comment: 'Shared mechanisms are used by the server, never the other way round.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'shared-not-domains',
      comment: 'Shared mechanisms know no domain; a domain registers with them instead.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/domains/' },
    },
    {
      name: 'db-at-the-bottom',
      comment:
        'The database layer imports nothing above it. Three leaves of shared are allowed: the error ' +
        'catalogue, the limits and the loop states, which import nothing themselves (rule leaves-are-leaves).',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(shared|domains|server)/', pathNot: '^src/shared/(errors|limits|loop/states)\\.ts$' },
    },
    {
      name: 'leaves-are-leaves',
      comment: 'The error catalogue, the limits and the loop states stay leaves, so the database layer may use them.',
      severity: 'error',
      from: { path: '^src/shared/(errors|limits|loop/states)\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'server-code-not-web',
      comment: 'The server never imports the web app.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-takes-only-pure-server-code',
      comment: 'The web app may share pure rules and types with the server, never its I/O.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/(server|db)/|^src/domains/[^/]+/(routes|service|queries|store)' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.test\\.tsx?$|^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
