import type { Page } from 'playwright-core';

/**
 * Wait until a page has stopped moving: fonts loaded, images decoded, every CSS transition and
 * animation finished, and two frames painted after that. A screenshot taken right after a change
 * (a colour-scheme switch, a new row) otherwise catches a transition halfway: e.g. a selected
 * row's light background still fading to dark under text that is already white.
 */
export async function waitForStill(page: Page, timeoutMs = 5_000): Promise<void> {
  await page.evaluate(async (timeout) => {
    const deadline = new Promise((resolve) => setTimeout(resolve, timeout));
    const settled = (async () => {
      await document.fonts.ready;
      await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
      // Finite animations only: an infinite one (a spinner) never finishes.
      for (let round = 0; round < 5; round++) {
        const running = document
          .getAnimations()
          .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
        if (!running.length) break;
        await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
      }
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    })();
    await Promise.race([settled, deadline]);
  }, timeoutMs);
}
