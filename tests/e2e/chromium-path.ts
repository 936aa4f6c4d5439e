import { existsSync } from 'node:fs';

/** Debian's Chromium, or CHROMIUM_PATH. Missing means a loud failure, never a silent skip. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium was not found at ${path}. Browser tests need a real Chromium: ` +
        `install it with "sudo apt-get install -y chromium" (Debian/Ubuntu), ` +
        `or point CHROMIUM_PATH at a Chromium or Chrome binary. ` +
        `Never run "playwright install" here.`,
    );
  }
  return path;
}
