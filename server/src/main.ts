import { bootstrap } from './bootstrap.js';
import { loadConfig } from './platform/config.js';
import { DEMO_USERS } from './seed/demo-catalogue.js';

/** `npm start`: serve the API and the web app. */
async function main() {
  const config = loadConfig();
  const started = await bootstrap(config);
  await started.app.listen({ port: config.port, host: config.host });
  const loopback = ['0.0.0.0', '127.0.0.1', '::', '::1'].includes(config.host);
  const url = `http://${loopback ? 'localhost' : config.host}:${config.port}`;
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}`;
  console.log(`\nKasane かさね を起動しました: ${url}\nデータベース: ${db}`);
  if (started.demoPassword) {
    console.log(`\nデモ市を作成しました。デモ用ログイン名: ${DEMO_USERS.map((u) => u.loginName).join(', ')}`);
    console.log(`デモ用パスワード（初回起動時のみ表示）: ${started.demoPassword}`);
  } else if (!config.production) {
    console.log('ログイン: README のデモ用ログイン名と、初回起動時に表示されたパスワード（または KASANE_DEMO_PASSWORD）を使ってください。');
  }
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: 停止します…`);
    // Keep-alive connections that finish their request during close would otherwise hold it open
    // until their keep-alive timeout (72 s): close each as soon as it is idle.
    const idle = setInterval(() => started.app.server.closeIdleConnections(), 100);
    await started.close();
    clearInterval(idle);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  console.error(`起動できませんでした: ${err.message}`);
  process.exit(1);
});
