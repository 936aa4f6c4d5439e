/**
 * The request floor: what Chrome itself spends on the extension's requests, apart from anything
 * the extension does with them. A control extension (tests/bench/control-extension.ts: an MV3
 * service worker, no IndexedDB, badge, notifications or storage) replays the requests the store
 * build made in a measured window, from the simulator's log: the same URLs (the same Zoho hosts,
 * mapped to the simulator by the same flags), methods, headers (Accept, `Authorization:
 * Zoho-oauthtoken …`), fetch options, and each request at the same offset from the window's start,
 * so the same number per wake-up and the same wake-ups a minute. It reads each answer's text and
 * nothing more. Once a wake-up it makes one extension API call (runtime.getPlatformInfo): Chrome
 * stops a worker 30 s after its last event or extension API call, whatever timers it has set, so
 * any extension that polls from its worker pays that much to stay up between wake-ups.
 */
import type { Browser } from 'puppeteer-core';
import type { Simulator } from '../simulator/types';
import { request } from 'node:https';
import { CONTROL_PAGE, unpackedExtensionId, writeControlExtension } from './control-extension';

/** Zoho's US data centre, the simulator's default: the hosts the store build polls in the bench. */
const CONTROL_HOSTS = ['salesiq.zoho.com', 'accounts.zoho.com'];

const WORKER = `// Replays a schedule of requests to Zoho and does nothing else (tests/bench/request-floor.ts).
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || !message || message.type !== 'replay') return;
  const headers = { Accept: 'application/json', Authorization: 'Zoho-oauthtoken ' + message.token };
  for (const request of message.requests) {
    setTimeout(() => {
      if (request.firstOfWakeup) chrome.runtime.getPlatformInfo(() => {});
      void fetch(request.url, { method: request.method, headers, credentials: 'omit', redirect: 'error', cache: 'no-store' })
        .then((response) => response.text())
        .catch(() => '');
    }, message.startAt + request.at - Date.now());
  }
  reply(true);
});
`;

export interface ReplayedRequest {
  /** Milliseconds from the window's start. */
  at: number;
  method: string;
  url: string;
  /** The first request of a wake-up (requests less than 1 s apart are one wake-up). */
  firstOfWakeup: boolean;
  /** The answer the store build's request got, e.g. "200 authorized" (the replay must get the same). */
  answer: string;
}

const answerOf = (r: { status: number; authorized: boolean }) =>
  `${r.status} ${r.authorized ? 'authorized' : 'refused'}`;

export function writeRequestFloorExtension(): { dir: string; id: string } {
  const dir = writeControlExtension({
    worker: WORKER,
    permissions: [],
    hostPermissions: CONTROL_HOSTS.map((host) => `https://${host}/*`),
  });
  return { dir, id: unpackedExtensionId(dir) };
}

/** The requests to Zoho in [from, to) as the simulator logged them, each at its offset from `from`. */
export function requestSchedule(sim: Simulator, from: number, to: number): ReplayedRequest[] {
  const logged = sim
    .requests()
    .filter((r) => r.t >= from && r.t < to && (r.kind === 'salesiq' || r.kind === 'accounts'))
    .sort((a, b) => a.t - b.t);
  return logged.map((r, i) => {
    if (!CONTROL_HOSTS.includes(r.host))
      throw new Error(`The control may not reach ${r.host}: add it to CONTROL_HOSTS`);
    const query = new URLSearchParams(r.query).toString();
    return {
      at: r.t - from,
      method: r.method,
      url: `https://${r.host}${r.path}${query ? `?${query}` : ''}`,
      firstOfWakeup: i === 0 || r.t - logged[i - 1]!.t >= 1_000,
      answer: answerOf(r),
    };
  });
}

/**
 * A token for the same account, client and scopes as the store build's latest one, through Zoho's
 * implicit grant on the simulator (HTTPS to 127.0.0.1 under the accounts host's name, as Chromium's
 * host mapping does). Not tests/simulator/client.ts: it imports the extension's build-time config.
 */
function tokenLikeTheExtensions(sim: Simulator): Promise<string> {
  const theirs = sim
    .state()
    .tokens.filter((t) => t.kind === 'access')
    .sort((a, b) => b.issuedAt - a.issuedAt)[0];
  if (!theirs) throw new Error('The store build never got a token: nothing to copy');
  const query = new URLSearchParams({
    response_type: 'token',
    client_id: theirs.clientId,
    scope: theirs.scopes.join(','),
    redirect_uri: 'https://bench-control.invalid/',
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sim.port,
        servername: 'accounts.zoho.com',
        path: `/oauth/v2/auth?${query}`,
        headers: { Host: 'accounts.zoho.com' },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        res.resume();
        const location = res.headers.location ?? '';
        const token = new URLSearchParams(location.split('#')[1] ?? '').get('access_token');
        if (token) resolve(token);
        else reject(new Error(`The simulator gave the control no token: ${res.statusCode} ${location}`));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/**
 * Hands the schedule to the control's worker (from its page, which is then closed) and returns
 * when the replay starts: in `leadMs`, once the page and the DevTools client are gone. The control
 * gets a token of its own for the same account (the extension's was revoked when it signed out,
 * and a refused call is answered with a shorter body than the lists).
 */
export async function startReplay(
  devtools: Browser,
  sim: Simulator,
  controlId: string,
  requests: ReplayedRequest[],
  leadMs: number,
): Promise<number> {
  const token = await tokenLikeTheExtensions(sim);
  const page = await devtools.newPage();
  try {
    await page.goto(`chrome-extension://${controlId}/${CONTROL_PAGE}`);
    const startAt = Date.now() + leadMs;
    const accepted = await page.evaluate(
      (message) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage(message),
      { type: 'replay', token, requests, startAt },
    );
    if (accepted !== true) throw new Error('The control worker did not accept the schedule');
    return startAt;
  } finally {
    await page.close();
  }
}

/**
 * Throws unless the replay, from `startAt`, made every request of the schedule and got the same
 * answers (a request due at the window's very end may arrive a little after it: 1 s of grace).
 */
export function assertReplayed(sim: Simulator, requests: ReplayedRequest[], startAt: number, windowMs: number): void {
  const seen = sim
    .requests()
    .filter(
      (r) => r.t >= startAt && r.t < startAt + windowMs + 1_000 && (r.kind === 'salesiq' || r.kind === 'accounts'),
    )
    .map((r) => `${r.method} ${r.path} ${answerOf(r)}`)
    .sort();
  const expected = requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.answer}`).sort();
  if (seen.join('\n') !== expected.join('\n')) {
    throw new Error(
      `The control's replay differs from the extension's window: ${seen.length} requests (${seen.join(', ')}), expected ${expected.length} (${expected.join(', ')})`,
    );
  }
}
