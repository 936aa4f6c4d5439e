import type { Browser, Page } from 'playwright-core';
import { waitForStill } from '../../tests/e2e/still';
import { readPng, writeOpaquePng } from './png';
import { SCALE, type RawShot } from './shots';

/**
 * Store pictures drawn as plain HTML in a headless page: the UI screenshot on a plain background
 * under its one-line caption, the promo tile, and the icons. Text is set with textContent only.
 */
const BACKGROUND = { light: '#eef2f6', dark: '#101418' };
const INK = { light: '#1b1f24', dark: '#e6e9ec' };

async function render(page: Page, width: number, height: number, build: (arg: Record<string, string | number>) => void, arg: Record<string, string | number>, transparent = false) {
  await page.setViewportSize({ width, height });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.evaluate('globalThis.__name = (f) => f'); // tsx may wrap functions in __name()
  await page.evaluate(build, arg);
  await waitForStill(page);
  return page.screenshot({ omitBackground: transparent, clip: { x: 0, y: 0, width, height } });
}

function framed(arg: Record<string, string | number>) {
  document.body.style.cssText = `margin:0;width:1280px;height:800px;background:${arg.background};color:${arg.ink};font-family:system-ui,'Noto Sans',sans-serif;display:flex;flex-direction:column;align-items:center;overflow:hidden`;
  const caption = document.createElement('h1');
  caption.textContent = String(arg.caption);
  caption.style.cssText = 'font-size:34px;font-weight:600;margin:44px 60px 32px;text-align:center;line-height:1.2';
  const img = document.createElement('img');
  img.src = String(arg.src);
  // The UI was captured at SCALE×: shown at 1.3× its CSS size, at most what fits under the caption.
  img.style.cssText = `width:${Math.round((Number(arg.width) / Number(arg.scale)) * 1.3)}px;max-height:640px;object-fit:contain;object-position:top;border-radius:12px;box-shadow:0 10px 40px rgba(0,0,0,.25)`;
  document.body.append(caption, img);
}

export async function frameShot(browser: Browser, shot: RawShot): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    const { width } = readPng(shot.png);
    const png = await render(page, 1280, 800, framed, {
      background: BACKGROUND[shot.scheme], ink: INK[shot.scheme], caption: shot.caption, width, scale: SCALE,
      src: `data:image/png;base64,${shot.png.toString('base64')}`,
    });
    return writeOpaquePng(readPng(png));
  } finally {
    await page.close();
  }
}

function promo(arg: Record<string, string | number>) {
  document.body.style.cssText = 'margin:0;width:440px;height:280px;background:linear-gradient(135deg,#0b6bcb,#084f96);color:#fff;font-family:system-ui,sans-serif;display:flex;align-items:center;gap:22px;padding:0 30px;box-sizing:border-box';
  const img = document.createElement('img');
  img.src = String(arg.icon);
  img.style.cssText = 'width:104px;height:104px;flex:none;background:#fff;border-radius:24px;padding:8px;box-sizing:border-box';
  const text = document.createElement('div');
  const title = document.createElement('div');
  title.textContent = String(arg.name);
  title.style.cssText = 'font-size:26px;font-weight:700;line-height:1.15';
  const tagline = document.createElement('div');
  tagline.textContent = String(arg.tagline);
  tagline.style.cssText = 'font-size:16px;margin-top:10px;line-height:1.3;opacity:.95';
  text.append(title, tagline);
  document.body.append(img, text);
}

export async function promoTile(browser: Browser, iconSvg: string, name: string, tagline: string): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    const png = await render(page, 440, 280, promo, { icon: `data:image/svg+xml;base64,${Buffer.from(iconSvg).toString('base64')}`, name, tagline });
    return writeOpaquePng(readPng(png));
  } finally {
    await page.close();
  }
}

function iconPage(arg: Record<string, string | number>) {
  document.documentElement.style.background = 'transparent';
  document.body.style.cssText = `margin:0;width:${arg.size}px;height:${arg.size}px;background:transparent;display:flex;align-items:center;justify-content:center`;
  const img = document.createElement('img');
  img.src = String(arg.icon);
  img.style.cssText = `width:${arg.artwork}px;height:${arg.artwork}px`;
  document.body.append(img);
}

/** The icon drawn from icon.svg: `artwork` px of picture centred in a transparent `size` px square. */
export async function storeIcon(browser: Browser, iconSvg: string, size: number, artwork: number): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  try {
    return await render(page, size, size, iconPage, { icon: `data:image/svg+xml;base64,${Buffer.from(iconSvg).toString('base64')}`, size, artwork }, true);
  } finally {
    await page.close();
  }
}
