import type { Page } from 'playwright-core';
import { launchExtension, waitFor, type ExtensionSession } from '../../tests/e2e/harness';
import { waitForStill } from '../../tests/e2e/still';
import { startSimulator } from '../../tests/simulator/index';

/** One picture of the extension's UI, before framing: PNG bytes at SCALE× and its caption. */
export interface RawShot {
  name: string;
  caption: string;
  scheme: 'light' | 'dark';
  png: Buffer;
}

export const SCALE = 2;

async function capture(page: Page, scheme: 'light' | 'dark'): Promise<Buffer> {
  await page.emulateMedia({ colorScheme: scheme });
  await waitForStill(page);
  return page.screenshot({ fullPage: true });
}

/**
 * Walks the simulator as an operator would (sign in, chats arrive, pick one up, open the side
 * panel, search canned responses) and captures each screen in both colour schemes.
 */
export async function captureUi(log: (line: string) => void): Promise<RawShot[]> {
  const sim = await startSimulator({ port: 0, seedChat: false, scenario: 'quiet', seed: 7 });
  let ext: ExtensionSession | undefined;
  const shots: RawShot[] = [];
  const both = async (page: Page, name: string, caption: string) => {
    for (const scheme of ['light', 'dark'] as const) shots.push({ name, caption, scheme, png: await capture(page, scheme) });
  };
  try {
    ext = await launchExtension({ zohoPort: sim.port, deviceScaleFactor: SCALE });
    const context = ext.context;
    const page = async (name: 'popup' | 'sidepanel', size: { width: number; height: number }, query = '') => {
      const tab = await context.newPage();
      await tab.setViewportSize(size);
      await tab.goto(`chrome-extension://${ext!.extensionId}/${name}.html${query}`);
      return tab;
    };

    log('Signing in on the simulator…');
    const popup = await page('popup', { width: 380, height: 560 });
    await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
    await popup.getByText('Zylker').first().waitFor({ timeout: 20_000 });

    // The notification picture shows what the extension really asked the browser to show:
    // record each notifications.create call in the worker (the call still goes through).
    // tsx may wrap inner functions in __name(): give the evaluated code one that does nothing.
    await ext.worker.evaluate('globalThis.__name = (f) => f');
    await ext.worker.evaluate(() => {
      const shown: Array<{ title?: string; message?: string }> = [];
      (globalThis as { shownNotifications?: typeof shown }).shownNotifications = shown;
      const create = browser.notifications.create.bind(browser.notifications) as (id: string, options: unknown) => Promise<string>;
      Object.defineProperty(browser.notifications, 'create', {
        configurable: true,
        value: (id: string, options: { title?: string; message?: string }) => {
          shown.push({ title: options.title, message: options.message });
          return create(id, options);
        },
      });
    });
    const first = sim.addChat({ visitorKind: 'returning', question: 'Hi! Can I switch my plan to annual billing and keep my discount?' });
    sim.addChat({ visitor: { name: 'Kenji Watanabe', country_code: 'JP' }, question: '配送状況を確認したいです。注文番号は 58213 です。', startedAgoMs: 22_000 });
    sim.addChat({ visitorKind: 'anonymous', question: 'Do you ship to Norway? 🇳🇴', startedAgoMs: 41_000 });
    await waitFor(() => ext!.worker.evaluate(async () => Object.keys(await browser.notifications.getAll()).length), (n) => n >= 3, { timeoutMs: 20_000, what: 'three notifications' });
    const name = first.visitor.name;
    await popup.getByRole('button', { name: new RegExp(`Pick up chat from ${name}`) }).waitFor();
    await popup.keyboard.press('ArrowDown'); // a selected row, the state the dark-mode bug was about
    await both(popup, 'popup-waiting', 'Every waiting chat at once, oldest first, with a live wait timer');

    const alerts = await ext.worker.evaluate(() => (globalThis as { shownNotifications?: Array<{ title?: string; message?: string }> }).shownNotifications ?? []);
    const alert = alerts.find((a) => a.title?.startsWith(name)) ?? alerts[0];
    if (!alert?.title) throw new Error('The extension raised no notification to picture.');

    await popup.getByRole('button', { name: new RegExp(`Pick up chat from ${name}`) }).click();
    await popup.getByText('Just picked up').waitFor({ timeout: 20_000 });
    await both(popup, 'popup-picked-up', 'One click to pick up, then open it in SalesIQ or see who the visitor is');

    const panel = await page('sidepanel', { width: 400, height: 720 }, `?conversation=${first.id}`);
    await panel.getByText(/Earlier conversations/i).first().waitFor({ timeout: 20_000 });
    await both(panel, 'sidepanel-visitor', 'The visitor card, this chat and their earlier chats in the side panel');

    await panel.getByRole('tab', { name: /Canned responses/ }).click();
    const search = panel.getByRole('searchbox').or(panel.getByRole('combobox')).first();
    await search.fill('refund');
    await waitForStill(panel);
    await both(panel, 'sidepanel-canned', 'Canned responses offline, found as you type, typos forgiven');

    const note = await context.newPage();
    await note.setViewportSize({ width: 380, height: 120 });
    const iconUrl = `chrome-extension://${ext.extensionId}/icon/128.png`;
    await note.goto(`chrome-extension://${ext.extensionId}/privacy.html`); // any extension page: same origin for the icon
    await note.evaluate('globalThis.__name = (f) => f');
    await note.evaluate(
      ({ title, message, iconUrl }) => {
        document.head.innerHTML = '<meta name="color-scheme" content="light dark">';
        const style = document.createElement('style');
        style.textContent = `body{margin:0;font:14px/1.35 system-ui,sans-serif;background:Canvas;color:CanvasText}
.n{display:grid;grid-template-columns:48px 1fr;gap:12px;padding:14px 16px;border:1px solid #8884;border-radius:10px;margin:8px;box-shadow:0 4px 14px #0003}
.n img{width:48px;height:48px}.t{font-weight:600;margin:0 0 2px}.m{margin:0 0 8px}.b{display:flex;gap:8px}.b span{border:1px solid #8886;border-radius:6px;padding:2px 10px;font-size:13px}`;
        document.head.append(style);
        document.body.innerHTML = '';
        const card = document.createElement('div');
        card.className = 'n';
        const img = document.createElement('img');
        img.src = iconUrl;
        const text = document.createElement('div');
        for (const [cls, value] of [['t', title], ['m', message]] as const) {
          const p = document.createElement('p');
          p.className = cls;
          p.textContent = value;
          text.append(p);
        }
        const buttons = document.createElement('div');
        buttons.className = 'b';
        for (const label of ['Pick up', 'Open in SalesIQ']) {
          const b = document.createElement('span');
          b.textContent = label;
          buttons.append(b);
        }
        text.append(buttons);
        card.append(img, text);
        document.body.append(card);
      },
      { title: alert.title, message: alert.message ?? '', iconUrl },
    );
    await both(note, 'notification', 'A desktop notification for each new chat, with Pick up and Open in SalesIQ');
    return shots;
  } finally {
    await ext?.close().catch(() => undefined);
    await sim.close();
  }
}
