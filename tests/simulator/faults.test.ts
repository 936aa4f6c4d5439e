/** Every fault switch, against real sockets. */
import { request as httpsRequest } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, send, signIn } from './client';
import { startSimulator } from './index';
import type { Simulator } from './types';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  sim.reset();
  token = await signIn(sim);
});

const departments = (host = 'salesiq.zoho.com') =>
  api(sim, token, 'GET', '/api/v2/zylker/departments', undefined, host);

/** A PUT that reports the status of the head it got, and how reading the body ended. */
function headThenBody(path: string): Promise<{ status: number; body: string | Error }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: 'salesiq.zoho.com',
        method: 'PUT',
        path,
        rejectUnauthorized: false,
        agent: false,
        headers: { Host: 'salesiq.zoho.com', Authorization: `Zoho-oauthtoken ${token}`, 'Content-Length': '0' },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (error) => resolve({ status: res.statusCode ?? 0, body: error }));
        res.on('aborted', () => resolve({ status: res.statusCode ?? 0, body: new Error('aborted') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('faults', () => {
  it('latency delays the answer but keeps it correct', async () => {
    sim.setFault({ kind: 'latency', ms: 250, path: '/departments' });
    const started = Date.now();
    const res = await departments();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.json().data).toHaveLength(3);
    expect(sim.requests().at(-1)).toMatchObject({ fault: 'latency', status: 200, authorized: true });
  });

  it('429 with Retry-After, for `times` requests only', async () => {
    sim.setFault({ kind: 'http', status: 429, retryAfterSec: 7, path: '/departments', times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await departments();
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('7');
    }
    expect((await departments()).status).toBe(200);
    expect(sim.state().faults).toHaveLength(0);
  });

  it('5xx answers with an HTML body, or a given body', async () => {
    for (const status of [500, 502, 503]) {
      const id = sim.setFault({ kind: 'http', status, path: /\/departments$/ });
      const res = await departments();
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toContain('text/html');
      expect(() => res.json()).toThrow();
      sim.clearFault(id);
    }
    sim.setFault({ kind: 'http', status: 503, body: { error: { code: 9999, message: 'maintenance' } }, times: 1 });
    expect((await departments()).json().error.code).toBe(9999);
  });

  it('envelope: HTTP 200 with an error body', async () => {
    sim.setFault({ kind: 'envelope', code: 1001, message: 'Something went wrong', method: 'GET' });
    const res = await departments();
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ error: { code: 1001, message: 'Something went wrong' } });
  });

  it('malformed: a 200 whose JSON does not parse', async () => {
    sim.setFault({ kind: 'malformed', pathRegex: 'departments' });
    const res = await departments();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(() => res.json()).toThrow(SyntaxError);
  });

  it('hang: no answer until the client gives up; cleared hangs answer normally', async () => {
    sim.setFault({ kind: 'hang', path: '/departments' });
    await expect(
      send(sim.port, { host: 'salesiq.zoho.com', path: '/api/v2/zylker/departments', token, timeoutMs: 200 }),
    ).rejects.toThrow('timeout');
    const pending = departments();
    await new Promise((resolve) => setTimeout(resolve, 100));
    sim.clearFaults();
    expect((await pending).json().data).toHaveLength(3);
  });

  it('reset: the socket is destroyed', async () => {
    sim.setFault({ kind: 'reset', path: '/departments', times: 1 });
    await expect(departments()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect((await departments()).status).toBe(200);
  });

  it('revokeAll: every token stops working at once', async () => {
    sim.setFault({ kind: 'revokeAll', times: 1, path: '/departments' });
    expect((await departments()).json().error.code).toBe(1002);
    expect(sim.state().tokens.every((t) => t.revokedAt !== null)).toBe(true);
  });

  it('matches on host and method; control routes are never faulted', async () => {
    sim.setFault({ kind: 'http', status: 500, host: 'salesiq.zoho.eu' });
    sim.setFault({ kind: 'http', status: 502, method: 'POST' });
    expect((await departments()).status).toBe(200);
    expect((await departments('salesiq.zoho.eu')).status).toBe(500);
    expect(
      (await api(sim, token, 'POST', '/api/v2/zylker/operators/466756000000002001/status', { status: 'Busy' })).status,
    ).toBe(502);
    const control = await send(sim.port, { host: 'salesiq.zoho.eu', method: 'POST', path: '/__sim/chats', body: {} });
    expect(control.status).toBe(200);
    expect(() => sim.setFault({ kind: 'nope' } as never)).toThrow();
  });

  it('lostAnswer: SalesIQ acts, the answer’s head goes out, the connection closes before its body', async () => {
    const chat = sim.addChat({ question: 'Lost?' });
    sim.setFault({ kind: 'lostAnswer', path: `/conversations/${chat.id}/pickup`, times: 1 });
    // The head arrives (so Chromium does not resend the request by itself), the body never does.
    const answer = await headThenBody(`/api/v2/zylker/conversations/${chat.id}/pickup`);
    expect(answer.status).toBe(200);
    expect(answer.body).toBeInstanceOf(Error);
    const after = sim.state().conversations.find((c) => c.conversation.id === chat.id)!.conversation;
    expect(after.status).toBe('Connected');
    expect(sim.requests().at(-1)).toMatchObject({ fault: 'lostAnswer', status: 0 });
    expect(sim.requests().filter((r) => r.path.endsWith('/pickup'))).toHaveLength(1);
  });

  it('outage: Zoho connections drop until it ends; control still answers', async () => {
    sim.setOutage(true);
    await expect(departments()).rejects.toThrow(/socket hang up|ECONNRESET|disconnected/);
    sim.setOutage(false);
    expect((await departments()).status).toBe(200);
  });

  it('clockOffsetMs: SalesIQ times and the Date header run ahead; sent times are read back', async () => {
    sim.configure({ clockOffsetMs: 90_000 });
    const before = Date.now();
    const chat = sim.addChat({ question: 'Fast clock' });
    expect(Number(chat.start_time)).toBeGreaterThanOrEqual(before + 90_000);
    const res = await departments();
    const serverNow = Date.parse(String(res.headers['date']));
    expect(serverNow).toBeGreaterThanOrEqual(Math.floor((before + 89_000) / 1000) * 1000);
    const since = await api(
      sim,
      token,
      'GET',
      `/api/v2/zylker/conversations?status=waiting&from_time=${Number(chat.start_time) - 1}`,
    );
    expect(since.json().data.map((c: { id: string }) => c.id)).toContain(chat.id);
  });
});
