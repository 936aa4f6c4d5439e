/**
 * `npm run demo -- --browser firefox`: the demo in Firefox ESR with the unchanged Firefox build
 * (`npm run build:firefox`), driven by puppeteer-core over WebDriver BiDi.
 * - Without a display (or with --headless): walks sign-in → waiting chats → notifications →
 *   pickup → sidebar page and writes screenshots (`demo-screenshots/firefox-*.png`).
 * - With a display: a Firefox window with the extension, its real desktop notifications, and
 *   visitors arriving; Ctrl-C ends it.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { waitFor } from '../e2e/harness';
import { recordedAlerts } from '../browser/firefox/alerts-stand-in';
import { closeFirefox, launchFirefox, type FirefoxSession } from '../browser/firefox/launch';
import type { Simulator } from './types';

/** Firefox's own switch for the colour scheme pages see (0 dark, 1 light, 2 follow the system). */
async function colourScheme(firefox: FirefoxSession, dark: boolean): Promise<void> {
  await firefox.chrome(
    `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${dark ? 0 : 1})`,
  );
}

async function byText(page: Page, selector: string, text: string | RegExp, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const element of await page.$$(selector)) {
      const content = (await element.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent ?? '')).trim();
      if (typeof text === 'string' ? content === text : text.test(content)) return element;
    }
    if (Date.now() > deadline) throw new Error(`No ${selector} "${String(text)}" on ${page.url()}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function firefoxDemo(
  sim: Simulator,
  { headless, outDir, step }: { headless: boolean; outDir: string; step(text: string): void },
): Promise<void> {
  const firefox = await launchFirefox({ zohoPort: sim.port, headless, recordAlerts: headless });
  try {
    if (!headless) {
      await firefox.openExtensionPage('popup.html', 'h1');
      step('A Firefox window is open with the extension. Click "Sign in with Zoho" in the tab (or the toolbar icon).');
      step('Visitors start chats every 8–25 s; watch the badge and the notifications. Ctrl-C to stop.');
      await new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        firefox.browser.once('disconnected', () => done());
      });
      return;
    }
    mkdirSync(outDir, { recursive: true });
    const shot = async (page: Page, name: string, dark = false) => {
      await colourScheme(firefox, dark);
      await new Promise((r) => setTimeout(r, 300));
      const path = resolve(outDir, `firefox-${name}.png`) as `${string}.png`;
      await page.screenshot({ path, fullPage: true });
      console.log(`  screenshot: ${path}`);
    };
    const popup = await firefox.openExtensionPage('popup.html', 'h1');
    await popup.setViewport({ width: 380, height: 600 });
    const signIn = await byText(popup, 'button', 'Sign in with Zoho');
    await shot(popup, '1-popup-signed-out');

    step('Signing in with Zoho (simulated accounts.zoho.com)…');
    await signIn.click();
    await waitFor(
      () => popup.evaluate(() => document.body.innerText),
      (text) => text.includes('Zylker'),
      { timeoutMs: 20_000, what: 'the signed-in popup' },
    );

    step('Visitors start chats…');
    const first = sim.addChat({
      visitorKind: 'returning',
      question: 'Hi! Can I switch my plan to annual billing and keep my discount?',
    });
    const name = first.visitor.name;
    sim.addChat({
      visitor: { name: 'Kenji Watanabe', country_code: 'JP' },
      question: '配送状況を確認したいです。注文番号は 58213 です。',
      startedAgoMs: 22_000,
    });
    sim.addChat({ visitorKind: 'anonymous', question: 'Do you ship to Norway? 🇳🇴', startedAgoMs: 41_000 });
    const alerts = await waitFor(
      () => recordedAlerts(firefox.chrome),
      (shown) => shown.length >= 3,
      { timeoutMs: 20_000, what: 'three notifications' },
    );
    const badge = await popup.evaluate(() => browser.action.getBadgeText({}));
    step(
      `${alerts.length} notifications raised (recorded: headless Firefox has no notification service); badge shows ${JSON.stringify(badge)}.`,
    );
    const pickUp = await byText(popup, 'button', `Pick up chat from ${name}`);
    await shot(popup, '2-popup-waiting-chats');
    await shot(popup, '2-popup-waiting-chats-dark', true);

    step(`Picking up the chat from ${name} with one click…`);
    await pickUp.click();
    await waitFor(
      () => popup.evaluate(() => document.body.innerText),
      (text) => text.toLowerCase().includes('just picked up'),
      { timeoutMs: 20_000, what: '"Just picked up"' },
    );
    await shot(popup, '3-popup-picked-up');

    step('Opening the sidebar page on the visitor…');
    const panel = await firefox.openExtensionPage(`sidepanel.html?conversation=${first.id}`, 'h1');
    await panel.setViewport({ width: 400, height: 760 });
    await byText(panel, 'h2', /Earlier conversations/i);
    await new Promise((r) => setTimeout(r, 1_500));
    await shot(panel, '4-sidebar-visitor');
    await (await byText(panel, '[role=tab]', /Canned responses/)).click();
    await new Promise((r) => setTimeout(r, 1_000));
    await shot(panel, '5-sidebar-canned');

    const options = await firefox.openExtensionPage('options.html', 'h1');
    await options.setViewport({ width: 900, height: 900 });
    await shot(options, '6-options');
  } finally {
    await closeFirefox(firefox);
  }
}
