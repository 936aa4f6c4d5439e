/**
 * The HTTPS server and the request pipeline: log → control API → faults → route by Host header
 * (accounts.<dc>, salesiq.<dc> API or console page). One listener serves every DC host, because
 * Chromium's --host-resolver-rules maps them all to this port.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { DataCentre } from '../../lib/salesiq/data-centres';
import type { TestCertificate } from './certificate';
import { CONTROL_PREFIX } from './control';
import { applyFaults, type FaultBook } from './faults';
import { classifyHost, hostName } from './hosts';
import { bodyReader, queryRecord, sendJson, type RequestContext } from './http-util';
import type { RequestLog } from './request-log';
import { isApiPath } from './salesiq/router';
import type { RequestKind } from './types';

export interface Pipeline {
  log: RequestLog;
  faults: FaultBook;
  revokeAll(): void;
  control(ctx: RequestContext): Promise<void>;
  accounts(ctx: RequestContext, dc: DataCentre): Promise<void>;
  salesiq(ctx: RequestContext, dc: DataCentre): Promise<void>;
  console(ctx: RequestContext): void;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpsServer(
  certificate: TestCertificate,
  port: number,
  bindAddress: string,
  pipeline: Pipeline,
): Promise<RunningServer> {
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    void handleRequest(pipeline, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bindAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        pipeline.faults.closeAll(); // hung requests: drop their sockets
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(pipeline: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://simulator.invalid');
  const host = hostName(req.headers.host) || (req.socket as TLSSocket).servername || '';
  const method = (req.method ?? 'GET').toUpperCase();
  const target = classifyHost(host);
  const isControl = url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`);
  const kind: RequestKind = isControl
    ? 'control'
    : target.kind === 'accounts'
      ? 'accounts'
      : target.kind === 'salesiq'
        ? isApiPath(url.pathname)
          ? 'salesiq'
          : 'console'
        : 'unknown';
  const log = pipeline.log.open({
    t: Date.now(),
    method,
    host,
    path: url.pathname,
    query: queryRecord(url.searchParams),
    status: 0,
    authorized: false,
    kind,
  });
  // Record the status as soon as it is decided: a client may read the log before 'finish' fires.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    log.status = statusCode;
    return writeHead(statusCode, ...rest);
  }) as typeof res.writeHead;
  const ctx: RequestContext = { req, res, method, host, path: url.pathname, query: url.searchParams, log, readBody: bodyReader(req) };

  try {
    if (isControl) return await pipeline.control(ctx);
    if (await applyFaults(ctx, pipeline.faults, pipeline.revokeAll)) return;
    if (target.kind === 'accounts') return await pipeline.accounts(ctx, target.dc);
    if (target.kind === 'salesiq') {
      if (isApiPath(url.pathname)) return await pipeline.salesiq(ctx, target.dc);
      return pipeline.console(ctx);
    }
    sendJson(res, 404, { error: `the simulator does not serve host "${host}"` });
  } catch (error) {
    // A simulator bug must show up as a loud 500 in the test, not as a hung request.
    console.error('[zoho-simulator]', error);
    sendJson(res, 500, { error: { code: 1001, message: 'Simulator internal error' } });
  }
}
