import type { FastifyInstance } from 'fastify';
import { ensureMunicipalityDefaults } from './admin/ensure-municipality-defaults.js';
import { startAuditSealer } from './platform/audit/audit-sealer.js';
import type { AppConfig } from './platform/config.js';
import { type OpenDatabase, openDatabase } from './platform/db/database.js';
import { startStatisticsRefresher } from './platform/db/maintenance.js';
import { migrate } from './platform/db/migrate.js';
import { buildApp } from './platform/http/app.js';
import { seedDemo } from './seed/seed-demo.js';
import { incompleteScaleSeed } from './seed/scale/scale-markers.js';
import { seedSecondMunicipality } from './seed/seed-second-municipality.js';

export interface Started {
  app: FastifyInstance;
  database: OpenDatabase;
  /** Set when this start created the demo municipality (first start). */
  demoPassword: string | null;
  close(): Promise<void>;
}

export async function homeMunicipality(database: OpenDatabase): Promise<string | null> {
  const row = await database.db
    .selectFrom('municipality')
    .select('municipality_id')
    .orderBy('created_at')
    .orderBy('municipality_id')
    .limit(1)
    .executeTakeFirst();
  return row?.municipality_id ?? null;
}

/**
 * Opens (or creates) the database, migrates it, seeds the demo municipality on first start outside
 * production, gives every municipality the standard configuration it lacks, and builds the HTTP app with the background audit sealer running.
 */
export async function bootstrap(config: AppConfig, options: { seedDemo?: boolean } = {}): Promise<Started> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    // A city-scale generation that stopped half-way has its indexes dropped and no end marker.
    if (await incompleteScaleSeed(database)) throw new Error('このデータベースには途中で失敗したデータ生成（npm run seed -- --persons）が残っています。データベースを作り直してください。');
    let demoPassword: string | null = null;
    if ((await homeMunicipality(database)) === null && (options.seedDemo ?? true) && !config.production) {
      const seeded = await seedDemo(database.db, { seed: config.seed, password: config.demoPassword, production: config.production });
      demoPassword = seeded.password;
    }
    if ((options.seedDemo ?? true) && !config.production) await seedSecondMunicipality(database.db, { seed: config.seed, now: new Date() }); // デモ町 beside デモ市; does nothing once it exists
    await ensureMunicipalityDefaults(database.db);
    const app = await buildApp({ db: database.db, config, homeMunicipalityId: await homeMunicipality(database) });
    const sealer = startAuditSealer(database.db, 1_000, (msg) => app.log.error(msg));
    const statistics = startStatisticsRefresher(database.db, database.kind, 10 * 60_000, (msg) => app.log.error(msg));
    return {
      app,
      database,
      demoPassword,
      async close() {
        await app.close();
        await statistics.stop();
        await sealer.stop();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
