import { describe, expect, it } from 'vitest';
import { activePortal } from '../../lib/records';

const portal = { screen: 'zylker', name: 'Zylker', operatorId: 'op1' } as NonNullable<
  Parameters<typeof activePortal>[0]
>['portal'];

describe('activePortal: the one "signed in to a portal" check', () => {
  it('is the portal only while signed in with one chosen', () => {
    expect(activePortal({ state: 'signed-in', portal })).toBe(portal);
    expect(activePortal({ state: 'signed-in' })).toBeUndefined();
  });

  it('is undefined in every other state, even with a portal left in the record', () => {
    for (const state of ['signed-out', 'signing-in', 'choosing-portal', 'expired'] as const) {
      expect(activePortal({ state, portal }), state).toBeUndefined();
    }
    expect(activePortal(undefined)).toBeUndefined();
    expect(activePortal(null)).toBeUndefined();
  });
});
