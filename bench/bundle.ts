// What a route's first load is made of, per package: `npx tsx bench/bundle.ts`
// (`--only=cockpit` or `--only=screen`; `--parts` splits antd by component and echarts
// and zrender by folder; `--files` adds each script's own share). It builds
// the web with source maps, starts the server on a fresh data folder, loads the cockpit and
// the big screen as bench/web.ts does (sign in, first screen) and attributes every loaded
// script's bytes to the source files its source map names. A package's gzip share of a
// script is its bytes in that script gzipped alone, scaled so the script's shares add up
// to the script's own gzip size (what the bench counts). Ends with a plain `npm run build`,
// so dist/web is left without source maps.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startServer } from './server';
import { launch, once, type FirstLoadPath } from './web';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = `${ROOT}dist/web/assets/`;
const PARTS = process.argv.includes('--parts');
const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** The generated columns of one source-map line, as [column, source index] pairs (VLQ, source map v3). */
function* segments(mappings: string): Generator<[line: number, col: number, source: number]> {
  let source = 0;
  const lines = mappings.split(';');
  for (let line = 0; line < lines.length; line++) {
    let col = 0;
    for (const seg of lines[line]!.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.get(ch)!;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      yield [line, col, fields.length > 1 ? source : -1];
    }
  }
}

/**
 * node_modules/@scope/name/… → @scope/name; our own files by their web/src folder. With
 * `--parts`, antd by component folder, echarts and zrender by the folder below lib/.
 */
function packageOf(source: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  if (m) {
    if (!PARTS) return m[1]!;
    const sub = /^(?:es|lib)\/([^/]+(?:\/[^/.]+(?=\/))?)/.exec(m[2]!)?.[1];
    return sub && ['antd', 'echarts', 'zrender'].includes(m[1]!) ? `${m[1]}/${sub}` : m[1]!;
  }
  const own = /web\/src\/([^/]+)/.exec(source);
  return own ? `(ours) ${own[1]!.replace(/\.tsx?$/, '')}` : '(bundler)';
}

/** One script's gzip bytes per package. */
function attribute(file: string): Map<string, number> {
  const code = readFileSync(ASSETS + file, 'utf8');
  const map = JSON.parse(readFileSync(`${ASSETS}${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  const add = (pkg: string, text: string) => (parts.get(pkg) ?? parts.set(pkg, []).get(pkg)!).push(text);
  let prev: [number, number, string] | null = null;
  const flush = (line: number, col: number) => {
    if (!prev) return;
    const [pl, pc, pkg] = prev;
    add(pkg, pl === line ? lines[pl]!.slice(pc, col) : lines[pl]!.slice(pc));
  };
  for (const [line, col, source] of segments(map.mappings)) {
    flush(line, col);
    prev = [line, col, source < 0 ? '(bundler)' : packageOf(map.sources[source]!)];
  }
  flush(-1, 0);
  const alone = new Map([...parts].map(([pkg, texts]) => [pkg, gzipSync(texts.join('')).length]));
  const total = gzipSync(code).length;
  const sum = [...alone.values()].reduce((a, b) => a + b, 0);
  return new Map([...alone].map(([pkg, b]) => [pkg, (b * total) / sum]));
}

const kb = (b: number) => (b / 1024).toFixed(1).padStart(7);

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const routes: [string, FirstLoadPath][] = [
    ['cockpit', '/cockpit'],
    ['screen', '/cockpit/screen'],
  ];
  const paths = routes.filter(([name]) => !only || only === name);
  execFileSync('npx', ['vite', 'build', '--sourcemap'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const server = await startServer(40000 + Math.floor(Math.random() * 20000));
  const browser = await launch();
  try {
    for (const [name, path] of paths) {
      const { scripts } = await once(browser, server, path);
      const byPackage = new Map<string, number>();
      const lines: string[] = [];
      for (const [file, gz] of scripts.sort((a, b) => b[1] - a[1])) {
        const shares = attribute(file);
        for (const [pkg, b] of shares) byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + b);
        const top = [...shares].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([p, b]) => `${p} ${(b / 1024).toFixed(1)}`);
        lines.push(`${kb(gz)}  ${file}  (${top.join(', ')})`);
      }
      const total = scripts.reduce((a, [, b]) => a + b, 0);
      process.stdout.write(`\n${name}: ${kb(total)} KB gzip in ${scripts.length} scripts\n`);
      for (const [pkg, b] of [...byPackage].sort((a, b) => b[1] - a[1])) process.stdout.write(`${kb(b)}  ${pkg}\n`);
      if (process.argv.includes('--files')) process.stdout.write(`\nper script:\n${lines.join('\n')}\n`);
    }
  } finally {
    await browser.close();
    await server.stop();
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

await main();
