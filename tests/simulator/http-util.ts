/**
 * The few HTTP primitives every route needs: the request context, body reading with a cap, and
 * JSON/HTML/redirect answers. Kept here so handlers never touch raw sockets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './types';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Host name without port, lower case. */
  host: string;
  path: string;
  query: URLSearchParams;
  log: RequestLogEntry;
  readBody(): Promise<string>;
}

/** Big enough for a hostile 100 kB message, small enough that a runaway client cannot hurt. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function bodyReader(req: IncomingMessage): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () =>
    (pending ??= new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(new Error('request body too large'));
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    }));
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  sendText(res, status, JSON.stringify(body), 'application/json;charset=UTF-8', headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  sendText(res, status, html, 'text/html;charset=UTF-8');
}

export function redirect(res: ServerResponse, location: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(302, { Location: location, 'Content-Length': '0', 'Cache-Control': 'no-store' });
  res.end();
}

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A JSON or form body as a plain record; undefined when it cannot be parsed. */
export function parseBody(text: string, contentType: string | undefined): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function queryRecord(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries(query);
}
