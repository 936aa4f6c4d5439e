import { afterEach, describe, expect, it } from 'vitest';
import { SCOPES } from '../../lib/auth/config';
import { badgeText, notificationIds, openPopup, salesiqRequests, sessionState, signIn, startWorld, storeCount, type World } from './world';

describe('Sign in with Zoho', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('signs in with our scopes and a fresh state, and keeps the token out of persistent storage', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    await expect.poll(() => popup.getByText('Zylker').first().isVisible()).toBe(true);

    const [auth] = world.sim.state().authRequests;
    expect(auth?.endpoint).toBe('auth');
    expect(auth?.host).toBe('accounts.zoho.com');
    expect(auth?.responseType).toBe('token');
    expect([...(auth?.scope ?? [])].sort()).toEqual([...SCOPES].sort());
    expect(auth?.state).toMatch(/^[0-9a-f]{32}$/);
    expect(auth?.redirectUri).toBe(`https://${world.ext.extensionId}.chromiumapp.org/`);

    const token = world.sim.state().tokens.find((t) => t.kind === 'access')!.token;
    const stored = await world.ext.worker.evaluate(async () => ({
      local: JSON.stringify(await browser.storage.local.get(null)),
      sync: JSON.stringify(await browser.storage.sync.get(null)),
      session: JSON.stringify(await browser.storage.session.get(null)),
    }));
    expect(stored.local).not.toContain(token);
    expect(stored.sync).not.toContain(token);
    expect(stored.session).toContain(token);
    expect(salesiqRequests(world.sim).every((r) => r.authorized)).toBe(true);
  });

  it('signs in through the consent page when the operator accepts', async () => {
    world = await startWorld({ authMode: 'consent' });
    const popup = await openPopup(world.ext);
    const consentPage = world.ext.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
    const consent = await consentPage;
    await consent.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => sessionState(world!.ext), { timeout: 15_000 }).toBe('signed-in');
  });

  it('says plainly that sign-in was cancelled when the operator denies access', async () => {
    world = await startWorld({ authMode: 'consent' });
    const popup = await openPopup(world.ext);
    const consentPage = world.ext.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
    await (await consentPage).getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => popup.getByText(/cancelled/i).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await sessionState(world.ext)).toBe('signed-out');
    await expect(popup.getByRole('button', { name: 'Sign in with Zoho' }).isEnabled()).resolves.toBe(true);
  });

  it('offers a picker when the account has several portals and uses the one chosen', async () => {
    world = await startWorld({ portals: [{ screenname: 'zylker', name: 'Zylker' }, { screenname: 'zylkerbrand', name: 'Zylker Brand' }] });
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
    const renewals = world.sim.state().authRequests.filter((a) => a.endpoint === 'refresh' && a.outcome === 'redirected');
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

  it('signs out: revokes the token and wipes cached chats', async () => {
    world = await startWorld();
    await signIn(world);
    world.sim.addChat({ question: 'Do you ship to Norway?' });
    await expect.poll(() => storeCount(world!.ext, 'chats'), { timeout: 15_000 }).toBe(1);
    const token = world.sim.state().tokens.find((t) => t.kind === 'access')!.token;

    const options = await world.ext.openPage('options');
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Yes, sign out' }).click();
    await expect.poll(() => sessionState(world!.ext), { timeout: 15_000 }).toBe('signed-out');
    // Signed out at once; the revoke and the wipe follow.
    await expect.poll(() => world!.sim.state().revocations.map((r) => r.token), { timeout: 15_000 }).toContain(token);
    expect(world.sim.state().revocations.find((r) => r.token === token)?.host).toBe('accounts.zoho.com');
    await expect.poll(() => storeCount(world!.ext, 'chats')).toBe(0);
    expect(await storeCount(world.ext, 'alerts')).toBe(0);
    await expect.poll(() => badgeText(world!.ext)).toBe('?');
    await expect.poll(() => notificationIds(world!.ext)).toEqual([]);
    await expect.poll(() => options.getByRole('button', { name: 'Sign in with Zoho' }).isVisible()).toBe(true);
  });

  it('keeps the session across a browser restart without a click', async () => {
    world = await startWorld();
    await signIn(world);
    await world.relaunch();
    world.sim.addChat({ question: 'Still there after restart?' });
    const popup = await openPopup(world.ext);
    await expect.poll(() => popup.getByText('Still there after restart?').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await sessionState(world.ext)).toBe('signed-in');
    const renewals = world.sim.state().authRequests.filter((a) => a.endpoint === 'refresh');
    expect(renewals.length).toBeGreaterThanOrEqual(1);
    expect(world.sim.state().authRequests.filter((a) => a.endpoint === 'auth')).toHaveLength(1);
  });
});
