/**
 * Mixed load: every autocannon connection is a caseworker going round a realistic sequence of ten
 * requests, eight reads and two writes (80/20): find a person → open the household → its case
 * timeline → write a 支援経過記録 on it → check the つなぐ inbox → search by reading → another
 * household → take a 相談 → another timeline → search by birth date. Inputs vary per round.
 */
import autocannon from 'autocannon';
import { isoDayInJapan } from '../server/src/consultation/japanese/japanese-date.js';
import type { BenchInputs } from './inputs.js';
import { type ApiRequest, householdPath, INBOX_PATH, intakeRequest, searchPath, timelinePath } from './operations.js';
import { type Client, memoryMb, sampleRss } from './server.js';
import { percentile, pick } from './stats.js';

export interface MixedFigures {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Share of the requests sent that were writes (the sequence is 2 in 10). */
  writeShare: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  /** non-2xx + connection errors (autocannon counts timeouts among its errors). */
  errors: number;
  non2xx: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Highest VmRSS sampled during the run, and the server's VmHWM after it. */
  serverPeakRssMb: number;
  serverHighWaterMb: number;
}

function progressNote(caseId: string): ApiRequest {
  const body = { occurredOn: isoDayInJapan(new Date()), kind: 'phone', subject: '本人へ電話', body: '通院の状況を確認。次回訪問の日程を調整した。' };
  return { method: 'POST', path: `/api/v1/cases/${caseId}/progress-notes`, body: JSON.stringify(body) };
}

export function mixedSequence(inputs: BenchInputs): Array<(k: number) => ApiRequest> {
  const visit = (k: number) => pick(inputs.visits, k);
  return [
    (k) => ({ method: 'GET', path: searchPath(visit(k).surname) }),
    (k) => ({ method: 'GET', path: householdPath(visit(k).householdId) }),
    (k) => ({ method: 'GET', path: timelinePath(visit(k).caseId) }),
    (k) => progressNote(visit(k).caseId),
    () => ({ method: 'GET', path: INBOX_PATH }),
    (k) => ({ method: 'GET', path: searchPath(pick(inputs.search.kana, k)) }),
    (k) => ({ method: 'GET', path: householdPath(pick(inputs.households, k + 7)) }),
    () => intakeRequest(),
    (k) => ({ method: 'GET', path: timelinePath(pick(inputs.cases, k + 13)) }),
    (k) => ({ method: 'GET', path: searchPath(pick(inputs.search.birthDate, k)) }),
  ];
}

export async function mixedLoad(client: Client, serverPid: number, inputs: BenchInputs, connections: number, seconds: number): Promise<MixedFigures> {
  const sequence = mixedSequence(inputs);
  let rounds = 0;
  let sent = 0;
  let writes = 0;
  let connectionsStarted = 0;
  // One request entry that walks the sequence itself: each connection starts at a different step,
  // so the mix is 80/20 even when a slow server lets each connection make only a few requests.
  const requests: autocannon.Request[] = [
    {
      setupRequest: (request: autocannon.Request, context: object) => {
        const ctx = context as { step?: number; k?: number };
        ctx.step = ctx.step === undefined ? connectionsStarted++ % sequence.length : (ctx.step + 1) % sequence.length;
        if (ctx.k === undefined || ctx.step === 0) ctx.k = rounds++;
        const r = sequence[ctx.step]!(ctx.k);
        sent += 1;
        if (r.method !== 'GET') writes += 1;
        const headers: Record<string, string> = { ...client.headers };
        if (r.body !== undefined) headers['content-type'] = 'application/json';
        return { ...request, method: r.method, path: r.path, headers, body: r.body };
      },
    },
  ];
  const times: number[] = [];
  const rss = sampleRss(serverPid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: client.base, connections, duration: seconds, requests }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  const serverPeakRssMb = rss.stop();
  times.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    writeShare: sent > 0 ? Math.round((writes / sent) * 1000) / 1000 : 0,
    medianMs: Number(percentile(times, 50).toFixed(2)),
    p95Ms: Number(percentile(times, 95).toFixed(2)),
    p99Ms: Number(percentile(times, 99).toFixed(2)),
    errors: result.errors + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    statusCodes,
    serverPeakRssMb,
    serverHighWaterMb: memoryMb(serverPid).peakMb,
  };
}
