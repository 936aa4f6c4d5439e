/**
 * A compressed operator shift in real Chromium: the unchanged store build against the simulator,
 * about 11 minutes, ~170 chats arriving at random (a Poisson-like stream, seeded), colleagues
 * taking some of them, SalesIQ's clock 90 s ahead, and a scripted schedule of faults (SCHEDULE
 * below). The extension runs at its real cadence; only the simulated world is compressed (a busy
 * hour's arrivals in minutes). The operator acts through the pages: Pick up in the popup, Send in
 * the side panel, Sign in again in the popup.
 *
 * SHIFT_MINUTES=3 npm run bench -- shift   runs a shortened shift for development: the schedule,
 * fault durations and arrivals shrink in proportion. Only a full run's figures mean anything.
 *
 * The figures and exactly what they count are defined in shift/figures.ts and in `figures()` here.
 */
import { rmSync } from 'node:fs';
import type { Simulator } from '../simulator/types';
import { startSimulator } from '../simulator/index';
import { launchExtension, type ExtensionSession } from '../e2e/harness';
import { percentile, type Metrics } from './report';
import { seeded } from './seeded';
import {
  CHAT_PREFIX,
  chatsNotNotified,
  duplicateNotifications,
  faultFreeLatencies,
  firstShown,
  notifiedChats,
  serverErrorBackoff,
  staleNotifications,
  union,
  workerAsleep,
  type ChatTruth,
  type Disturbance,
} from './shift/figures';
import { NotificationObserver } from './shift/observer';
import { makeUserData, pickUpInPopup, sendCannedInSidePanel, signInFromPopup, type Told } from './shift/operator';
import {
  readAlertLog,
  readEscalations,
  readSessionState,
  readUserData,
  setSetting,
  userDataLost,
} from './shift/extension-data';

const FULL_MINUTES = 11;
const MINUTES = Number(process.env.SHIFT_MINUTES ?? FULL_MINUTES);
const SCALE = MINUTES / FULL_MINUTES;
const CHATS = Math.round(170 * SCALE);
const ARRIVALS_UNTIL_S = 630;
const TAIL_MS = 30_000;
const DEPARTMENTS = ['466756000000002013', '466756000000002015']; // Patricia's two departments
const COLLEAGUE_SHARE = 0.3;
/** The list poll only: other calls (pickups, lookups) are not what these faults are about. */
const LIST = '/conversations(\\?|$)';
const SHORTCUT = 'shiftthanks';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const scaled = (seconds: number) => Math.max(8_000, Math.round(seconds * 1000 * SCALE));

interface Action {
  kind: 'pickup' | 'send';
  chatId: string;
  scenario: string;
  told: Told;
  clickedAt: number;
  /** Send only: the confirmed text. */
  text?: string;
}

/** Everything the shift observed, for the figures. */
interface Shift {
  sim: Simulator;
  ext: ExtensionSession;
  observer: NotificationObserver;
  random: () => number;
  chats: Map<string, ChatTruth & { name: string }>;
  reserved: Set<string>;
  disturbances: Disturbance[];
  outageEnds: number[];
  actions: Action[];
  blindAlert?: { refusedAt?: number; shownAt?: number; waitedMs: number };
  names: number;
  startedAt: number;
}

function addChat(shift: Shift, reserved = false): { id: string; name: string } {
  shift.names += 1;
  const name = `Shift visitor ${String(shift.names).padStart(3, '0')}`;
  const department_id = DEPARTMENTS[Math.floor(shift.random() * DEPARTMENTS.length)];
  const chat = shift.sim.addChat({
    department_id,
    visitor: { name },
    question: `Question ${shift.names}: can you help?`,
  });
  shift.chats.set(chat.id, { id: chat.id, name, arrivedAt: Date.now() });
  if (reserved) shift.reserved.add(chat.id);
  return { id: chat.id, name };
}

/** Random arrivals over the shift; about a third are taken by a colleague after 5–45 s. */
async function arrivals(shift: Shift, startedAt: number, stop: () => boolean): Promise<void> {
  const offsets = Array.from({ length: CHATS }, () => shift.random() * ARRIVALS_UNTIL_S * 1000 * SCALE).sort(
    (a, b) => a - b,
  );
  for (const offset of offsets) {
    await sleep(Math.max(0, startedAt + offset - Date.now()));
    if (stop()) return;
    const chat = addChat(shift);
    if (shift.random() < COLLEAGUE_SHARE) {
      const after = 5_000 + shift.random() * 40_000;
      setTimeout(() => {
        if (shift.reserved.has(chat.id)) return;
        try {
          shift.sim.takeByOther(chat.id);
        } catch {
          // Already missed or ended: nothing to take.
        }
      }, after).unref();
    }
  }
}

/** When each chat stopped waiting, as the simulator says, sampled every 250 ms. */
async function trackEnds(shift: Shift, stop: () => boolean): Promise<void> {
  while (!stop()) {
    const now = Date.now();
    for (const { conversation } of shift.sim.state().conversations) {
      const chat = shift.chats.get(conversation.id);
      if (chat && chat.endedAt === undefined && conversation.status !== 'Waiting') chat.endedAt = now;
    }
    await sleep(250);
  }
}

function disturb(shift: Shift, label: string, from: number, to: number, blind: boolean): void {
  shift.disturbances.push({ label, from, to, blind });
}

// ---- the operator's actions -------------------------------------------------------------------

type PickupScenario = 'plain' | 'lostAnswer' | 'race' | 'workerStop';

async function pickup(shift: Shift, scenario: PickupScenario): Promise<string> {
  const chat = addChat(shift, true);
  const { sim } = shift;
  let faultId: string | undefined;
  // A colleague's click lands just before ours (SalesIQ refuses ours) or just after (theirs fails).
  const colleagueFirst = shift.random() < 0.5;
  const colleague = () => {
    try {
      sim.takeByOther(chat.id);
    } catch {
      // We were first: the chat is ours, the colleague's click fails.
    }
  };
  const told = await pickUpInPopup(shift.ext, chat, {
    before() {
      if (scenario === 'race' && colleagueFirst) colleague();
      if (scenario === 'lostAnswer')
        faultId = sim.setFault({ kind: 'lostAnswer', pathRegex: `/conversations/${chat.id}/pickup`, times: 1 });
      if (scenario === 'workerStop')
        faultId = sim.setFault({ kind: 'latency', ms: 3_000, pathRegex: `/conversations/${chat.id}/pickup`, times: 1 });
    },
    async after() {
      if (scenario === 'race' && !colleagueFirst) {
        await sleep(shift.random() * 100);
        colleague();
      }
      if (scenario === 'workerStop') {
        await sleep(1_000);
        const at = Date.now();
        await shift.observer.stopWorkers();
        disturb(shift, 'service-worker stop (mid-pickup)', at, at, false);
      }
    },
  });
  if (faultId) sim.clearFault(faultId);
  if (!told) throw new Error(`${chat.name} was not listed in the popup within 25 s: no click`);
  const label = scenario === 'race' ? `race (colleague ${colleagueFirst ? 'first' : 'second'})` : scenario;
  shift.actions.push({ kind: 'pickup', chatId: chat.id, scenario: label, told, clickedAt: told.clickedAt });
  console.log(`    ${label} pickup: told ${told.said} “${told.words}”`);
  return chat.id;
}

async function pickupThenLostSend(shift: Shift): Promise<void> {
  const chatId = await pickup(shift, 'plain');
  let faultId: string | undefined;
  const told = await sendCannedInSidePanel(shift.ext, chatId, 'refund', () => {
    faultId = shift.sim.setFault({
      kind: 'lostAnswer',
      method: 'POST',
      pathRegex: `/conversations/${chatId}/messages`,
      times: 1,
    });
  });
  if (faultId) shift.sim.clearFault(faultId);
  shift.actions.push({
    kind: 'send',
    chatId,
    scenario: 'lostAnswer',
    told,
    clickedAt: told.clickedAt,
    text: told.text,
  });
  console.log(`    lost send: told ${told.said} “${told.words}”`);
}

// ---- faults -----------------------------------------------------------------------------------

async function httpBurst(shift: Shift, status: number, seconds: number, path: string): Promise<void> {
  const from = Date.now();
  const id = shift.sim.setFault({ kind: 'http', status, pathRegex: path });
  await sleep(scaled(seconds));
  shift.sim.clearFault(id);
  disturb(shift, `${status} burst`, from, Date.now(), true);
}

async function hang(shift: Shift, seconds: number): Promise<void> {
  const from = Date.now();
  const id = shift.sim.setFault({ kind: 'hang', pathRegex: LIST });
  await sleep(scaled(seconds));
  shift.sim.clearFault(id); // hung requests are answered now, unless the extension gave up on them
  disturb(shift, 'hung requests', from, Date.now(), true);
}

async function rateLimit(shift: Shift, retryAfterSec: number): Promise<void> {
  const from = Date.now();
  shift.sim.setFault({ kind: 'http', status: 429, retryAfterSec, pathRegex: LIST, times: 1 });
  // SalesIQ asked for silence from the moment it answered 429 until Retry-After passed.
  const limited = await until(() => shift.sim.requests().find((r) => r.t >= from && r.status === 429), 60_000);
  const at = limited?.t ?? from;
  disturb(shift, '429 Retry-After', at, at + retryAfterSec * 1000, true);
}

async function outage(shift: Shift, seconds: number): Promise<void> {
  const from = Date.now();
  shift.sim.setOutage(true);
  await sleep(scaled(seconds));
  shift.sim.setOutage(false);
  const back = Date.now();
  shift.outageEnds.push(back);
  disturb(shift, `network outage ${seconds} s`, from, back, true);
}

async function workerStop(shift: Shift): Promise<void> {
  const at = Date.now();
  await shift.observer.stopWorkers();
  disturb(shift, 'service-worker stop', at, at, false);
}

async function restart(shift: Shift): Promise<void> {
  const from = Date.now();
  await shift.observer.detach();
  shift.ext = await shift.ext.relaunch();
  await shift.observer.attach(shift.ext);
  disturb(shift, 'browser restart', from, Date.now(), true);
}

async function revokeWithSilentRenewal(shift: Shift): Promise<void> {
  const at = Date.now();
  shift.sim.setFault({ kind: 'revokeAll', pathRegex: LIST, times: 1 });
  disturb(shift, 'token revoked (silent renewal)', at, at, false);
}

const BLIND_ALERT_WAIT_MS = 60_000;

/**
 * Zoho refuses silent renewal: the operator must be told by a desktop notification. The product
 * gives that notification no id the bench knows, so it is found by its words: the first
 * notification created after the refusal whose title, message or buttons say "sign in" (or, if
 * its creation was not seen, any non-chat notification that appeared). The bench then signs in as
 * the operator would: the notification's "Sign in" button (or a click on it), else the popup's
 * sign-in button.
 */
async function renewalRefused(shift: Shift): Promise<void> {
  const { sim } = shift;
  const from = Date.now();
  sim.configure({ refresh: 'prompt_required' });
  sim.setFault({ kind: 'revokeAll', pathRegex: LIST, times: 1 });
  const refusal = await until(
    () =>
      sim.state().authRequests.find((a) => a.t >= from && a.endpoint === 'refresh' && a.outcome.startsWith('error')),
    60_000,
  );
  const refusedAt = refusal?.t;
  // No refusal seen (the extension never tried to renew): the operator was blind from the revocation.
  const since = refusedAt ?? from;
  const shown = await until(() => shift.observer.signInAlertSince(since), BLIND_ALERT_WAIT_MS);
  shift.blindAlert = { refusedAt: since, shownAt: shown?.t, waitedMs: Date.now() - since };
  console.log(
    `    renewal refused ${refusedAt ? `at +${refusedAt - from} ms` : 'never (no renewal tried)'}; sign-in notification ${shown ? `after ${shown.t - since} ms: “${shown.title ?? shown.id}”` : 'never shown'}`,
  );

  sim.configure({ refresh: 'ok' });
  let signedIn = false;
  if (shown) {
    const worker = await shift.observer.worker();
    const button = shown.buttons.findIndex((b) => /sign in/i.test(b));
    await worker
      .evaluate(
        ([id, index]) => {
          const events = (
            globalThis as unknown as {
              chrome: { notifications: Record<string, { dispatch(...args: unknown[]): void }> };
            }
          ).chrome.notifications;
          // Chromium's own event dispatch runs the listeners exactly as a click would.
          if (index >= 0) events.onButtonClicked!.dispatch(id, index);
          else events.onClicked!.dispatch(id);
        },
        [shown.id, button] as const,
      )
      .catch(() => undefined);
    signedIn = !!(await until(
      async () => ((await readSessionState(shift.observer.host)) === 'signed-in' ? true : undefined),
      20_000,
    ));
  }
  if (!signedIn) await signInFromPopup(shift.ext);
  // Blind from the refusal (signed out from then on) until signed in again; before it, revoked
  // and still trying, as with the silent renewal above.
  disturb(shift, 'token revoked, renewal tried', from, since, false);
  disturb(shift, 'renewal refused until signed in again', since, Date.now(), true);
}

async function until<T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value) return value;
    await sleep(250);
  }
  return undefined;
}

/** Seconds into the shift (full length; scaled for short runs), and what happens then. */
const SCHEDULE: [number, string, (s: Shift) => Promise<unknown>][] = [
  [90, '503 burst on the list, 15 s', (s) => httpBurst(s, 503, 15, LIST)],
  [115, 'pickup', (s) => pickup(s, 'plain')],
  [130, 'service-worker stop 1', workerStop],
  [140, 'pickup, answer lost after SalesIQ acted (1)', (s) => pickup(s, 'lostAnswer')],
  [155, 'network outage, 20 s', (s) => outage(s, 20)],
  [185, 'pickup racing a colleague (1)', (s) => pickup(s, 'race')],
  [195, 'hung list requests, cleared after 25 s', (s) => hang(s, 25)],
  [225, '429 with Retry-After 20 s', (s) => rateLimit(s, 20)],
  [250, 'pickup, then canned Send whose answer is lost', pickupThenLostSend],
  [285, 'service-worker stop 2, mid-pickup', (s) => pickup(s, 'workerStop')],
  [300, 'token revoked, silent renewal', revokeWithSilentRenewal],
  [307, 'pickup, answer lost after SalesIQ acted (2)', (s) => pickup(s, 'lostAnswer')],
  [320, 'browser restart', restart],
  [335, 'network outage, 3 min', (s) => outage(s, 180)],
  [525, 'pickup racing a colleague (2)', (s) => pickup(s, 'race')],
  [535, 'service-worker stop 3', workerStop],
  [545, 'silent renewal refused, operator signs in again', renewalRefused],
  [600, 'pickup, answer lost after SalesIQ acted (3)', (s) => pickup(s, 'lostAnswer')],
  [610, 'pickup racing a colleague (3)', (s) => pickup(s, 'race')],
  [620, '502 burst on every SalesIQ call, 12 s', (s) => httpBurst(s, 502, 12, '/api/v2/')],
];

// ---- the figures ------------------------------------------------------------------------------

/**
 * shift_double_actions: for each click, SalesIQ handling the same action more than once. A pickup
 * request "reached SalesIQ" when the simulator ran its route: no answering fault, or a lostAnswer
 * or latency fault (the route ran, the answer was lost or late). For the send, also the chat's
 * messages: the confirmed text posted more than once.
 */
function doubleActions(shift: Shift): number {
  const reached = (pattern: RegExp, method?: string) =>
    shift.sim
      .requests()
      .filter(
        (r) =>
          pattern.test(r.path) &&
          (!method || r.method === method) &&
          (!r.fault || r.fault === 'lostAnswer' || r.fault === 'latency'),
      ).length;
  let extra = 0;
  for (const action of shift.actions) {
    if (action.kind === 'pickup')
      extra += Math.max(0, reached(new RegExp(`/conversations/${action.chatId}/pickup$`)) - 1);
    else {
      const posted = messagesWith(shift, action.chatId, action.text!);
      extra += Math.max(
        0,
        Math.max(posted, reached(new RegExp(`/conversations/${action.chatId}/messages$`), 'POST')) - 1,
      );
    }
  }
  return extra;
}

function messagesWith(shift: Shift, chatId: string, text: string): number {
  const chat = shift.sim.state().conversations.find((c) => c.conversation.id === chatId);
  return chat?.messages.filter((m) => m.message.text.trim() === text).length ?? 0;
}

/**
 * shift_wrong_outcomes: the page's first answer after the click (done / failed) against what the
 * simulator did: a pickup SalesIQ performed is one whose chat names me as attender; a send it
 * performed is one whose text is in the chat. Saying nothing for 30 s counts as wrong too: the
 * operator was not told either way.
 */
function wrongOutcomes(shift: Shift): { wrong: number; lines: string[] } {
  const me = shift.sim.state().myOperatorId;
  const lines: string[] = [];
  let wrong = 0;
  for (const action of shift.actions) {
    const chat = shift.sim.state().conversations.find((c) => c.conversation.id === action.chatId);
    const performed =
      action.kind === 'pickup'
        ? chat?.conversation.attender?.id === me
        : messagesWith(shift, action.chatId, action.text!) > 0;
    const ok = action.told.said === (performed ? 'done' : 'failed');
    if (!ok) wrong += 1;
    lines.push(
      `${ok ? '  ' : '✗ '}${action.kind} (${action.scenario}): SalesIQ ${performed ? 'did it' : 'did not'}; told ${action.told.said} “${action.told.words}”`,
    );
  }
  return { wrong, lines };
}

/** shift_recovery_p95_ms: each outage's end → the first list poll SalesIQ answered 200 after it. */
function recoveries(shift: Shift, shiftEnd: number): number[] {
  const polls = shift.sim
    .requests()
    .filter((r) => /\/conversations$/.test(r.path) && r.query.status === 'waiting' && r.status === 200 && !r.fault);
  return shift.outageEnds.map((back) => (polls.find((r) => r.t >= back)?.t ?? shiftEnd) - back);
}

// ---- the run ----------------------------------------------------------------------------------

export default async function shiftBench(): Promise<Metrics> {
  const sim = await startSimulator({ port: 0, seed: 13, seedChat: false, clockOffsetMs: 90_000 });
  const ext = await launchExtension({ zohoPort: sim.port });
  const observer = new NotificationObserver();
  const shift: Shift = {
    sim,
    ext,
    observer,
    random: seeded(2026),
    chats: new Map(),
    reserved: new Set(),
    disturbances: [],
    outageEnds: [],
    actions: [],
    names: 0,
    startedAt: 0,
  };
  let stopped = false;
  try {
    await observer.attach(ext);
    console.log(
      `  ${MINUTES} min shift${MINUTES === FULL_MINUTES ? '' : ' (shortened: figures for development only)'}, ${CHATS} random chats`,
    );
    await signInFromPopup(ext);
    await makeUserData(ext, SHORTCUT);
    await setSetting(observer.host, 'visitorRetentionDays', 14);
    const before = await readUserData(observer.host);

    const startedAt = (shift.startedAt = Date.now());
    const failedSteps: string[] = [];
    const background = [arrivals(shift, startedAt, () => stopped), trackEnds(shift, () => stopped)];
    for (const [at, label, run] of SCHEDULE) {
      await sleep(Math.max(0, startedAt + at * 1000 * SCALE - Date.now()));
      console.log(`  +${Math.round((Date.now() - startedAt) / 1000)} s ${label}`);
      try {
        await run(shift);
      } catch (error) {
        // The shift goes on: a step the bench could not carry out is said, not hidden.
        failedSteps.push(label);
        console.log(`    ✗ step failed: ${String(error).split('\n')[0]}`);
      }
    }
    await sleep(Math.max(0, startedAt + ARRIVALS_UNTIL_S * 1000 * SCALE - Date.now()));
    await sleep(TAIL_MS);
    stopped = true;
    await Promise.all(background);
    const shiftEnd = Date.now();
    await observer.detach();
    const after = await readUserDataAfter(shift);
    const host = await reopenHost(shift);
    const alertLog = await readAlertLog(host);
    const escalations = await readEscalations(host);

    if (failedSteps.length) console.log(`  steps the bench could not carry out: ${failedSteps.join('; ')}`);
    return {
      ...figures(shift, shiftEnd, alertLog, escalations, userDataLost(before, after)),
      // Not a target: how much of the schedule actually ran, so a figure is read with it.
      shift_steps_not_carried_out: { value: failedSteps.length, unit: 'steps', better: 'lower' },
    };
  } finally {
    stopped = true;
    await shift.ext.close().catch(() => undefined);
    // The relaunched session does not own the profile it reused: remove it here.
    rmSync(ext.userDataDir, { recursive: true, force: true });
    await sim.close();
  }
}

async function reopenHost(shift: Shift) {
  return shift.ext.openPage('offscreen');
}

async function readUserDataAfter(shift: Shift) {
  return readUserData(await reopenHost(shift));
}

function figures(
  shift: Shift,
  shiftEnd: number,
  alertLog: Map<string, number | undefined>,
  escalations: Map<string, number>,
  lost: { count: number; lines: string[] },
): Metrics {
  const chats = [...shift.chats.values()];
  const { events } = shift.observer;
  const presence = shift.observer.closeOpenPresence(shiftEnd);
  const scripted = shift.disturbances.filter((d) => d.blind);
  // What the extension could not shorten after a fault (see workerAsleep and serverErrorBackoff).
  const stops = shift.disturbances.filter((d) => d.label.startsWith('service-worker stop')).map((d) => d.from);
  const asleep = workerAsleep(stops, shift.observer.workerRunningAt, shiftEnd);
  const listRequestsAt = shift.sim
    .requests()
    .filter((r) => /\/conversations$/.test(r.path) && r.query.status === 'waiting')
    .map((r) => r.t);
  const backoff = serverErrorBackoff(
    shift.disturbances.filter((d) => d.label.endsWith(' burst')),
    listRequestsAt,
  );
  const blind = union([...scripted, ...asleep, ...backoff]);
  const shown = firstShown(events);
  const notified = notifiedChats(events, alertLog);
  // Kept to the scripted blind time: a chat must be notified even if the worker slept through part of its wait.
  const notNotified = chatsNotNotified(chats, notified, union(scripted), shiftEnd);
  const duplicates = duplicateNotifications(events, undefined, escalations);
  const stale = staleNotifications(chats, presence, events, blind, shiftEnd);
  // The same count with only the scripted blind time excluded: what a stopped worker and the 5xx
  // backoff cost, reported beside the target figure.
  const staleStrict = staleNotifications(chats, presence, events, union(scripted), shiftEnd);
  const doubles = doubleActions(shift);
  const outcomes = wrongOutcomes(shift);
  const recovery = recoveries(shift, shiftEnd);
  const latencies = faultFreeLatencies(chats, shown, shift.disturbances);
  const blindAlert = shift.blindAlert;
  const blindAlertMs =
    blindAlert?.refusedAt && blindAlert.shownAt
      ? blindAlert.shownAt - blindAlert.refusedAt
      : (blindAlert?.waitedMs ?? BLIND_ALERT_WAIT_MS);

  console.log(`\n  chats: ${chats.length} (${chats.filter((c) => notified.has(c.id)).length} notified); disturbances:`);
  for (const d of shift.disturbances)
    console.log(`    ${d.label}: ${Math.round((d.to - d.from) / 100) / 10} s${d.blind ? ' (blind)' : ''}`);
  if (notNotified.length)
    console.log(`  not notified: ${notNotified.map((id) => shift.chats.get(id)!.name).join(', ')}`);
  for (const d of duplicates)
    console.log(
      `  duplicate: ${shift.chats.get(d.id.slice(5))?.name ?? d.id} ${d.reason} at +${Math.round((d.t - shift.startedAt) / 1000)} s`,
    );
  if (stale.length) console.log(`  stale on screen: ${stale.map((id) => shift.chats.get(id)!.name).join(', ')}`);
  const strictOnly = staleStrict.filter((id) => !stale.includes(id));
  if (strictOnly.length)
    console.log(
      `  stale only while the worker was stopped or in a 5xx backoff: ${strictOnly.map((id) => shift.chats.get(id)!.name).join(', ')}`,
    );
  for (const i of [...asleep, ...backoff])
    console.log(
      `    not shortenable: ${((i.to - i.from) / 1000).toFixed(1)} s from +${((i.from - shift.startedAt) / 1000).toFixed(1)}`,
    );
  // The timeline of every chat a figure counts against, so a miss can be explained from the log.
  const rel = (t: number) => `+${((t - shift.startedAt) / 1000).toFixed(1)}`;
  for (const chatId of new Set([...staleStrict, ...stale, ...duplicates.map((d) => d.id.slice(CHAT_PREFIX.length))])) {
    const chat = shift.chats.get(chatId);
    const id = CHAT_PREFIX + chatId;
    const seen = events.filter((e) => e.id === id).map((e) => `${e.source} ${e.kind} ${rel(e.t)}`);
    const onScreen = presence.filter((p) => p.id === id).map((p) => `${rel(p.from)}–${rel(p.to)}`);
    console.log(
      `    ${chat?.name ?? chatId}: arrived ${chat ? rel(chat.arrivedAt) : '?'}, ended ${chat?.endedAt ? rel(chat.endedAt) : '—'}; ${seen.join(', ')}; on screen ${onScreen.join(', ')}`,
    );
  }
  for (const d of shift.disturbances) console.log(`    ${d.label}: ${rel(d.from)}–${rel(d.to)}`);
  // A stopped worker runs again only when an event wakes it (the 30 s poll alarm, a page's message).
  for (const d of shift.disturbances.filter((x) => x.label.startsWith('service-worker stop'))) {
    const running = shift.observer.workerRunningAt.find((t) => t > d.from);
    console.log(
      `    ${d.label} at ${rel(d.from)}: worker running again after ${running ? `${((running - d.from) / 1000).toFixed(1)} s` : 'never'}`,
    );
  }
  for (const line of outcomes.lines) console.log(`  ${line}`);
  for (const line of lost.lines) console.log(`  data lost: ${line}`);
  console.log(`  recoveries (ms): ${recovery.join(', ')}; fault-free notify samples: ${latencies.length}`);
  if (!blindAlert?.shownAt)
    console.log(
      `  no sign-in notification within ${Math.round(blindAlertMs / 1000)} s of the refusal: reported as that wait`,
    );

  return {
    shift_chats_not_notified: { value: notNotified.length, unit: 'chats', target: 0, better: 'lower' },
    shift_duplicate_notifications: { value: duplicates.length, unit: 'notifications', target: 0, better: 'lower' },
    shift_stale_notifications: { value: stale.length, unit: 'notifications', target: 0, better: 'lower' },
    shift_stale_incl_worker_stopped_and_backoff: { value: staleStrict.length, unit: 'notifications', better: 'lower' },
    shift_double_actions: { value: doubles, unit: 'actions', target: 0, better: 'lower' },
    shift_wrong_outcomes: { value: outcomes.wrong, unit: 'actions', target: 0, better: 'lower' },
    shift_recovery_p95_ms: { value: Math.round(percentile(recovery, 95)), unit: 'ms', target: 10_000, better: 'lower' },
    shift_blind_alert_ms: { value: Math.round(blindAlertMs), unit: 'ms', target: 15_000, better: 'lower' },
    shift_user_data_lost: { value: lost.count, unit: 'items', target: 0, better: 'lower' },
    shift_notify_p95_ms: { value: Math.round(percentile(latencies, 95)), unit: 'ms', target: 6_000, better: 'lower' },
  };
}
