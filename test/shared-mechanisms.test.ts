// Files, background jobs, scheduled-run claims, notifications and webhooks, on a zone
// the test makes (two subdistricts and their reporters, 督查办 and the supervisor), not the demo's.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleJobs, startJob, JobFailure } from '../src/shared/jobs';
import { claimRun, tick } from '../src/shared/scheduler';
import { notify, sendWebhook } from '../src/shared/notify';
import { AppError } from '../src/shared/errors';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone, unit } from './helpers/factories';

let t: TestApp;
let damiao: Client, donghuan: Client, sup: Client;
beforeAll(async () => {
  t = await testApp({ demo: false });
  const z = await makeZone(t.handle, 'sm', { units: [unit('damiao', '大庙街道'), unit('donghuan', '东环街道'), unit('ducha', '督查办', 'department')] });
  [damiao, donghuan, sup] = await Promise.all([t.signIn(z.reporter('damiao'), z.code), t.signIn(z.reporter('donghuan'), z.code), t.signIn('supervisor', z.code)]);
}, 120_000);
afterAll(async () => t.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5a0e6b00000000049454e44ae426082', 'hex');

describe('files', () => {
  const upload = (c: Client, name: string, data: Buffer) => c.upload('/api/files', name, data);

  it('accept a real image and serve it to its unit and supervisors only', async () => {
    const res = await upload(damiao, '现场照片.png', PNG);
    expect(res.statusCode).toBe(200);
    const id = res.json().id;
    const own = await damiao.get(`/api/files/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.rawPayload.equals(PNG)).toBe(true);
    expect((await sup.get(`/api/files/${id}`)).statusCode).toBe(200);
    expect((await donghuan.get(`/api/files/${id}`)).statusCode).toBe(404);
  });

  it('refuse a file whose content is not what its name says, or a type not allowed', async () => {
    const fake = await upload(damiao, 'photo.png', Buffer.from('MZ this is an exe'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().message).toContain('文件内容与扩展名不符');
    const exe = await upload(damiao, 'tool.exe', Buffer.from('MZ'));
    expect(exe.statusCode).toBe(415);
  });
});

describe('background jobs', () => {
  const actor = () => ({ zoneId: sup.me.zone.id, userId: sup.me.user.id });

  it('report progress and the result', async () => {
    const id = await startJob(t.handle.db, actor(), 'test', async (progress) => {
      await progress(50, 'half');
      return { rows: 3 };
    });
    await settleJobs();
    const job = (await sup.get(`/api/jobs/${id}`)).json();
    expect(job).toMatchObject({ status: 'succeeded', progress: 100, result: { rows: 3 } });
    // Someone else's job is not theirs to read.
    expect((await damiao.get(`/api/jobs/${id}`)).statusCode).toBe(404);
  });

  it('keep a failure’s details for the user, in both languages', async () => {
    const rows = [3, 5].map((row) => ({ row, column: '指标', value: 'x', message: { zh: `第${row}行不对`, en: `row ${row} is wrong` } }));
    const id = await startJob(t.handle.db, actor(), 'test', async () => {
      throw new JobFailure(new AppError('import.failed', { count: 2 }), rows);
    });
    await settleJobs();
    const job = (await sup.get(`/api/jobs/${id}`)).json();
    expect(job.status).toBe('failed');
    expect(job.errors.message.zh).toBe('导入失败：共2处错误，未导入任何数据');
    expect(job.errors.details).toEqual(rows);
  });
});

describe('scheduled runs', () => {
  it('are claimed once per key, however many processes try', async () => {
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimRun(t.handle.db, 'scan', '2022-08-20')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    let runs = 0;
    const job = { name: 'count', runKey: () => 'k1', run: async () => void runs++ };
    await tick(t.handle.db, [job], new Date());
    await tick(t.handle.db, [job], new Date());
    expect(runs).toBe(1);
  });

  it('release a failed run so it is tried again', async () => {
    let tries = 0;
    const job = { name: 'flaky', runKey: () => 'k', run: async () => { tries++; if (tries === 1) throw new Error('boom'); } };
    const quiet = console.error;
    console.error = () => undefined;
    await tick(t.handle.db, [job], new Date());
    console.error = quiet;
    await tick(t.handle.db, [job], new Date());
    expect(tries).toBe(2);
  });
});

describe('notifications', () => {
  it('reach the unit they are for, once per dedupe key', async () => {
    const zoneId = sup.me.zone.id;
    const n = { zoneId, unitId: damiao.me.user.unitId, kind: 'task.overdue', level: 'danger' as const, title: '任务已逾期', dedupeKey: 'x:1' };
    expect(await notify(t.handle.db, n)).toBe(true);
    expect(await notify(t.handle.db, n)).toBe(false);
    const mine = (await damiao.get('/api/notifications')).json();
    expect(mine.unread).toBe(1);
    expect((await donghuan.get('/api/notifications')).json().total).toBe(0);
    await damiao.send('POST', `/api/notifications/${mine.items[0].id}/read`);
    expect((await damiao.get('/api/notifications')).json().unread).toBe(0);
  });

  it('go to the zone’s group robot when one is configured, never to this machine', async () => {
    const got: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push(body);
        res.end('{"errcode":0}');
      });
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as { port: number }).port;
    const zoneId = sup.me.zone.id;
    expect(await sendWebhook(t.handle.db, zoneId, 'x')).toBe(false);
    // An inward address is refused (docs/security.md): the local robot hears nothing.
    await t.handle.query(`UPDATE zones SET settings = settings || $1::jsonb WHERE id = $2`, [JSON.stringify({ webhookUrl: `http://127.0.0.1:${port}/robot` }), zoneId]);
    expect(await sendWebhook(t.handle.db, zoneId, '【督办】任务已逾期')).toBe(false);
    server.close();
    expect(got).toEqual([]);
    const sent: string[] = [];
    await t.handle.query(`UPDATE zones SET settings = settings || $1::jsonb WHERE id = $2`, [JSON.stringify({ webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t' }), zoneId]);
    const net = { resolve: async () => ['106.11.0.1'], post: async (_u: URL, _a: string, body: string) => (sent.push(body), 200) };
    expect(await sendWebhook(t.handle.db, zoneId, '【督办】任务已逾期', net)).toBe(true);
    expect(JSON.parse(sent[0]!)).toEqual({ msgtype: 'text', text: { content: '【督办】任务已逾期' } });
  });
});
