/**
 * `npm run demo`: the extension working on a simulated SalesIQ portal, before anyone registers an
 * OAuth client. Builds the store build, starts the simulator and a Chromium mapped to it.
 * - With a display (and no --headless): a real window; sign in and click around while visitors
 *   arrive. Ctrl-C ends it.
 * - Without one (or with --headless): walks sign-in → waiting chat → notification → pickup →
 *   side panel and writes screenshots, printing their paths.
 * `--browser firefox` does the same in Firefox ESR with the Firefox build (demo-firefox.ts).
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { ensureChromium } from '../e2e/chromium-path';
import { launchExtension, waitFor, type ExtensionSession } from '../e2e/harness';
import { firefoxDemo } from './demo-firefox';
import { waitForStill } from '../e2e/still';
import { startSimulator } from './index';
import type { Simulator } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = resolve(ROOT, 'demo-screenshots');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const browserFlag = process.argv.indexOf('--browser');
const browserName = browserFlag === -1 ? 'chromium' : process.argv[browserFlag + 1];

function step(text: string): void {
  console.log(`• ${text}`);
}

async function shot(page: Page, name: string, dark = false): Promise<string> {
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  // The colour switch starts the rows' background transition: shoot once it has run.
  await waitForStill(page);
  const path = resolve(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`  screenshot: ${path}`);
  return path;
}

async function walkThrough(sim: Simulator, ext: ExtensionSession): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const popup = await ext.openPage('popup');
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).waitFor();
  await shot(popup, '1-popup-signed-out');

  step('Signing in with Zoho (simulated accounts.zoho.com)…');
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  await popup.getByText('Zylker').first().waitFor({ timeout: 20_000 });

  step('Visitors start chats…');
  // A returning visitor: SalesIQ has earlier chats under the same email for the side panel.
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
  const notifications = await waitFor(
    () => ext.worker.evaluate(async () => Object.values(await browser.notifications.getAll()).length),
    (count) => count >= 3,
    { timeoutMs: 20_000, what: 'three desktop notifications' },
  );
  step(
    `${notifications} desktop notifications raised; badge shows ${JSON.stringify(await ext.worker.evaluate(() => browser.action.getBadgeText({})))}.`,
  );
  await popup.getByRole('button', { name: new RegExp(`Pick up chat from ${name}`) }).waitFor();
  await shot(popup, '2-popup-waiting-chats');
  await shot(popup, '2-popup-waiting-chats-dark', true);

  step(`Picking up the chat from ${name} with one click…`);
  await popup.getByRole('button', { name: new RegExp(`Pick up chat from ${name}`) }).click();
  await popup.getByText('Just picked up').waitFor({ timeout: 20_000 });
  await shot(popup, '3-popup-picked-up');

  step('Opening the side panel on the visitor…');
  const panel = await ext.openPage('sidepanel', `?conversation=${first.id}`);
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel
    .getByText(/Earlier conversations/i)
    .first()
    .waitFor({ timeout: 20_000 });
  await panel.waitForTimeout(1_500);
  await shot(panel, '4-sidepanel-visitor');
  await replyFromSidePanel(sim, panel, first.id);
  const cannedTab = panel.getByRole('tab', { name: /Canned responses/ });
  if (await cannedTab.count()) {
    await cannedTab.click();
    await panel.waitForTimeout(1_000);
    await shot(panel, '5-sidepanel-canned');
  }

  const options = await ext.openPage('options');
  await options.setViewportSize({ width: 900, height: 900 });
  await options.getByRole('heading', { level: 1 }).waitFor();
  await shot(options, '6-options');
}

/** The visitor writes again; the operator answers from the side panel's reply box (Enter sends). */
async function replyFromSidePanel(sim: Simulator, panel: Page, chatId: string): Promise<void> {
  step('The visitor writes again; answering from the side panel…');
  sim.visitorMessage(chatId, 'Also, could you send me last month’s invoice?');
  await panel.getByText('Also, could you send me last month’s invoice?').waitFor({ timeout: 20_000 });
  const box = panel.getByRole('textbox', { name: /^Reply to / });
  await box.click();
  await box.pressSequentially('Of course! Annual billing keeps your discount, and the invoice is on its way.');
  await panel.keyboard.press('Enter');
  const transcript = panel.getByRole('list', { name: "This conversation's messages" });
  await transcript
    .locator('.msg:not(.msg--sending):not(.msg--sent)')
    .filter({ hasText: 'the invoice is on its way' })
    .waitFor({ timeout: 20_000 });
  await transcript.getByText('the invoice is on its way', { exact: false }).scrollIntoViewIfNeeded();
  await shot(panel, '4b-sidepanel-reply');
  await shot(panel, '4b-sidepanel-reply-dark', true);
}

async function main(): Promise<void> {
  if (browserName === 'firefox') {
    step('Building the Firefox build (npm run build:firefox)…');
    execSync('npm run --silent build:firefox', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const sim = await startSimulator({ port: 0, seedChat: false, scenario: headless ? 'quiet' : 'lively', seed: 7 });
    step(`Zoho simulator on ${sim.origin} (answers for every *.zoho.* host).`);
    try {
      await firefoxDemo(sim, { headless, outDir: OUT, step });
      if (headless) step(`Done. Screenshots are in ${OUT}`);
    } finally {
      await sim.close();
    }
    return;
  }
  ensureChromium(step);
  step('Building the store build (npm run build)…');
  execSync('npm run --silent build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  const sim = await startSimulator({ port: 0, seedChat: false, scenario: headless ? 'quiet' : 'lively', seed: 7 });
  step(`Zoho simulator on ${sim.origin} (answers for every *.zoho.* host).`);
  // With a window, the welcome page a new install opens is part of the tour.
  const ext = await launchExtension({ zohoPort: sim.port, headless, keepWelcomePage: !headless });
  const stop = async () => {
    await ext.close().catch(() => undefined);
    await sim.close();
  };

  if (headless) {
    try {
      await walkThrough(sim, ext);
      step(`Done. Screenshots are in ${OUT}`);
    } finally {
      await stop();
    }
    return;
  }

  const popup = await ext.openPage('popup');
  step('A Chromium window is open with the extension. Click "Sign in with Zoho" in the tab (or the toolbar icon).');
  step('Visitors start chats every 8–25 s; watch the badge and the notifications. Ctrl-C to stop.');
  void popup;
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', () => resolveStop());
    ext.context.once('close', () => resolveStop());
  });
  await stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
