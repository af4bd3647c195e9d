// Every bound on work a request can start, in one place (docs/security.md, "Bounded
// work and processes"). A spreadsheet is checked against them before it is parsed,
// so no upload can make one process hold more than a few hundred MB.
export const limits = {
  /** Largest spreadsheet accepted for an import (the xlsx file as uploaded). */
  importFileBytes: 10 * 1024 * 1024,
  /** Sum of the declared and of the actual unpacked sizes of the xlsx's parts. */
  importUnzippedBytes: 40 * 1024 * 1024,
  /** Rows of all worksheets together (notes, header and blank rows count). */
  importRows: 10_000,
  /** Cells of all worksheets together. */
  importCells: 250_000,
  /** Row errors kept and shown for a failed import; the total is still counted. */
  importErrorsShown: 200,
  /** Characters of a bad cell's value repeated in its error. */
  importErrorValueChars: 100,
  /** Background jobs one process runs at once; more wait their turn. */
  jobsAtOnce: 2,
  /** How long a job stays alive without a heartbeat of its process. */
  jobLeaseSeconds: 120,
  /** How often a running job's process renews its lease. */
  jobHeartbeatSeconds: 20,
  /** Characters of SQL text in a logged database error. */
  logSqlChars: 500,
} as const;
