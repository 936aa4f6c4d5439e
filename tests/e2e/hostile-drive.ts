import type { Page } from 'playwright-core';
import { HOSTILE_CORPUS } from '../simulator/hostile';
import { openPopup, sessionState, storeCount, waitFor, type World } from './world';

/**
 * Drives the hostile-input corpus (tests/simulator/hostile.ts) through every surface that shows
 * visitor text, in real Chromium with the store build: the popup's queue, the side panel (card,
 * this chat's transcript, earlier chats), desktop notifications (title, message, buttons) and a
 * canned response with `{visitor.name}` expanded from `#hi` in the SalesIQ-like console page.
 * Each visitor's name, question and a message are one corpus string. Shared by the browser test
 * (every problem must be absent) and the benchmark (counts tried and executed inputs).
 */
export interface HostileRun {
  /** Inputs × surfaces driven. */
  tried: number;
  /** Inputs × surfaces where a payload ran (set the watched global, called the watched function). */
  executed: number;
  /** Everything wrong, in words: markup created, a row taller than the popup, uncleaned notification text. */
  problems: string[];
}

/** Visitor text that became markup: elements and attributes no page of ours creates from data. */
const INJECTED = [
  'img[src="x"]',
  'script:not([src])',
  'iframe',
  'svg[onload]',
  'details[ontoggle]',
  'math',
  'mglyph',
  'marquee',
  '[onerror]',
  '[onload]',
  '[onfocus]',
  '[onclick]',
  '[ontoggle]',
  'a[href^="javascript"]',
  '[autofocus][x]',
].join(', ');

/** Must not reach a notification: controls, bidi, invisible format characters, lone surrogates. */
const UNSAFE_NOTIFICATION_TEXT =
  /[\u0000-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SHORTCUT_TEXT = 'Hi {visitor.name}!';

/** In every page: the function payloads call, and a count of inline code the CSP refused to run. */
function watchPayloads(): void {
  const w = window as unknown as { __hostileRan?: number; __hostileCall: () => void; __cspRefused: number };
  w.__hostileCall = () => {
    w.__hostileRan = (w.__hostileRan ?? 0) + 1;
  };
  w.__cspRefused = 0;
  document.addEventListener('securitypolicyviolation', () => {
    w.__cspRefused += 1;
  });
}

interface PageVerdict {
  ran: boolean;
  injected: string[];
  cspRefused: number;
}

async function inspect(page: Page): Promise<PageVerdict> {
  return page.evaluate((selector) => {
    const w = window as unknown as { __hostileRan?: number; __cspRefused?: number };
    return {
      ran: !!w.__hostileRan,
      injected: [...document.querySelectorAll(selector)].map((el) => el.outerHTML.slice(0, 80)),
      cspRefused: w.__cspRefused ?? 0,
    };
  }, INJECTED);
}

function judge(surface: string, verdict: PageVerdict, run: HostileRun, inputs: number): void {
  run.tried += inputs;
  if (verdict.ran) run.executed += 1;
  if (verdict.injected.length)
    run.problems.push(`${surface}: markup from visitor text: ${verdict.injected.join(' | ')}`);
  if (verdict.cspRefused)
    run.problems.push(`${surface}: ${verdict.cspRefused} inline script(s) created and refused by the CSP`);
  if (verdict.ran) run.problems.push(`${surface}: a payload ran`);
}

/** Record every notification the worker creates (the OS shows them; getAll only returns ids). */
async function recordNotifications(world: World): Promise<void> {
  await world.ext.worker.evaluate(() => {
    const g = globalThis as unknown as {
      __notes: Record<string, unknown>;
      __hostileCall: () => void;
      __hostileRan?: number;
    };
    g.__notes = {};
    g.__hostileCall = () => {
      g.__hostileRan = (g.__hostileRan ?? 0) + 1;
    };
    // The worker may call the polyfill or chrome.* itself: record at both, keyed by id.
    const namespaces = [(globalThis as { chrome?: unknown }).chrome, (globalThis as { browser?: unknown }).browser];
    for (const ns of new Set(namespaces)) {
      const api = (ns as { notifications?: { create: (...args: unknown[]) => unknown } } | undefined)?.notifications;
      if (!api) continue;
      const original = api.create.bind(api);
      api.create = (...args: unknown[]) => {
        const [id, options] = typeof args[0] === 'string' ? args : [undefined, args[0]];
        g.__notes[String(id)] = options;
        return original(...args);
      };
    }
  });
}

export async function driveHostileCorpus(world: World): Promise<HostileRun> {
  const run: HostileRun = { tried: 0, executed: 0, problems: [] };
  await world.ext.context.addInitScript(watchPayloads);
  // Every canned response says "Hi {visitor.name}!" (the library is small); #hi expands to one.
  for (let n = 1n; n <= 30n; n += 1n) world.sim.editCanned(String(466756000010000000n + n), SHORTCUT_TEXT);
  await recordNotifications(world);

  const popup = await openPopup(world.ext);
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  await waitFor(
    () => sessionState(world.ext),
    (s) => s === 'signed-in',
    { what: 'sign-in' },
  );
  await popup.close();

  const chats = HOSTILE_CORPUS.map(({ text }) => {
    const chat = world.sim.addChat({ visitor: { name: text, email: 'hostile.visitor@example.com' }, question: text });
    world.sim.visitorMessage(chat.id, text);
    return chat;
  });
  const count = chats.length;

  // Notifications: one per chat, text cleaned, our two buttons only.
  type Note = { title?: string; message?: string; buttons?: Array<{ title: string }> };
  const notes = await waitFor(
    () =>
      world.ext.worker.evaluate(
        () => (globalThis as unknown as { __notes: Record<string, unknown> }).__notes,
      ) as Promise<Record<string, Note>>,
    (n) => chats.every((c) => n[`chat:${c.id}`]),
    { timeoutMs: 60_000, what: 'a notification for every hostile chat' },
  );
  for (const chat of chats) {
    const note = notes[`chat:${chat.id}`]!;
    for (const field of ['title', 'message'] as const) {
      if (UNSAFE_NOTIFICATION_TEXT.test(note[field] ?? ''))
        run.problems.push(`notification ${field} not cleaned: ${JSON.stringify(note[field]?.slice(0, 60))}`);
    }
    const buttons = (note.buttons ?? []).map((b) => b.title);
    if (buttons.join('|') !== 'Pick up|Open in SalesIQ')
      run.problems.push(`notification buttons changed: ${JSON.stringify(buttons)}`);
  }
  const workerRan = await world.ext.worker.evaluate(
    () => !!(globalThis as unknown as { __hostileRan?: number }).__hostileRan,
  );
  judge('notifications', { ran: workerRan, injected: [], cspRefused: 0 }, run, count);

  // Popup: every chat in the list as text, no row taller than the popup, nothing wider.
  const list = await openPopup(world.ext);
  await waitFor(
    () => list.locator('li.chat-row').count(),
    (n) => n >= count,
    { timeoutMs: 30_000, what: 'every hostile chat in the popup' },
  );
  const layout = await list.evaluate(() => ({
    height: window.innerHeight,
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    rows: [...document.querySelectorAll('li.chat-row')].map((row) => row.getBoundingClientRect().height),
  }));
  const tall = layout.rows.filter((h) => h > layout.height);
  if (tall.length)
    run.problems.push(
      `popup: ${tall.length} row(s) taller than the popup (${Math.max(...tall)} px > ${layout.height} px)`,
    );
  if (layout.scrollWidth > layout.width + 1)
    run.problems.push(`popup: scrolls sideways (${layout.scrollWidth} px > ${layout.width} px)`);
  if (!(await list.getByText('<script>window.__hostileRan=1</script>').count()))
    run.problems.push('popup: markup is not shown as typed');
  judge('popup', await inspect(list), run, count);
  await list.close();

  // Side panel: the card, this chat's transcript and the visitor's earlier chats, chat by chat.
  for (const [i, chat] of chats.entries()) {
    const panel = await world.ext.openPage('sidepanel', `?conversation=${chat.id}`);
    const messages = panel.getByRole('list', { name: "This conversation's messages" }).getByRole('listitem');
    await waitFor(
      () => messages.count(),
      (n) => n > 0,
      { timeoutMs: 20_000, what: `transcript of hostile chat ${i}` },
    );
    await waitFor(
      () => panel.getByRole('region', { name: 'Earlier conversations' }).count(),
      (n) => n > 0,
      { timeoutMs: 20_000, what: `history of hostile chat ${i}` },
    );
    judge(`side panel (${HOSTILE_CORPUS[i]!.label})`, await inspect(panel), run, 1);
    await panel.close();
  }

  // Canned: #hi expands to "Hi {visitor.name}!" filled with each hostile name, as plain text.
  await waitFor(
    () => storeCount(world.ext, 'canned'),
    (n) => n > 0,
    { timeoutMs: 30_000, what: 'the canned library' },
  );
  await world.ext.worker.evaluate(async (text) => {
    const ids = await new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open('operator-companion');
      open.onsuccess = () => {
        const all = open.result.transaction('canned').objectStore('canned').getAll();
        all.onsuccess = () =>
          resolve(
            (all.result as Array<{ id: string; content: string }>).filter((r) => r.content === text).map((r) => r.id),
          );
        all.onerror = () => reject(all.error);
      };
    });
    await browser.storage.local.set({ cannedShortcuts: { zylker: { [ids[0]!]: 'hi' } } });
  }, SHORTCUT_TEXT);
  for (const [i, chat] of chats.entries()) {
    const page = await world.ext.context.newPage();
    await page.goto(`https://salesiq.zoho.com/zylker/mychats/${chat.id}`);
    const box = page.getByRole('textbox', { name: 'Type a message' });
    await box.waitFor();
    // The content script reads the shortcut names at document_idle; type until it expands.
    const expanded = await waitFor(
      async () => {
        await box.fill('#hi');
        await box.press('End');
        await box.press('Space');
        await new Promise((r) => setTimeout(r, 300));
        return box.inputValue();
      },
      (value) => value.startsWith('Hi '),
      { timeoutMs: 20_000, what: `#hi expanded for hostile chat ${i}` },
    );
    if (!expanded.endsWith('! ')) run.problems.push(`canned (${HOSTILE_CORPUS[i]!.label}): expansion cut short`);
    judge(`canned (${HOSTILE_CORPUS[i]!.label})`, await inspect(page), run, 1);
    await page.close();
  }
  return run;
}
