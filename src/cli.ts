// `npx gongjian <command>`: the server, migrations, demo data, accounts, backups.
import { parseArgs } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { loadConfig, pgliteDir, type Config } from './config';
import { openDatabase, type DbHandle } from './db/client';
import { migrate } from './db/migrate';
import { zones, roles, type Role } from './db/schema';
import { AppError } from './shared/errors';
import { writeAudited } from './server/context';
import { buildApp } from './server/app';
import { startScheduler } from './shared/scheduler';
import { scheduledJobs } from './domains/scheduledJobs';
import { zoneClock } from './shared/zoneClock';
import { buildDemo, type DemoAccount } from './domains/demo/build';
import { demoZones } from './domains/demo/zones';
import { createUser, findUserIdInZone, updateUser } from './domains/system/users';
import { backupZone, restoreZone } from './domains/backup/backup';
import { units } from './db/schema';
import { and } from 'drizzle-orm';
import { progressBar } from './cliProgress';

type Command = (args: string[], cfg: Config) => Promise<void>;

const help: Record<string, string> = {
  start: 'start                       migrate, create the demo zones on first start, serve (npm start)',
  serve: 'serve                       migrate and serve the API and web app on PORT (default 3000)',
  migrate: 'migrate                     apply pending SQL migrations',
  demo: 'demo [--password <pw>]      create the demo zones; set every demo account to <pw>',
  user: 'user add <username> --zone <code> --role <role> [--unit <unit code>] [--name <display name>] --password <pw>\n' +
    '  user passwd <username> --zone <code> --password <pw>\n' +
    '  user disable <username> --zone <code>',
  backup: 'backup <file> --zone <code>  dump one zone, consistent and complete',
  restore: 'restore <file>              restore a dump into a database that does not hold that zone',
  bulletin: 'bulletin --zone <code> --period <YYYY-MM|YYYY-Qn|YYYY-H1> --out <file.docx|file.xlsx>\n' +
    '                              build a bulletin (通报) from the data: Word in official layout, or Excel with its tables',
  extract: 'extract <file> [--year YYYY] [--date YYYY-MM-DD] [--units 大庙街道,徐庄镇] [--json] [--explain]\n' +
    '                              draft tasks from a speech, report or pledges (.txt or .docx)',
};

function usage(): string {
  return ['Usage: npx gongjian <command> [options]', '', ...Object.values(help).map((h) => `  ${h}`), '',
    'Environment: DATABASE_URL (PostgreSQL; default embedded PGlite in GONGJIAN_DATA=./data), PORT, HOST'].join('\n');
}

async function open(cfg: Config): Promise<DbHandle> {
  if (!cfg.databaseUrl) mkdirSync(cfg.dataDir, { recursive: true });
  const handle = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.databaseUrl ? undefined : pgliteDir(cfg) });
  await migrate(handle);
  return handle;
}

const passwordFile = (cfg: Config) => join(cfg.dataDir, 'demo-password.txt');

function printLogins(cfg: Config, password: string | null, accounts: DemoAccount[]) {
  const url = `http://localhost:${cfg.port}`;
  const lines = [
    '',
    `攻坚 Gongjian is running at ${url}`,
    `  API docs: ${url}/api/docs`,
    '',
    password ? `Demo accounts (password for all: ${password})` : 'Demo accounts (password as set by `npx gongjian demo --password <pw>`)',
    ...accounts
      .filter((a) => a.role !== 'reporter' || a.username.endsWith('-damiao') || a.username.endsWith('-bochi'))
      .map((a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(10)} ${a.zones.join(', ')}${a.unit ? `  ${a.unit}` : ''}`),
    `  …and one reporter per unit: ${accounts.filter((a) => a.role === 'reporter').length} in all (e.g. xz-donghuan, ha-meicheng)`,
    '',
  ];
  console.log(lines.join('\n'));
}

async function serve(handle: DbHandle, cfg: Config) {
  const app = await buildApp({ handle, webDir: cfg.webDir, logger: process.env.LOG_LEVEL !== 'silent' });
  const close = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: cfg.port, host: cfg.host });
  // Reminders and overdue scans; safe with several processes (see shared/scheduler).
  // GONGJIAN_TICK_MS: how often (default every minute); the fault bench ticks every 2 s.
  startScheduler(handle.db, scheduledJobs, () => new Date(), Number(process.env.GONGJIAN_TICK_MS) || 60_000);
  return app;
}

const commands: Record<string, Command> = {
  async bulletin(args, cfg) {
    const { values } = parseArgs({ args, options: { zone: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' } } });
    const format = values.out?.match(/\.(docx|xlsx)$/i)?.[1]?.toLowerCase() as 'docx' | 'xlsx' | undefined;
    if (!values.zone || !values.period || !values.out || !format) throw new UsageError(help.bulletin!);
    const { buildBulletinFile } = await import('./domains/bulletins/service');
    (await import('./domains/bulletins/period')).calendarPeriod(values.period); // a bad period fails before the database opens
    const handle = await open(cfg);
    try {
      const [zone] = await handle.db.select().from(zones).where(eq(zones.code, values.zone));
      if (!zone) throw new AppError('zone.not_found', { zone: values.zone });
      // Worded as of the zone's date (a demo zone's pinned day), like the web's bulletins.
      const file = await buildBulletinFile(handle.db, zone.id, values.period, format, zoneClock(() => new Date(), zone.pinnedDate));
      writeFileSync(values.out, file.data);
      console.log(`wrote ${values.out} (${file.name}, ${file.data.length} bytes)`);
    } finally {
      await handle.close();
    }
  },
  async extract(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { year: { type: 'string' }, date: { type: 'string' }, units: { type: 'string' }, json: { type: 'boolean' }, explain: { type: 'boolean' } },
    });
    const file = positionals[0];
    const year = values.year === undefined ? undefined : Number(values.year);
    if (!file || (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))) throw new UsageError(help.extract!);
    // the document's own date (meeting or publication day) for relative deadlines (月底, 15个工作日内)
    const { isIsoDate } = await import('./shared/calendar');
    if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError(help.extract!);
    const { extractCommand } = await import('./domains/supervision/cli');
    console.log(await extractCommand(file, { year, date: values.date, units: values.units?.split(/[,，]/), json: !!values.json, explain: !!values.explain }));
  },
  async start(_args, cfg) {
    const handle = await open(cfg);
    const [any] = await handle.db.select({ id: zones.id }).from(zones).limit(1);
    let password: string | null = null;
    if (!any) {
      password = `gj-${randomBytes(4).toString('hex')}`;
      const bar = progressBar('演示区 demo');
      await buildDemo(handle, password, { onProgress: bar });
      bar.done();
      if (!cfg.databaseUrl) writeFileSync(passwordFile(cfg), `${password}\n`, { mode: 0o600 });
    } else if (!cfg.databaseUrl && existsSync(passwordFile(cfg))) {
      password = readFileSync(passwordFile(cfg), 'utf8').trim();
    }
    await serve(handle, cfg);
    const { demoAccounts } = await import('./domains/demo/build');
    printLogins(cfg, password, demoAccounts());
  },
  async serve(_args, cfg) {
    await serve(await open(cfg), cfg);
  },
  async migrate(_args, cfg) {
    const handle = await open(cfg);
    console.log(`migrated (${handle.engine})`);
    await handle.close();
  },
  async demo(args, cfg) {
    const { values } = parseArgs({ args, options: { password: { type: 'string' } } });
    const password = values.password ?? `gj-${randomBytes(4).toString('hex')}`;
    const handle = await open(cfg);
    const bar = progressBar('演示区 demo');
    const { created, accounts } = await buildDemo(handle, password, { resetPasswords: true, onProgress: bar });
    bar.done();
    if (!cfg.databaseUrl) writeFileSync(passwordFile(cfg), `${password}\n`, { mode: 0o600 });
    console.log(created.length ? `created demo zones: ${created.join(', ')}` : `demo zones exist: ${demoZones.map((z) => z.code).join(', ')}`);
    console.log(`password of every demo account: ${password}`);
    console.log(accounts.map((a) => `  ${a.username} (${a.role}; ${a.zones.join(', ')}${a.unit ? `; ${a.unit}` : ''})`).join('\n'));
    await handle.close();
  },
  async user(args, cfg) {
    const [sub, username, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: {
        zone: { type: 'string' },
        role: { type: 'string' },
        unit: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
      },
    });
    if (!sub || !username || !values.zone || !['add', 'passwd', 'disable'].includes(sub)) throw new UsageError(help.user!);
    const handle = await open(cfg);
    try {
      const [zone] = await handle.db.select().from(zones).where(eq(zones.code, values.zone));
      if (!zone) throw new AppError('zone.not_found', { zone: values.zone });
      await writeAudited(handle.db, { zoneId: zone.id, userId: null }, 'cli', async (tx, audit) => {
        if (sub === 'add') {
          if (!values.role || !roles.includes(values.role as Role) || !values.password) throw new UsageError(help.user!);
          let unitId: string | null = null;
          if (values.unit) {
            const [u] = await tx.select().from(units).where(and(eq(units.zoneId, zone.id), eq(units.code, values.unit)));
            if (!u) throw new AppError('not_found', { entity: `unit ${values.unit}` });
            unitId = u.id;
          }
          await createUser(tx, audit, zone.id, {
            username,
            displayName: values.name ?? username,
            password: values.password,
            role: values.role as Role,
            unitId,
            locale: 'zh',
          }, { attachExisting: true });
        } else if (sub === 'passwd') {
          if (!values.password) throw new UsageError(help.user!);
          await updateUser(tx, audit, zone.id, await findUserIdInZone(tx, zone.id, username), { password: values.password }, 'operator');
        } else {
          await updateUser(tx, audit, zone.id, await findUserIdInZone(tx, zone.id, username), { disabled: true }, 'operator');
        }
      });
      console.log(`user ${sub}: ${username} (${values.zone}) done`);
    } finally {
      await handle.close();
    }
  },
  async backup(args, cfg) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { zone: { type: 'string' } } });
    const file = positionals[0];
    if (!file || !values.zone) throw new UsageError(help.backup!);
    const handle = await open(cfg);
    try {
      const bar = progressBar('备份 backup');
      const counts = await backupZone(handle, values.zone, file, bar);
      bar.done();
      console.log(`backed up zone ${values.zone} to ${file}: ${summary(counts)}`);
    } finally {
      await handle.close();
    }
  },
  async restore(args, cfg) {
    const file = args[0];
    if (!file) throw new UsageError(help.restore!);
    const handle = await open(cfg);
    try {
      const bar = progressBar('恢复 restore');
      const { zone, counts } = await restoreZone(handle, file, bar);
      bar.done();
      console.log(`restored zone ${zone} from ${file}: ${summary(counts)}`);
    } finally {
      await handle.close();
    }
  },
};

const summary = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');

class UsageError extends Error {}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`未知命令 Unknown command: ${name}\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  if (args.includes('--help')) {
    console.log(`npx gongjian ${help[name] ?? name}`);
    return;
  }
  try {
    await cmd(args, loadConfig());
  } catch (err) {
    if (err instanceof UsageError) console.error(`用法 Usage: npx gongjian ${err.message}`);
    else if (err instanceof AppError) console.error(`${err.localized('zh')}\n${err.localized('en')}`);
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      const { port } = err as { port?: number };
      console.error(`端口 ${port} 已被占用，请用 PORT=<端口> 另选一个。\nPort ${port} is already in use: choose another with PORT=<port>.`);
    } else throw err;
    process.exitCode = 2;
  }
}
