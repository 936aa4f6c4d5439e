/** The HTTP control API (/__sim/...) and the simulator's lifecycle. */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, send, signIn } from './client';
import { allZohoHosts } from './hosts';
import { startSimulator } from './index';
import type { Simulator } from './types';

describe('lifecycle', () => {
  it('starts on a random port and closes, twice in one process', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const sim = await startSimulator({ port: 0 });
      ports.push(sim.port);
      expect(sim.port).toBeGreaterThan(0);
      expect((await send(sim.port, { path: '/__sim/health' })).json()).toMatchObject({ ok: true, port: sim.port });
      await sim.close();
      await sim.close(); // idempotent
      await expect(send(sim.port, { path: '/__sim/health' })).rejects.toThrow(/ECONNREFUSED/);
    }
    expect(ports).toHaveLength(2);
  });

  it('uses one cached certificate whose SAN covers every Zoho host', async () => {
    const a = await startSimulator({ port: 0 });
    const b = await startSimulator({ port: 0 });
    try {
      expect(a.certificatePem).toBe(b.certificatePem);
      const cert = new X509Certificate(a.certificatePem);
      for (const host of [...allZohoHosts(), 'localhost']) expect(cert.checkHost(host)).toBe(host);
      expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(a.chromiumArgs[0]).toContain(`MAP *.zohocloud.ca 127.0.0.1:${a.port}`);
      expect(a.chromiumArgs).toContain('--ignore-certificate-errors');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('control API over HTTP', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(() => sim.close());

  const control = (method: string, path: string, body?: unknown) =>
    send(sim.port, { host: 'salesiq.zoho.com', method, path: `/__sim${path}`, body });

  it('adds chats and drives them through take, message, miss and end', async () => {
    const chat = (await control('POST', '/chats', { question: 'Hola?', visitor: { name: 'Lucía' } })).json();
    expect(chat).toMatchObject({ question: 'Hola?', visitor: { name: 'Lucía' }, status: 'Waiting' });
    const message = (await control('POST', `/chats/${chat.id}/messages`, { text: '¿Hay alguien?' })).json();
    expect(message).toMatchObject({ message: { text: '¿Hay alguien?' }, sender: { name: 'Lucía' } });
    expect(
      (await control('POST', `/chats/${chat.id}/take`, { operatorId: '466756000000002007' })).json().attender.id,
    ).toBe('466756000000002007');
    expect((await control('POST', `/chats/${chat.id}/end`)).json().status).toBe('Ended');
    const second = (await control('POST', '/chats', {})).json();
    expect((await control('POST', `/chats/${second.id}/miss`)).json().status).toBe('Missed');
    const conflict = await control('POST', `/chats/${second.id}/miss`);
    expect(conflict.status).toBe(409);
    expect((await control('POST', '/chats/466756000099999999/end')).status).toBe(404);
    const hostile = (await control('POST', '/chats', { hostile: true })).json();
    expect(hostile.extra_unknown_field).toBeDefined();
  });

  it('configure, status, faults, requests, state and reset', async () => {
    expect(
      (await control('POST', '/configure', { pickupMethod: 'put-only', missedAfterMs: 5000 })).json(),
    ).toMatchObject({ pickupMethod: 'put-only', missedAfterMs: 5000 });
    expect((await control('POST', '/configure', { pickupMethod: 'sideways' })).status).toBe(400);
    expect((await control('POST', '/configure', { nonsense: true })).status).toBe(400);
    expect((await control('GET', '/config')).json().pickupMethod).toBe('put-only');

    expect((await control('POST', '/status', { status: 'Busy' })).status).toBe(200);
    expect((await control('GET', '/state')).json().myStatus).toBe('Busy');

    const { id } = (await control('POST', '/faults', { kind: 'http', status: 503, pathRegex: '/departments$' })).json();
    const token = await signIn(sim);
    expect((await api(sim, token, 'GET', '/api/v2/zylker/departments')).status).toBe(503);
    expect((await control('GET', '/faults')).json()).toEqual([expect.objectContaining({ id, hits: 1 })]);
    await control('DELETE', `/faults/${id}`);
    expect((await api(sim, token, 'GET', '/api/v2/zylker/departments')).status).toBe(200);
    expect((await control('POST', '/faults', { kind: 'latency' })).status).toBe(400);

    const log = (await control('GET', '/requests?kind=salesiq')).json();
    expect(log.map((r: { status: number }) => r.status)).toEqual([503, 200]);
    expect(log[1]).toMatchObject({
      method: 'GET',
      host: 'salesiq.zoho.com',
      path: '/api/v2/zylker/departments',
      authorized: true,
      t: expect.any(Number),
    });
    const all = sim.requests();
    expect(all.some((r) => r.kind === 'accounts')).toBe(true);
    expect(all.some((r) => r.kind === 'control')).toBe(true);
    await control('DELETE', '/requests');
    expect(sim.requests().filter((r) => r.kind !== 'control')).toHaveLength(0);

    await control('POST', '/reset', { keepTokens: true });
    expect((await api(sim, token, 'GET', '/api/v2/zylker/departments')).status).toBe(200);
    const state = (await control('GET', '/state')).json();
    expect(state.config.pickupMethod).toBe('both');
    expect(state.myStatus).toBe('Available');
    await control('POST', '/reset');
    expect((await api(sim, token, 'GET', '/api/v2/zylker/departments')).json().error.code).toBe(1002);
  });

  it('unknown control routes and hosts answer 404', async () => {
    expect((await control('GET', '/nothing')).status).toBe(404);
    expect((await send(sim.port, { host: 'example.com', path: '/api/v2/portals' })).status).toBe(404);
  });
});
