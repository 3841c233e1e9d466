/**
 * `npm start`: builds the web app when its sources are newer than the last build, then starts the
 * server (embedded PGlite in ./data unless DATABASE_URL is set).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const dist = path.resolve('web/dist/index.html');
const sources = Math.max(newestMtime(path.resolve('web/src')), statSync(path.resolve('web/index.html')).mtimeMs);
if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
  console.log('画面をビルドしています（vite build）…');
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
await import('../server/src/main.js');
