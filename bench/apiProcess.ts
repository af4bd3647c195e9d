// One API process of the bench's "2 API processes on one PostgreSQL": the server with the
// bare reference route, on a free loopback port, over the schema the bench generated.
//   tsx bench/apiProcess.ts <postgres url> <schema>  → {"port": n} on stdout, then serves until SIGTERM
import { openDatabase } from '../src/db/client';
import { buildApp } from '../src/server/app';

const [url, schema] = process.argv.slice(2);
if (!url || !schema) throw new Error('usage: apiProcess.ts <postgres url> <schema>');
const handle = await openDatabase({ url, searchPath: schema });
const app = await buildApp({ handle });
app.get('/bench/bare', async () => ({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', () => {
  const { hits, reads } = app.sessionCache.stats;
  process.stderr.write(`  api process ${process.pid}: sessions answered from memory ${hits}, from the database ${reads}\n`);
  void app
    .close()
    .then(() => handle.close())
    .then(() => process.exit(0));
});
