/**
 * The control API over HTTP (/__sim/... on any host) for the CLI, the demo and benchmarks running
 * in other processes. It maps one-to-one onto the in-process Simulator methods; JSON in and out.
 * These routes are never faulted, so a test can always clear what it broke.
 */
import { parseBody, sendJson, type RequestContext } from './http-util';
import type { AddChatOptions, Fault, OperatorStatus, Simulator } from './types';
import { WorldError } from './world';

export const CONTROL_PREFIX = '/__sim';

type ControlHandler = (body: Record<string, unknown>, params: string[], ctx: RequestContext) => unknown;

interface ControlRoute {
  method: string;
  pattern: RegExp;
  handle: ControlHandler;
}

function routes(sim: Simulator): ControlRoute[] {
  const route = (method: string, pattern: RegExp, handle: ControlHandler): ControlRoute => ({
    method,
    pattern,
    handle,
  });
  const id = (params: string[]) => decodeURIComponent(params[0]!);
  return [
    route('GET', /^\/health$/, () => ({ ok: true, port: sim.port, chromiumArgs: sim.chromiumArgs })),
    route('GET', /^\/state$/, () => sim.state()),
    route('POST', /^\/reset$/, (body) => {
      sim.reset({ keepTokens: body.keepTokens === true });
      return { ok: true };
    }),
    route('GET', /^\/config$/, () => sim.state().config),
    route('POST', /^\/configure$/, (body) => sim.configure(body)),
    route('POST', /^\/chats$/, (body) => sim.addChat(body as AddChatOptions)),
    route('POST', /^\/chats\/([^/]+)\/take$/, (body, params) =>
      sim.takeByOther(id(params), typeof body.operatorId === 'string' ? body.operatorId : undefined),
    ),
    route('POST', /^\/chats\/([^/]+)\/miss$/, (_body, params) => sim.missChat(id(params))),
    route('POST', /^\/chats\/([^/]+)\/end$/, (_body, params) => sim.endChat(id(params))),
    route('POST', /^\/chats\/([^/]+)\/messages$/, (body, params) => {
      if (body.text !== undefined && typeof body.text !== 'string')
        throw new WorldError('bad_input', 'text must be a string');
      return sim.visitorMessage(id(params), body.text as string | undefined);
    }),
    route('POST', /^\/chats\/([^/]+)\/console-reply$/, (body, params) => {
      if (typeof body.text !== 'string' || !body.text.trim())
        throw new WorldError('bad_input', 'text must be a non-empty string');
      return sim.consoleReply(id(params), body.text);
    }),
    route('POST', /^\/status$/, (body) => {
      if (body.status !== 'Available' && body.status !== 'Busy')
        throw new WorldError('bad_input', 'status must be Available or Busy');
      sim.setMyStatus(body.status as OperatorStatus);
      return { ok: true };
    }),
    route('GET', /^\/faults$/, () => sim.state().faults),
    route('POST', /^\/faults$/, (body) => ({ id: sim.setFault(body as Fault) })),
    route('DELETE', /^\/faults$/, () => {
      sim.clearFaults();
      return { ok: true };
    }),
    route('DELETE', /^\/faults\/([^/]+)$/, (_body, params) => {
      sim.clearFault(id(params));
      return { ok: true };
    }),
    route('POST', /^\/outage$/, (body) => {
      if (typeof body.on !== 'boolean') throw new WorldError('bad_input', 'on must be a boolean');
      sim.setOutage(body.on);
      return { ok: true };
    }),
    route('GET', /^\/requests$/, (_body, _params, ctx) => {
      const kind = ctx.query.get('kind');
      return sim.requests().filter((entry) => !kind || entry.kind === kind);
    }),
    route('DELETE', /^\/requests$/, () => {
      sim.clearRequests();
      return { ok: true };
    }),
  ];
}

export function createControlHandler(sim: Simulator): (ctx: RequestContext) => Promise<void> {
  const table = routes(sim);
  return async (ctx) => {
    const subPath = ctx.path.slice(CONTROL_PREFIX.length) || '/';
    let params: string[] | undefined;
    const found = table.find((r) => {
      const m = r.pattern.exec(subPath);
      if (m && r.method === ctx.method) params = m.slice(1);
      return Boolean(m) && r.method === ctx.method;
    });
    if (!found || !params) {
      sendJson(ctx.res, 404, { error: `no control route ${ctx.method} ${ctx.path}` });
      return;
    }
    const body = parseBody(await ctx.readBody(), ctx.req.headers['content-type']);
    if (!body) {
      sendJson(ctx.res, 400, { error: 'body must be a JSON object' });
      return;
    }
    try {
      sendJson(ctx.res, 200, found.handle(body, params, ctx) ?? { ok: true });
    } catch (error) {
      const status =
        error instanceof WorldError ? { not_found: 404, bad_state: 409, bad_input: 400 }[error.reason] : 400;
      sendJson(ctx.res, status, { error: error instanceof Error ? error.message : String(error) });
    }
  };
}
