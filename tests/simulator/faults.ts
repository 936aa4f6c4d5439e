/**
 * Injected failures: slow answers, rate limits, 5xx, error envelopes, broken JSON, requests that
 * never answer, reset sockets and mass token revocation. They exist so the extension's retry,
 * backoff and error paths are exercised against real sockets, not mocks.
 */
import { sendJson, sendText, type RequestContext } from './http-util';
import type { ActiveFault, Fault, FaultAction } from './types';

interface FaultEntry {
  id: string;
  fault: Fault;
  matcher: (target: string) => boolean;
  hits: number;
  remaining: number | null;
}

const KINDS: ReadonlySet<FaultAction['kind']> = new Set([
  'latency',
  'http',
  'envelope',
  'malformed',
  'hang',
  'reset',
  'revokeAll',
  'lostAnswer',
]);

function validateFault(input: unknown): Fault {
  const fault = input as Fault;
  if (!fault || typeof fault !== 'object' || !KINDS.has(fault.kind))
    throw new Error(`fault kind must be one of ${[...KINDS].join(', ')}`);
  if (fault.kind === 'latency' && !(typeof fault.ms === 'number' && fault.ms >= 0))
    throw new Error('latency needs ms >= 0');
  if (fault.kind === 'http' && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
    throw new Error('http needs a status in 100..599');
  }
  if (fault.kind === 'envelope' && (typeof fault.code !== 'number' || typeof fault.message !== 'string')) {
    throw new Error('envelope needs code and message');
  }
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0))
    throw new Error('times must be a positive integer');
  if (fault.pathRegex !== undefined) new RegExp(fault.pathRegex); // throws on a bad pattern
  return fault;
}

function pathMatcher(fault: Fault): (target: string) => boolean {
  const { path, pathRegex } = fault;
  if (path instanceof RegExp) return (target) => new RegExp(path.source, path.flags.replace('g', '')).test(target);
  if (pathRegex !== undefined) {
    const regex = new RegExp(pathRegex);
    return (target) => regex.test(target);
  }
  if (typeof path === 'string') return (target) => target.includes(path);
  return () => true;
}

export class FaultBook {
  private readonly entries = new Map<string, FaultEntry>();
  private readonly hangers = new Map<string, Set<(closing: boolean) => void>>();
  private sequence = 0;

  add(input: Fault): string {
    const fault = validateFault(input);
    this.sequence += 1;
    const id = `fault-${this.sequence}`;
    this.entries.set(id, { id, fault, matcher: pathMatcher(fault), hits: 0, remaining: fault.times ?? null });
    return id;
  }

  clear(id: string): void {
    this.entries.delete(id);
    this.release(id, false);
  }

  clearAll(): void {
    this.entries.clear();
    for (const id of [...this.hangers.keys()]) this.release(id, false);
  }

  /** On shutdown: hung requests are dropped instead of answered. */
  closeAll(): void {
    this.entries.clear();
    for (const id of [...this.hangers.keys()]) this.release(id, true);
  }

  list(): ActiveFault[] {
    return [...this.entries.values()].map(({ id, fault, hits, remaining }) => ({
      id,
      fault: { ...fault },
      hits,
      remaining,
    }));
  }

  /** The faults that apply to one request, in the order they were set; consumes their `times`. */
  take(method: string, host: string, target: string): FaultEntry[] {
    const matched: FaultEntry[] = [];
    for (const entry of this.entries.values()) {
      const { fault } = entry;
      if (fault.method && fault.method.toUpperCase() !== method) continue;
      if (fault.host && !host.includes(fault.host.toLowerCase())) continue;
      if (!entry.matcher(target)) continue;
      entry.hits += 1;
      if (entry.remaining !== null) {
        entry.remaining -= 1;
        if (entry.remaining <= 0) this.entries.delete(entry.id);
      }
      matched.push(entry);
    }
    return matched;
  }

  /** Resolves with true when the simulator closes, false when the fault is cleared. */
  hang(id: string): Promise<boolean> {
    return new Promise((resolve) => {
      const set = this.hangers.get(id) ?? new Set();
      set.add(resolve);
      this.hangers.set(id, set);
    });
  }

  private release(id: string, closing: boolean): void {
    const set = this.hangers.get(id);
    this.hangers.delete(id);
    for (const resolve of set ?? []) resolve(closing);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Whatever the route answers, the client never reads it: the answer's head and first byte go out,
 * then the connection closes. Closing before any byte would not lose the answer in a
 * browser: Chromium resends a request by itself when a reused keep-alive connection closes before
 * the first byte of the answer (its stale-socket retry), so SalesIQ would act twice and the
 * extension would read the second answer.
 */
function loseAnswer(ctx: RequestContext): void {
  const { res } = ctx;
  const write = res.write.bind(res) as (chunk: string | Buffer) => boolean;
  res.end = ((chunk?: string | Buffer) => {
    // The head and the body's first byte: a truncated answer, as a dropped connection leaves it.
    write(chunk && chunk.length ? chunk.slice(0, 1) : '');
    res.socket?.destroySoon();
    ctx.log.status = 0; // the client never got an answer it could read
    return res;
  }) as unknown as typeof res.end;
}

const PASS_THROUGH: ReadonlySet<FaultAction['kind']> = new Set(['latency', 'revokeAll', 'lostAnswer']);

/**
 * Applies the matching faults. Latency, revokeAll and lostAnswer stack with the rest and let the
 * request go on (lostAnswer: the route acts, its answer is dropped); the first answering fault
 * (http, envelope, malformed, hang, reset) ends it. Returns true when the request was answered
 * (or dropped) here.
 */
export async function applyFaults(ctx: RequestContext, book: FaultBook, revokeAll: () => void): Promise<boolean> {
  const target = ctx.query.size ? `${ctx.path}?${ctx.query}` : ctx.path;
  const matched = book.take(ctx.method, ctx.host, target);
  let delay = 0;
  for (const { fault } of matched) {
    if (fault.kind === 'latency') delay += fault.ms;
    if (fault.kind === 'revokeAll') revokeAll();
    if (fault.kind === 'lostAnswer') loseAnswer(ctx);
    if (PASS_THROUGH.has(fault.kind)) ctx.log.fault ??= fault.kind;
  }
  if (delay > 0) await sleep(delay);
  const answering = matched.find(({ fault }) => !PASS_THROUGH.has(fault.kind));
  if (!answering) return false;
  const { fault } = answering;
  ctx.log.fault = fault.kind;
  switch (fault.kind) {
    case 'http':
      answerHttp(ctx, fault);
      return true;
    case 'envelope':
      sendJson(ctx.res, 200, { error: { code: fault.code, message: fault.message } });
      return true;
    case 'malformed':
      // Cut mid-value so JSON.parse fails, as a truncated proxy answer would.
      sendText(
        ctx.res,
        200,
        `{"url":"${ctx.path}","object":"list","data":[{"id":"4667560000`,
        'application/json;charset=UTF-8',
      );
      return true;
    case 'reset':
      ctx.req.socket.destroy();
      return true;
    case 'hang': {
      const closing = await book.hang(answering.id);
      if (closing) {
        ctx.req.socket.destroy();
        return true;
      }
      return ctx.res.destroyed; // cleared: answer normally unless the client already gave up
    }
    default:
      return false;
  }
}

function answerHttp(ctx: RequestContext, fault: Extract<FaultAction, { kind: 'http' }>): void {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSec !== undefined) headers['Retry-After'] = String(fault.retryAfterSec);
  if (fault.body !== undefined) {
    if (typeof fault.body === 'string')
      sendText(ctx.res, fault.status, fault.body, 'text/plain;charset=UTF-8', headers);
    else sendJson(ctx.res, fault.status, fault.body, headers);
  } else if (fault.status === 429) {
    sendJson(ctx.res, 429, { error: { code: 1001, message: 'Too many requests' } }, headers);
  } else {
    // Gateways answer 5xx with HTML, which a client must not try to parse as JSON.
    const html = `<html><head><title>${fault.status}</title></head><body><h1>${fault.status} Service unavailable</h1></body></html>`;
    sendText(ctx.res, fault.status, html, 'text/html;charset=UTF-8', headers);
  }
}
