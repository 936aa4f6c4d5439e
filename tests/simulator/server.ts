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
import { wireDateHeader } from './wire-clock';

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
  /** See Simulator.setOutage. */
  setOutage(on: boolean): void;
  close(): Promise<void>;
}

/** A TLS connection the browser opened for a Zoho host (it names one in SNI). */
function isZohoConnection(socket: TLSSocket): boolean {
  const name = typeof socket.servername === 'string' ? socket.servername : '';
  return name !== '' && classifyHost(name).kind !== 'other';
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
  // Outage: Zoho connections are dropped once their server name is known, open ones included.
  let outage = false;
  const open = new Set<TLSSocket>();
  server.on('secureConnection', (socket: TLSSocket) => {
    if (outage && isZohoConnection(socket)) {
      socket.destroy();
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
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
    setOutage(on) {
      outage = on;
      if (on) for (const socket of open) if (isZohoConnection(socket)) socket.destroy();
    },
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
  // SalesIQ's clock, which may differ from this machine's (config clockOffsetMs).
  res.setHeader('Date', wireDateHeader());
  const ctx: RequestContext = {
    req,
    res,
    method,
    host,
    path: url.pathname,
    query: url.searchParams,
    log,
    readBody: bodyReader(req),
  };

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
