import { browser } from 'wxt/browser';

/**
 * Zoho does not document the HTTP method of pickup and status changes. We send PUT, fall back to
 * POST on 405 / error 1004, and remember what worked so later calls go right the first time.
 */
type Method = 'PUT' | 'POST';
const KEY = 'salesiqMethods';

export async function rememberedMethod(endpoint: string): Promise<Method> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Record<string, Method> | undefined;
  return stored?.[endpoint] ?? 'PUT';
}

export async function rememberMethod(endpoint: string, method: Method): Promise<void> {
  const stored = ((await browser.storage.local.get(KEY))[KEY] as Record<string, Method> | undefined) ?? {};
  if (stored[endpoint] === method) return;
  await browser.storage.local.set({ [KEY]: { ...stored, [endpoint]: method } });
}
