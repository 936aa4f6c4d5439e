/**
 * Chrome sizes a toolbar popup to its page, and shows a frame only once the page has drawn at
 * the popup's new size. Our page is empty until its IndexedDB read returns, so without a hint the
 * popup grows twice (to the empty page, then to the list) and the list's first frame waits for
 * the second resize: 4–12 ms at the median and 12–20 ms at p95 in paired benchmark runs (which
 * reopen the same queue, so the remembered height always fits). So the empty page holds the
 * height the popup had last time (CSS `#app:empty`), and the page remembers its height as it
 * changes. A height is all it keeps: nothing about the operator or visitors.
 */
const KEY = 'popup-height';
/** Chrome's limit for a popup. */
const MAX_HEIGHT = 600;

export function holdRememberedHeight(): void {
  try {
    const remembered = Number(localStorage.getItem(KEY));
    if (remembered > 0)
      document.documentElement.style.setProperty('--remembered-height', `${Math.min(remembered, MAX_HEIGHT)}px`);
    new ResizeObserver(([entry]) => {
      const height = Math.round(entry?.borderBoxSize[0]?.blockSize ?? 0);
      if (height > 0) localStorage.setItem(KEY, String(height));
    }).observe(document.body);
  } catch {
    // No storage (disabled by policy): the popup just grows as it did.
  }
}
