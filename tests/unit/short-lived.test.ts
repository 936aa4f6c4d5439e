import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortLived } from '../../lib/browser/short-lived';

afterEach(() => vi.useRealTimers());

describe('shortLived', () => {
  it('asks once while the answer is fresh, and again after it is not', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const ask = vi.fn(async () => ask.mock.calls.length);
    const kept = shortLived(1_000, ask);
    expect(await kept.get()).toBe(1);
    vi.setSystemTime(1_000_999);
    expect(await kept.get()).toBe(1);
    vi.setSystemTime(1_001_000);
    expect(await kept.get()).toBe(2);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('asks again after forget() and when the clock went back', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const ask = vi.fn(async () => ask.mock.calls.length);
    const kept = shortLived(60_000, ask);
    await kept.get();
    kept.forget();
    expect(await kept.get()).toBe(2);
    vi.setSystemTime(999_000);
    expect(await kept.get()).toBe(3);
  });

  it('does not keep a failed ask', async () => {
    const ask = vi.fn().mockRejectedValueOnce(new Error('worker busy')).mockResolvedValueOnce(['chat:1']);
    const kept = shortLived(60_000, ask as () => Promise<string[]>);
    await expect(kept.get()).rejects.toThrow('worker busy');
    await expect(kept.get()).resolves.toEqual(['chat:1']);
  });
});
