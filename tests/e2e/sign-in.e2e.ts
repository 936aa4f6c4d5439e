import { afterEach, describe, expect, it } from 'vitest';
import { badgeText, openPopup, salesiqRequests, sessionState, signIn, startWorld, type World } from './world';

describe('Sign in with Zoho', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  it('says plainly that sign-in was cancelled when the operator denies access', async () => {
    world = await startWorld({ authMode: 'consent' });
    const popup = await openPopup(world.ext);
    const consentPage = world.ext.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
    await (await consentPage).getByRole('button', { name: 'Deny' }).click();
    await expect
      .poll(
        () =>
          popup
            .getByText(/cancelled/i)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await sessionState(world.ext)).toBe('signed-out');
    await expect(popup.getByRole('button', { name: 'Sign in with Zoho' }).isEnabled()).resolves.toBe(true);
  });

  it('offers a picker when the account has several portals and uses the one chosen', async () => {
    world = await startWorld({
      portals: [
        { screenname: 'zylker', name: 'Zylker' },
        { screenname: 'zylkerbrand', name: 'Zylker Brand' },
      ],
    });
    const popup = await signIn(world, { expectSignedIn: false });
    await popup.getByRole('button', { name: /Zylker Brand/ }).click();
    await expect.poll(() => sessionState(world!.ext), { timeout: 15_000 }).toBe('signed-in');
    world.sim.addChat({ portal: 'zylkerbrand', question: 'Brand question' });
    await expect.poll(() => popup.getByText('Brand question').isVisible(), { timeout: 15_000 }).toBe(true);
    const portalCalls = salesiqRequests(world.sim).filter((r) => r.path !== '/api/v2/portals');
    expect(portalCalls.length).toBeGreaterThan(0);
    expect(portalCalls.every((r) => r.path.startsWith('/api/v2/zylkerbrand/'))).toBe(true);
  });

  it('follows an EU account to salesiq.zoho.eu', async () => {
    world = await startWorld({ dc: 'eu' });
    await signIn(world);
    const hosts = new Set(salesiqRequests(world.sim).map((r) => r.host));
    expect([...hosts]).toEqual(['salesiq.zoho.eu']);
    expect(salesiqRequests(world.sim).every((r) => r.authorized)).toBe(true);
  });

  it('renews 5-second tokens silently while in use', async () => {
    world = await startWorld({ tokenLifetimeSec: 5 });
    const popup = await signIn(world);
    world.sim.clearRequests();
    await new Promise((r) => setTimeout(r, 16_000));
    const renewals = world.sim
      .state()
      .authRequests.filter((a) => a.endpoint === 'refresh' && a.outcome === 'redirected');
    expect(renewals.length).toBeGreaterThanOrEqual(2);
    const calls = salesiqRequests(world.sim);
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.filter((r) => !r.authorized)).toEqual([]);
    expect(await sessionState(world.ext)).toBe('signed-in');
    await expect(popup.getByRole('button', { name: /Sign in/ }).count()).resolves.toBe(0);
  });

  it('shows a signed-out state and stops calling SalesIQ when renewal is refused', async () => {
    world = await startWorld({ tokenLifetimeSec: 4 });
    const popup = await signIn(world);
    world.sim.configure({ refresh: 'prompt_required' });
    await expect.poll(() => sessionState(world!.ext), { timeout: 20_000 }).toBe('expired');
    await expect.poll(() => popup.getByRole('button', { name: 'Sign in again' }).isVisible()).toBe(true);
    expect(await badgeText(world.ext)).toBe('?');
    const before = salesiqRequests(world.sim).length;
    await new Promise((r) => setTimeout(r, 6_000));
    expect(salesiqRequests(world.sim).length).toBe(before);
  });
});
