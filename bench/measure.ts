/** Each operation one at a time: through the API, and as its SQL floor; then the ratio. */
import type { Db } from '../server/src/platform/db/database.js';
import { type Answer, request } from './http-client.js';
import type { BenchInputs } from './inputs.js';
import { type ApiRequest, OPERATIONS, type OperationName } from './operations.js';
import type { Client } from './server.js';
import { type Latency, oneAtATime, ratio } from './stats.js';

export interface OperationFigures {
  read: boolean;
  api: Latency;
  floor: Latency;
  /** API ÷ floor, of the medians and of the p95s. */
  ratioMedian: number | null;
  ratioP95: number | null;
}

export type FloorFigures = Partial<Record<OperationName, Latency>>;

export async function send(client: Client, req: ApiRequest): Promise<Answer> {
  const headers: Record<string, string> = { ...client.headers };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  return request(`${client.base}${req.path}`, { method: req.method, headers, body: req.body });
}

/** With the server stopped (PGlite allows one process per folder): the floors, on a direct handle. */
export async function measureFloors(db: Db, inputs: BenchInputs, samples: number, log: (msg: string) => void): Promise<FloorFigures> {
  const out: FloorFigures = {};
  for (const op of OPERATIONS) {
    log(`SQL floor: ${op.name}`);
    out[op.name] = await oneAtATime(op.samplesOf(samples), async (i) => {
      await op.floor(db, inputs, i);
      return true;
    });
  }
  return out;
}

export async function measureApi(
  clients: { caseworker: Client; dashboard: Client },
  inputs: BenchInputs,
  samples: number,
  floors: FloorFigures,
  log: (msg: string) => void,
): Promise<Partial<Record<OperationName, OperationFigures>>> {
  const out: Partial<Record<OperationName, OperationFigures>> = {};
  for (const op of OPERATIONS) {
    log(`API: ${op.name}`);
    const api = await oneAtATime(op.samplesOf(samples), async (i) => {
      const req = op.api(inputs, i);
      const res = await send(req.asDashboardUser ? clients.dashboard : clients.caseworker, req);
      return res.ok;
    });
    const floor = floors[op.name]!;
    out[op.name] = { read: op.read, api, floor, ratioMedian: ratio(api.medianMs, floor.medianMs), ratioP95: ratio(api.p95Ms, floor.p95Ms) };
  }
  return out;
}

/** The HTTP stack alone: GET /api/health (no session, no database) and GET /api/v1/me (session lookup only). */
export async function measureHttpBaseline(client: Client, samples: number): Promise<{ health: Latency; me: Latency }> {
  const get = (path: string, headers: Record<string, string>) =>
    oneAtATime(samples, async () => {
      const res = await request(`${client.base}${path}`, { headers });
      return res.ok;
    });
  return { health: await get('/api/health', {}), me: await get('/api/v1/me', client.headers) };
}
