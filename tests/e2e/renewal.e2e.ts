import { afterEach, describe, expect, it } from 'vitest';
import { openPopup, salesiqRequests, sessionState, signIn, startWorld, type World } from './world';

/** Silent renewal in the store build: it never switches accounts, and a hung one never stalls the queue. */
const MEI = '466756000000002005';

describe('silent renewal', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('asks the operator to sign in again, in words, when another Zoho account answers the renewal', async () => {
    world = await startWorld({ tokenLifetimeSec: 6 });
    await signIn(world);
    world.sim.addChat({ question: 'Is anyone there?' });
    world.sim.configure({ browserAccount: MEI }); // Mei signs in to Zoho in another tab
    const popup = await openPopup(world.ext);
    await expect.poll(() => sessionState(world!.ext), { timeout: 30_000 }).toBe('expired');
    await expect
      .poll(() =>
        popup
          .getByText('Another Zoho account is signed in in this browser. Sign in again as patricia@zylker.com.')
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => popup.getByRole('button', { name: 'Sign in again' }).isVisible()).toBe(true);
    // Mei's token asked who it belongs to, and nothing else: no pickup, no status change, no poll.
    const asMei = salesiqRequests(world.sim).filter((r) => r.account === MEI);
    expect(asMei.length).toBeGreaterThan(0);
    expect(asMei.map((r) => r.path).every((path) => path === '/api/v2/portals')).toBe(true);
    const meiTokens = world.sim
      .state()
      .tokens.filter((t) => t.operatorId === MEI)
      .map((t) => t.token);
    await expect
      .poll(() =>
        world!.sim
          .state()
          .revocations.filter((r) => r.revoked)
          .map((r) => r.token),
      )
      .toEqual(expect.arrayContaining(meiTokens));
  });

  it('polls again after a renewal that never answers, without the operator doing anything', async () => {
    world = await startWorld({ tokenLifetimeSec: 6 });
    const popup = await signIn(world);
    world.sim.setFault({ kind: 'hang', path: '/oauth/v2/auth/refresh', times: 1 });
    const hung = () => world!.sim.requests().some((r) => r.path === '/oauth/v2/auth/refresh' && r.fault === 'hang');
    await expect.poll(hung, { timeout: 20_000 }).toBe(true);
    // The chat arrives while the renewal hangs: only a poll after the hang can show it.
    const hungAt = Date.now();
    world.sim.addChat({ question: 'Still waiting after the hang?' });
    await expect
      .poll(() => popup.getByText('Still waiting after the hang?').isVisible(), { timeout: 60_000 })
      .toBe(true);
    const refreshes = world.sim.requests().filter((r) => r.path === '/oauth/v2/auth/refresh');
    expect(refreshes[0]?.fault).toBe('hang');
    expect(refreshes.length).toBeGreaterThanOrEqual(2); // the hung one was given up, a new one succeeded
    const listedAfter = salesiqRequests(world.sim).filter(
      (r) => r.t > hungAt && r.path.endsWith('/conversations') && r.status === 200,
    );
    expect(listedAfter.length).toBeGreaterThan(0);
    expect(await sessionState(world.ext)).toBe('signed-in');
  });
});
