import { describe, expect, it } from 'vitest';
import { statusCheckDue } from '../../lib/queue/operator-status';

const now = 1_000_000;

describe('statusCheckDue', () => {
  it('re-reads the operator every two minutes while someone is at the screen', () => {
    expect(statusCheckDue({ reason: 'other', screenLocked: false, lastCheckAt: undefined, now })).toBe(true);
    expect(statusCheckDue({ reason: 'other', screenLocked: false, lastCheckAt: now - 119_999, now })).toBe(false);
    expect(statusCheckDue({ reason: 'other', screenLocked: false, lastCheckAt: now - 120_000, now })).toBe(true);
  });

  it('skips the check while the screen is locked, however long ago the last one was', () => {
    expect(statusCheckDue({ reason: 'other', screenLocked: true, lastCheckAt: now - 3_600_000, now })).toBe(false);
    expect(statusCheckDue({ reason: 'other', screenLocked: true, lastCheckAt: undefined, now })).toBe(false);
  });

  it('checks at once when the screen is unlocked, even right after a check', () => {
    expect(statusCheckDue({ reason: 'unlock', screenLocked: false, lastCheckAt: now - 1_000, now })).toBe(true);
  });
});
