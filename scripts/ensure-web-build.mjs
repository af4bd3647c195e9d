// Before `npm start`: build the web app when it has not been built, or its sources changed since.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
    const p = join(dir, e.name);
    return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const index = 'dist/web/index.html';
if (!existsSync(index) || newest('web') > statSync(index).mtimeMs) {
  console.log('Building the web app (vite build)…');
  execSync('npx vite build', { stdio: 'inherit' });
}
