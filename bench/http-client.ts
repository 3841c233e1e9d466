/**
 * The client of the one-at-a-time measurements: node:http over one kept-alive connection. Node's
 * fetch (undici) added about 0.5–1 ms of its own per request on this machine (GET /api/health: 1.7 ms
 * median by fetch, 1.1 ms by node:http), which the API ÷ floor ratio would have charged to the server.
 */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Answer {
  status: number;
  ok: boolean;
}

/** Sends one request and reads the whole answer. */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | undefined }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      res.on('error', reject);
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve({ status, ok: status >= 200 && status < 300 });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
