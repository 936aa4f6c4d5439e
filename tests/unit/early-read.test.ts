import { describe, expect, it, vi } from 'vitest';
import { earlyRead } from '../../lib/ui/early-read';

describe('earlyRead', () => {
  it('hands the page the read the early script started, without reading again', async () => {
    const read = vi.fn(async () => ({ rows: 3 }));
    const first = earlyRead('started', read);
    first.start();
    const taken = first.take();
    await expect(taken).resolves.toEqual({ rows: 3 });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads when the page renders if the script has not run yet', async () => {
    const read = vi.fn(async () => 'fresh');
    const first = earlyRead('late-script', read);
    await expect(first.take()).resolves.toBe('fresh');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('starts nothing once the page has taken its read (a script arriving late)', async () => {
    const read = vi.fn(async () => 'once');
    const first = earlyRead('taken', read);
    await first.take();
    first.start();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('shares the started read between the script and the page bundle (two copies of this module)', async () => {
    const read = vi.fn(async () => 'shared');
    earlyRead('two-copies', read).start();
    const pageCopy = earlyRead(
      'two-copies',
      vi.fn(async () => 'page'),
    );
    await expect(pageCopy.take()).resolves.toBe('shared');
  });

  it('passes a failed early read on to the page, which falls back as it would on its own failed read', async () => {
    const first = earlyRead('failing', () => Promise.reject(new Error('blocked')));
    first.start();
    await expect(first.take()).rejects.toThrow('blocked');
  });
});
