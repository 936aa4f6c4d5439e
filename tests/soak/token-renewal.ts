/**
 * Soak: a signed-in session on 5-second tokens for a long stretch of real use (default 60 min),
 * in real Chromium with the store build against the simulator. Every 5 s it checks what an
 * operator would see: the badge, the session state, the popup's sign-in button. Visitors arrive
 * now and then so the queue does real work.
 *   npx tsx tests/soak/token-renewal.ts --minutes 60
 * Ends with one line of figures; exits non-zero if the session was ever interrupted.
 */
import { parseArgs } from 'node:util';
import { launchExtension } from '../e2e/harness';
import { startSimulator } from '../simulator/index';

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '60' }, lifetime: { type: 'string', default: '5' } },
});
const minutes = Number(values.minutes);
const lifetimeSec = Number(values.lifetime);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sim = await startSimulator({ port: 0, seedChat: false, tokenLifetimeSec: lifetimeSec, missedAfterMs: 20_000 });
const ext = await launchExtension({ zohoPort: sim.port });
const interruptions: string[] = [];
let checks = 0;
try {
  const popup = await ext.openPage('popup');
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  await popup.getByText('Zylker').first().waitFor({ timeout: 20_000 });
  await popup.close();
  const started = Date.now();
  const end = started + minutes * 60_000;
  let nextChat = Date.now() + 20_000;
  while (Date.now() < end) {
    await sleep(5_000);
    checks += 1;
    if (Date.now() > nextChat) {
      sim.addChat({});
      nextChat = Date.now() + 20_000 + Math.random() * 40_000;
    }
    const badge = await ext.worker.evaluate(() => browser.action.getBadgeText({}));
    const title = await ext.worker.evaluate(() => browser.action.getTitle({}));
    if (badge === '?' || badge.includes('!') || badge === 'off')
      interruptions.push(`${Math.round((Date.now() - started) / 1000)} s: badge "${badge}" (${title})`);
    if (checks % 60 === 0) {
      // Every 5 minutes, look at the popup as the operator would.
      const page = await ext.openPage('popup');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await sleep(500);
      if (await page.getByRole('button', { name: /Sign in/ }).count())
        interruptions.push(`${Math.round((Date.now() - started) / 1000)} s: popup asks to sign in`);
      await page.close();
      const minted = sim.state().tokens.filter((t) => t.kind === 'access').length;
      console.log(
        `${Math.round((Date.now() - started) / 60_000)} min: ${minted} tokens minted, ${interruptions.length} interruptions`,
      );
    }
  }
  const calls = sim.requests().filter((r) => r.kind === 'salesiq');
  const refused = calls.filter((r) => !r.authorized).length;
  const renewals = sim.state().authRequests.filter((a) => a.endpoint === 'refresh').length;
  for (const line of interruptions.slice(0, 20)) console.log(`  interruption at ${line}`);
  console.log(
    `soak: ${minutes} min on ${lifetimeSec}-s tokens: ${renewals} silent renewals, ${calls.length} SalesIQ calls, ` +
      `${refused} refused (then retried), ${interruptions.length} visible interruptions in ${checks} checks`,
  );
  process.exitCode = interruptions.length ? 1 : 0;
} finally {
  await ext.close();
  await sim.close();
}
