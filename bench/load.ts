// A small HTTP load generator (no autocannon in node_modules): CONNECTIONS keep-alive
// connections, each sending its next GET as soon as the last answer is read, for
// SECONDS. Run as its own process, so it does not share the server's event loop.
// It asks as a browser does (Accept-Encoding: gzip, deflate, br) and reads every body
// whole; `bytes` is the mean size received, so a 304 or an empty answer would show.
// Several URLs (comma-separated: several API processes) share the connections in turn.
//   tsx bench/load.ts <url[,url…]> <cookie> [connections=100] [seconds=10]  → JSON on stdout
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

const [urlList, cookie = '', connections = '100', seconds = '10'] = process.argv.slice(2);
if (!urlList) throw new Error('usage: load.ts <url[,url…]> <cookie> [connections] [seconds]');
const urls = urlList.split(',');
const n = Number(connections);
const agent = new Agent({ keepAlive: true, maxSockets: n });
const end = performance.now() + Number(seconds) * 1000;
let ok = 0;
let failed = 0;
let bytes = 0;

const one = (url: string) =>
  new Promise<void>((resolve) => {
    const req = request(url, { agent, headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => {
        if (res.statusCode === 200) ok++;
        else failed++;
        resolve();
      });
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end();
  });

const t0 = performance.now();
await Promise.all(
  Array.from({ length: n }, async (_, i) => {
    const url = urls[i % urls.length]!;
    while (performance.now() < end) await one(url);
  }),
);
const elapsed = (performance.now() - t0) / 1000;
agent.destroy();
process.stdout.write(JSON.stringify({ ok, failed, seconds: elapsed, rps: ok / elapsed, bytes: ok ? Math.round(bytes / ok) : 0 }));
