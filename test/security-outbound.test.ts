// Outbound calls and secrets (issue #13, item 7): webhooks reach public addresses only,
// their tokens are sealed at rest and never shown; backups are private files.
// No test here touches the network: resolvers and posters are stand-ins, and the one
// real transport test talks to a server on this machine through a pinned address.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress, postJson, systemOutbound, urlProblem, type Outbound } from '../src/shared/outbound';
import { useSecretKey } from '../src/shared/secrets';
import { sendWebhook } from '../src/shared/notify';
import { backupZone } from '../src/domains/backup/backup';
import { testApp, type Client, type TestApp } from './helpers/app';
import { makeZone } from './helpers/factories';

useSecretKey(randomBytes(32));

const TOKEN = 'a1b2c3d4e5f6SECRETTOKEN';
const ROBOT = `https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`;

/** A stand-in network: names resolve to `addresses`; posts are recorded and answered with `status`. */
function fakeNet(addresses: string[], status = 200) {
  const posts: { url: string; address: string; body: string }[] = [];
  const via: Outbound = {
    resolve: async () => addresses,
    post: async (url, address, body) => {
      posts.push({ url: url.toString(), address, body });
      return status;
    },
  };
  return { via, posts };
}

describe('webhook addresses', () => {
  it('refuse loopback, private, link-local, CGNAT, IPv6 and numeric-obfuscated forms, plain http and credentials', () => {
    for (const url of [
      'http://127.0.0.1:8080/robot',
      'https://127.0.0.1/robot',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/robot',
      'https://0x7f000001/robot',
      'https://2130706433/robot',
      'https://017700000001/robot',
      'https://[::ffff:127.0.0.1]/robot',
      'https://[::ffff:7f00:1]/robot',
      'https://10.0.0.8/robot',
      'https://100.64.1.1/robot',
      'https://[fe80::1]/robot',
      'https://[fd00::1]/robot',
      'https://0.0.0.0/robot',
      'https://localhost/robot',
      'https://metadata.internal/robot',
      'https://user:pw@oapi.dingtalk.com/robot/send',
      'http://oapi.dingtalk.com/robot/send',
      'ftp://oapi.dingtalk.com/robot',
      'not a url',
    ]) {
      expect(urlProblem(url, false), url).not.toBeNull();
    }
    expect(urlProblem(ROBOT, false)).toBeNull();
    expect(urlProblem('http://robot.example.com/send', true)).toBeNull();
    expect(urlProblem('http://127.0.0.1/send', true)).toBe('address');
  });

  it('judge resolved addresses', () => {
    for (const a of ['8.8.8.8', '106.11.0.1', '2400:3200::1']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:7f00:1::', 'fe80::1', 'fc00::1', 'ff02::1', 'example.com']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('are checked again when sending, after the name is resolved', async () => {
    const inward = fakeNet(['10.0.0.5']);
    expect(await postJson(ROBOT, { x: 1 }, inward.via)).toBe(false);
    const mixed = fakeNet(['106.11.0.1', '127.0.0.1']);
    expect(await postJson(ROBOT, { x: 1 }, mixed.via)).toBe(false);
    expect([...inward.posts, ...mixed.posts]).toHaveLength(0);
    const outward = fakeNet(['106.11.0.1']);
    expect(await postJson(ROBOT, { x: 1 }, outward.via)).toBe(true);
    expect(outward.posts).toEqual([{ url: ROBOT, address: '106.11.0.1', body: '{"x":1}' }]);
    // A redirect is an answer, not a new destination.
    expect(await postJson(ROBOT, { x: 1 }, fakeNet(['106.11.0.1'], 302).via)).toBe(false);
  });

  describe('the real transport', () => {
    let server: Server;
    let port = 0;
    const hits: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits.push(req.url!);
        if (req.url === '/moved') res.writeHead(302, { location: `http://127.0.0.1:${port}/inside` }).end();
        else res.end('{}');
      }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => server.close());

    it('refuses a name that resolves to this machine before connecting', async () => {
      const via: Outbound = { resolve: async () => ['127.0.0.1'], post: systemOutbound.post };
      process.env.GONGJIAN_WEBHOOK_HTTP = '1';
      try {
        expect(await postJson(`http://robot.example.com:${port}/send`, { x: 1 }, via)).toBe(false);
      } finally {
        delete process.env.GONGJIAN_WEBHOOK_HTTP;
      }
      expect(hits).toEqual([]);
    });

    it('connects to the checked address only and follows no redirect', async () => {
      // The name is never looked up again: the connection goes to the pinned address.
      const status = await systemOutbound.post(new URL(`http://robot.invalid:${port}/moved`), '127.0.0.1', '{}', 2000);
      expect(status).toBe(302);
      expect(hits).toEqual(['/moved']);
    });
  });
});

describe('the webhook setting', () => {
  let t: TestApp;
  let sup: Client;
  // A zone of the test's own (its settings are what is checked); `wh` is its code.
  beforeAll(async () => {
    t = await testApp({ demo: false });
    await makeZone(t.handle, 'wh');
    sup = await t.signIn('supervisor', 'wh');
  });
  afterAll(async () => t.close());

  const settings = async (webhookUrl: string | null) => ({ amberDays: 3, noticePrefix: '经开督', issuer: '徐州经济技术开发区督查办公室', webhookUrl, version: (await sup.get('/api/supervision/settings')).json().version });

  it('is refused for inward addresses when saved', async () => {
    for (const url of ['http://127.0.0.1:9/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://0x7f000001/x', 'http://oapi.dingtalk.com/robot/send']) {
      const res = await sup.send('PUT', '/api/supervision/settings', await settings(url));
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toContain('webhookUrl');
    }
  });

  it('is sealed at rest, shown masked, kept when the masked form comes back, and sent with its token', async () => {
    const saved = await sup.send('PUT', '/api/supervision/settings', await settings(ROBOT));
    expect(saved.statusCode, saved.body).toBe(200);
    const masked = 'https://oapi.dingtalk.com/robot/send?access_token=••••';
    expect(saved.json().webhookUrl).toBe(masked);
    expect((await sup.get('/api/supervision/settings')).json().webhookUrl).toBe(masked);
    const raw = JSON.stringify(await t.handle.query(`SELECT settings FROM zones WHERE code = 'wh'`));
    expect(raw).not.toContain(TOKEN);
    expect(raw).toContain('enc:v1:');
    // Saving the form unchanged keeps the secret.
    expect((await sup.send('PUT', '/api/supervision/settings', { ...(await settings(masked)), amberDays: 4 })).statusCode).toBe(200);
    const net = fakeNet(['106.11.0.1']);
    expect(await sendWebhook(t.handle.db, sup.me.zone.id, '【督办】测试', net.via)).toBe(true);
    expect(net.posts[0]).toMatchObject({ url: ROBOT, address: '106.11.0.1' });
    expect(JSON.parse(net.posts[0]!.body)).toEqual({ msgtype: 'text', text: { content: '【督办】测试' } });
  });

  it('never shows its token in the audit log, to a leader or anyone', async () => {
    const leader = await t.signIn('leader', 'wh');
    const audit = await leader.get('/api/audit?entity=supervision.settings&pageSize=100');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().total).toBeGreaterThan(0);
    expect(audit.body).not.toContain(TOKEN);
    expect(JSON.stringify(await t.handle.query(`SELECT before, after FROM audit_log`))).not.toContain(TOKEN);
  });

  it('goes nowhere when the stored address points inward (a value stored before the checks)', async () => {
    await t.handle.query(`UPDATE zones SET settings = settings || '{"webhookUrl":"https://169.254.169.254/latest?access_token=x"}' WHERE code = 'wh'`);
    const net = fakeNet(['106.11.0.1']);
    expect(await sendWebhook(t.handle.db, sup.me.zone.id, 'x', net.via)).toBe(false);
    expect(net.posts).toHaveLength(0);
    await t.handle.query(`UPDATE zones SET settings = settings || '{"webhookUrl":"https://robot.example.com/send?key=x"}' WHERE code = 'wh'`);
    expect(await sendWebhook(t.handle.db, sup.me.zone.id, 'x', fakeNet(['192.168.3.4']).via)).toBe(false);
  });

  it('backups are written readable by their owner only', async () => {
    await sup.send('PUT', '/api/supervision/settings', await settings(ROBOT));
    const file = join(mkdtempSync(join(tmpdir(), 'gj-sec-')), 'wh.jsonl');
    writeFileSync(file, 'old', { mode: 0o644 });
    await backupZone(t.handle, 'wh', file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN);
  });
});
